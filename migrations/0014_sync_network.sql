CREATE TABLE `sync_orphans` (
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`parent_table` text NOT NULL,
	`parent_id` text NOT NULL,
	PRIMARY KEY(`table_name`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `sync_orphans_parent_idx` ON `sync_orphans` (`parent_table`,`parent_id`);--> statement-breakpoint
CREATE TABLE `sync_transfers` (
	`id` text PRIMARY KEY NOT NULL,
	`device` text NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL,
	`reply` blob,
	`reply_size` integer,
	`report` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `sync_installation` ADD `headquarters_url` text;