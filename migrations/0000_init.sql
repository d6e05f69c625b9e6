CREATE TABLE `agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`number` text NOT NULL,
	`signed_on` text NOT NULL,
	`duration_months` integer NOT NULL,
	`end_on` text,
	`amount_fcfa` integer NOT NULL,
	`status` text NOT NULL,
	`termination_reason` text,
	`notes` text,
	`deleted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreements_organisation_idx` ON `agreements` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `agreements_signed_on_idx` ON `agreements` (`signed_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_number_unique` ON `agreements` (`number`) WHERE "agreements"."deleted_at" IS NULL;--> statement-breakpoint
CREATE TABLE `organisation_status_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`changed_on` text NOT NULL,
	`reason` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_changes_organisation_idx` ON `organisation_status_changes` (`organisation_id`,`changed_on`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`acronym` text,
	`type` text NOT NULL,
	`level` text NOT NULL,
	`region` text,
	`cercle` text,
	`commune` text,
	`sectors` text DEFAULT '[]' NOT NULL,
	`mandate` text,
	`key_functions` text,
	`staff_women` integer DEFAULT 0 NOT NULL,
	`staff_men` integer DEFAULT 0 NOT NULL,
	`contact_name` text,
	`contact_position` text,
	`contact_phone` text,
	`contact_email` text,
	`status` text NOT NULL,
	`archived_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_name_idx` ON `organisations` (`name`);--> statement-breakpoint
CREATE INDEX `organisations_status_idx` ON `organisations` (`status`);--> statement-breakpoint
CREATE INDEX `organisations_type_idx` ON `organisations` (`type`);--> statement-breakpoint
CREATE INDEX `organisations_region_idx` ON `organisations` (`region`);