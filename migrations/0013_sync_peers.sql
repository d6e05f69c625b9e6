CREATE TABLE `sync_peers` (
	`device` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`label` text NOT NULL,
	`headquarters` integer NOT NULL,
	`secret` text NOT NULL,
	`holds` text NOT NULL,
	`announced` integer NOT NULL,
	`last_batch_received` integer NOT NULL,
	`last_batch_sent` integer NOT NULL,
	`enrolled_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_quarantine` (
	`change_id` text PRIMARY KEY NOT NULL,
	`device` text NOT NULL,
	`seq` integer NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`change` text NOT NULL,
	`sender` text NOT NULL,
	`reason` text NOT NULL,
	`received_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_quarantine_record_idx` ON `sync_quarantine` (`table_name`,`record_id`);--> statement-breakpoint
ALTER TABLE `sync_installation` ADD `user_id` text;