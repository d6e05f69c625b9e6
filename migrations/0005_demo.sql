CREATE TABLE `demo_records` (
	`table_name` text NOT NULL,
	`record_key` text NOT NULL,
	PRIMARY KEY(`table_name`, `record_key`)
);
