CREATE TABLE `follow_up_documents` (
	`follow_up_id` text NOT NULL,
	`document_id` text NOT NULL,
	PRIMARY KEY(`follow_up_id`, `document_id`),
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` text PRIMARY KEY NOT NULL,
	`participant_id` text NOT NULL,
	`session_id` text,
	`pathway_id` text,
	`offset_months` integer NOT NULL,
	`due_on` text NOT NULL,
	`status` text NOT NULL,
	`trainer_name` text,
	`reason` text,
	`done_on` text,
	`method` text,
	`skills_applied` text,
	`evidence` text,
	`obstacles` text,
	`support_needed` text,
	`change_observed` text,
	`coaching_action_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pathway_id`) REFERENCES `pathways`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`coaching_action_id`) REFERENCES `pathway_actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_due_idx` ON `follow_ups` (`status`,`due_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_participant_idx` ON `follow_ups` (`participant_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_session_idx` ON `follow_ups` (`session_id`);--> statement-breakpoint
CREATE INDEX `follow_ups_pathway_idx` ON `follow_ups` (`pathway_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
