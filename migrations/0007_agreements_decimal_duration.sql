PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agreements` (
	`id` text PRIMARY KEY NOT NULL,
	`organisation_id` text NOT NULL,
	`number` text NOT NULL,
	`number_key` text NOT NULL,
	`signed_on` text NOT NULL,
	`duration_months` real NOT NULL,
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
INSERT INTO `__new_agreements`("id", "organisation_id", "number", "number_key", "signed_on", "duration_months", "end_on", "amount_fcfa", "status", "termination_reason", "notes", "deleted_at", "created_at", "updated_at") SELECT "id", "organisation_id", "number", compact_key("number"), "signed_on", "duration_months", "end_on", "amount_fcfa", "status", "termination_reason", "notes", "deleted_at", "created_at", "updated_at" FROM `agreements`;--> statement-breakpoint
DROP TABLE `agreements`;--> statement-breakpoint
ALTER TABLE `__new_agreements` RENAME TO `agreements`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `agreements_organisation_idx` ON `agreements` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `agreements_signed_on_idx` ON `agreements` (`signed_on`);--> statement-breakpoint
CREATE UNIQUE INDEX `agreements_number_unique` ON `agreements` (`number`) WHERE "agreements"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX `agreements_number_key_idx` ON `agreements` (`number_key`);