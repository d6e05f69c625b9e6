CREATE TABLE `sync_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`device` text NOT NULL,
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`author` text NOT NULL,
	`at` text NOT NULL,
	`supersedes` text NOT NULL,
	`never_sent` integer NOT NULL,
	`call_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_changes_device_seq_unique` ON `sync_changes` (`device`,`seq`);--> statement-breakpoint
CREATE INDEX `sync_changes_record_idx` ON `sync_changes` (`table_name`,`record_id`);--> statement-breakpoint
CREATE TABLE `sync_heads` (
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`field` text NOT NULL,
	`change_ids` text NOT NULL,
	PRIMARY KEY(`table_name`, `record_id`, `field`)
);
--> statement-breakpoint
CREATE TABLE `sync_installation` (
	`device` text PRIMARY KEY NOT NULL,
	`role` text NOT NULL,
	`next_seq` integer NOT NULL,
	`clock` text,
	`captured_through` integer NOT NULL
);
--> statement-breakpoint
-- This database becomes headquarters: a random (version 4) uuid as its device id; what the trail
-- already holds stays history, the capture starts after it.
INSERT INTO `sync_installation` (`device`, `role`, `next_seq`, `clock`, `captured_through`)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-'
         || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
       'headquarters', 1, NULL, coalesce((SELECT max(`id`) FROM `audit_changes`), 0);
