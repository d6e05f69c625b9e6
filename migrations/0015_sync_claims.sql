CREATE TABLE `sync_claims` (
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`holder_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_claims_holder_idx` ON `sync_claims` (`table_name`,`holder_id`);--> statement-breakpoint
ALTER TABLE `sync_installation` ADD `min_app_version` text;