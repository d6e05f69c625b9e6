ALTER TABLE `indicators` ADD `direction` text;--> statement-breakpoint
CREATE INDEX `follow_ups_done_idx` ON `follow_ups` (`status`,`done_on`);--> statement-breakpoint
CREATE INDEX `follow_ups_trainer_idx` ON `follow_ups` (`trainer_name`);