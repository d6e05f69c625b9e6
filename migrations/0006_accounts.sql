CREATE TABLE `audit_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_name` text,
	`method` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_calls_at_idx` ON `audit_calls` (`at`);--> statement-breakpoint
CREATE INDEX `audit_calls_user_idx` ON `audit_calls` (`user_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_calls_method_idx` ON `audit_calls` (`method`,`at`);--> statement-breakpoint
CREATE TABLE `audit_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`call_id` text NOT NULL,
	`table_name` text NOT NULL,
	`record_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`call_id`) REFERENCES `audit_calls`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_changes_call_idx` ON `audit_changes` (`call_id`);--> statement-breakpoint
CREATE INDEX `audit_changes_record_idx` ON `audit_changes` (`table_name`,`record_id`);--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_user_idx` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `sign_in_failures` (
	`login` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `user_pathways` (
	`user_id` text NOT NULL,
	`pathway_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `pathway_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`pathway_id`) REFERENCES `pathways`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_pathways_pathway_idx` ON `user_pathways` (`pathway_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`active` integer NOT NULL,
	`last_sign_in_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_unique` ON `users` (`login`);--> statement-breakpoint
CREATE TRIGGER `audit_calls_no_update` BEFORE UPDATE ON `audit_calls` BEGIN SELECT RAISE(ABORT, 'Le journal des modifications ne peut être ni modifié ni effacé.'); END;--> statement-breakpoint
CREATE TRIGGER `audit_calls_no_delete` BEFORE DELETE ON `audit_calls` BEGIN SELECT RAISE(ABORT, 'Le journal des modifications ne peut être ni modifié ni effacé.'); END;--> statement-breakpoint
CREATE TRIGGER `audit_changes_no_update` BEFORE UPDATE ON `audit_changes` BEGIN SELECT RAISE(ABORT, 'Le journal des modifications ne peut être ni modifié ni effacé.'); END;--> statement-breakpoint
CREATE TRIGGER `audit_changes_no_delete` BEFORE DELETE ON `audit_changes` BEGIN SELECT RAISE(ABORT, 'Le journal des modifications ne peut être ni modifié ni effacé.'); END;
