CREATE TABLE `indicator_values` (
	`id` text PRIMARY KEY NOT NULL,
	`indicator_id` text NOT NULL,
	`year` integer NOT NULL,
	`sex` text,
	`value` real NOT NULL,
	`source` text NOT NULL,
	`recorded_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`indicator_id`) REFERENCES `indicators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_values_indicator_idx` ON `indicator_values` (`indicator_id`,`year`);--> statement-breakpoint
CREATE TABLE `indicators` (
	`id` text PRIMARY KEY NOT NULL,
	`result_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`definition` text,
	`unit` text NOT NULL,
	`by_sex` integer NOT NULL,
	`kind` text NOT NULL,
	`computed_key` text,
	`baseline` real,
	`targets` text NOT NULL,
	`position` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`result_id`) REFERENCES `results`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicators_result_idx` ON `indicators` (`result_id`,`position`);--> statement-breakpoint
CREATE TABLE `results` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`position` integer NOT NULL
);
