CREATE TABLE `attendance` (
	`day_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`day_id`, `participant_id`),
	FOREIGN KEY (`day_id`) REFERENCES `session_days`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_participant_idx` ON `attendance` (`participant_id`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`session_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`satisfaction` integer,
	`pre_score` real,
	`post_score` real,
	PRIMARY KEY(`session_id`, `participant_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `module_materials` (
	`module_id` text NOT NULL,
	`document_id` text NOT NULL,
	PRIMARY KEY(`module_id`, `document_id`),
	FOREIGN KEY (`module_id`) REFERENCES `training_modules`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`sex` text NOT NULL,
	`age_band` text,
	`position` text,
	`decision_maker` integer NOT NULL,
	`phone` text,
	`phone_digits` text,
	`sort_name` text NOT NULL,
	`search_text` text NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participants_organisation_idx` ON `participants` (`organisation_id`,`last_name`);--> statement-breakpoint
CREATE INDEX `participants_sort_idx` ON `participants` (`sort_name`);--> statement-breakpoint
CREATE INDEX `participants_phone_idx` ON `participants` (`phone_digits`);--> statement-breakpoint
CREATE TABLE `pathway_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`step_id` text NOT NULL,
	`position` integer NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`planned_start` text NOT NULL,
	`planned_end` text NOT NULL,
	`budget_fcfa` integer NOT NULL,
	FOREIGN KEY (`step_id`) REFERENCES `pathway_steps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pathway_actions_step_idx` ON `pathway_actions` (`step_id`,`position`);--> statement-breakpoint
CREATE TABLE `pathway_needs` (
	`pathway_id` text NOT NULL,
	`need_id` text NOT NULL,
	PRIMARY KEY(`pathway_id`, `need_id`),
	FOREIGN KEY (`pathway_id`) REFERENCES `pathways`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`need_id`) REFERENCES `diagnostic_needs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pathway_participants` (
	`pathway_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`enrolled_at` text NOT NULL,
	PRIMARY KEY(`pathway_id`, `participant_id`),
	FOREIGN KEY (`pathway_id`) REFERENCES `pathways`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pathway_participants_participant_idx` ON `pathway_participants` (`participant_id`);--> statement-breakpoint
CREATE TABLE `pathway_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`pathway_id` text NOT NULL,
	`phase` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	FOREIGN KEY (`pathway_id`) REFERENCES `pathways`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pathway_steps_pathway_idx` ON `pathway_steps` (`pathway_id`,`position`);--> statement-breakpoint
CREATE TABLE `pathways` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`title` text NOT NULL,
	`target_skills` text,
	`performance_objective` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`budget_fcfa` integer NOT NULL,
	`status` text NOT NULL,
	`approved_on` text,
	`approval_reference` text,
	`suspension_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pathways_organisation_idx` ON `pathways` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `session_days` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`end_time` text NOT NULL,
	`half_day` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_days_session_idx` ON `session_days` (`session_id`,`date`);--> statement-breakpoint
CREATE INDEX `session_days_date_idx` ON `session_days` (`date`);--> statement-breakpoint
CREATE TABLE `session_participants` (
	`session_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`walk_in` integer NOT NULL,
	PRIMARY KEY(`session_id`, `participant_id`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_participants_participant_idx` ON `session_participants` (`participant_id`);--> statement-breakpoint
CREATE TABLE `session_trainers` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`sex` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_trainers_session_idx` ON `session_trainers` (`session_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`pathway_action_id` text,
	`module_id` text,
	`phase` text NOT NULL,
	`region` text,
	`commune` text,
	`venue` text,
	`cost_fcfa` integer NOT NULL,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`pathway_action_id`) REFERENCES `pathway_actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`module_id`) REFERENCES `training_modules`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_action_idx` ON `sessions` (`pathway_action_id`);--> statement-breakpoint
CREATE TABLE `training_modules` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`theme` text,
	`objectives` text,
	`duration_hours` real NOT NULL,
	`target_public` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
