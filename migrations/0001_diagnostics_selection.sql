CREATE TABLE `criteria_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`previous_version_id` text,
	`score_max` integer NOT NULL,
	`eligibility` text NOT NULL,
	`validated_on` text,
	`validation_reference` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `diagnostic_needs` (
	`id` text PRIMARY KEY NOT NULL,
	`diagnostic_id` text NOT NULL,
	`domain_code` text NOT NULL,
	`priority` integer NOT NULL,
	`description` text NOT NULL,
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnostic_needs_diagnostic_idx` ON `diagnostic_needs` (`diagnostic_id`,`priority`);--> statement-breakpoint
CREATE TABLE `diagnostic_scores` (
	`diagnostic_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`score` integer,
	`evidence` text,
	PRIMARY KEY(`diagnostic_id`, `criterion_id`),
	FOREIGN KEY (`diagnostic_id`) REFERENCES `diagnostics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criterion_id`) REFERENCES `framework_criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `diagnostics` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`framework_version_id` text NOT NULL,
	`conducted_on` text NOT NULL,
	`assessors` text NOT NULL,
	`method` text NOT NULL,
	`level` text NOT NULL,
	`status` text NOT NULL,
	`notes` text,
	`hr_plan_document_id` text,
	`hr_plan_rating` text,
	`hr_plan_comment` text,
	`completed_at` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`hr_plan_document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `diagnostics_organisation_idx` ON `diagnostics` (`organisation_id`,`conducted_on`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `framework_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`domain_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`descriptors` text NOT NULL,
	FOREIGN KEY (`domain_id`) REFERENCES `framework_domains`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `framework_criteria_domain_idx` ON `framework_criteria` (`domain_id`,`position`);--> statement-breakpoint
CREATE TABLE `framework_domains` (
	`id` text PRIMARY KEY NOT NULL,
	`version_id` text NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `framework_domains_version_idx` ON `framework_domains` (`version_id`,`position`);--> statement-breakpoint
CREATE TABLE `framework_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`framework_id` text NOT NULL,
	`version` integer NOT NULL,
	`scale_min` integer NOT NULL,
	`scale_max` integer NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`framework_id`) REFERENCES `frameworks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_unique` ON `framework_versions` (`framework_id`,`version`);--> statement-breakpoint
CREATE TABLE `frameworks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `round_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	`decision` text,
	`justification` text,
	`decided_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_candidates_round_idx` ON `round_candidates` (`round_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `round_candidates_unique` ON `round_candidates` (`round_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `round_conflicts` (
	`member_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`reason` text,
	PRIMARY KEY(`member_id`, `candidate_id`),
	FOREIGN KEY (`member_id`) REFERENCES `round_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `round_candidates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `round_members` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`institution` text,
	`present` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `selection_rounds`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_members_round_idx` ON `round_members` (`round_id`);--> statement-breakpoint
CREATE TABLE `round_scores` (
	`member_id` text NOT NULL,
	`candidate_id` text NOT NULL,
	`criterion_id` text NOT NULL,
	`score` integer NOT NULL,
	PRIMARY KEY(`member_id`, `candidate_id`, `criterion_id`),
	FOREIGN KEY (`member_id`) REFERENCES `round_members`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `round_candidates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`criterion_id`) REFERENCES `selection_criteria`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `round_scores_candidate_idx` ON `round_scores` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `selection_criteria` (
	`id` text PRIMARY KEY NOT NULL,
	`set_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`weight` integer NOT NULL,
	FOREIGN KEY (`set_id`) REFERENCES `criteria_sets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `selection_criteria_set_idx` ON `selection_criteria` (`set_id`,`position`);--> statement-breakpoint
CREATE TABLE `selection_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`criteria_set_id` text NOT NULL,
	`title` text NOT NULL,
	`meeting_on` text NOT NULL,
	`place` text,
	`quorum` integer NOT NULL,
	`notes` text,
	`consensus` integer,
	`steering_validated_on` text,
	`steering_reference` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`criteria_set_id`) REFERENCES `criteria_sets`(`id`) ON UPDATE no action ON DELETE no action
);
