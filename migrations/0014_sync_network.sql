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