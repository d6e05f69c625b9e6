CREATE TABLE `attendance_summaries` (
	`session_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`sex` text NOT NULL,
	`decision_maker` integer NOT NULL,
	`first_day` text NOT NULL,
	`last_day` text NOT NULL,
	`days_planned` real NOT NULL,
	`days_attended` integer NOT NULL,
	`person_days` real NOT NULL,
	PRIMARY KEY(`session_id`, `participant_id`)
);
--> statement-breakpoint
CREATE INDEX `attendance_summaries_participant_idx` ON `attendance_summaries` (`participant_id`);--> statement-breakpoint
CREATE INDEX `attendance_summaries_first_day_idx` ON `attendance_summaries` (`first_day`);--> statement-breakpoint
CREATE INDEX `attendance_summaries_last_day_idx` ON `attendance_summaries` (`last_day`);--> statement-breakpoint
CREATE INDEX `attendance_summaries_organisation_idx` ON `attendance_summaries` (`organisation_id`);