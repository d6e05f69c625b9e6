DROP INDEX `attendance_summaries_participant_idx`;--> statement-breakpoint
CREATE INDEX `attendance_summaries_participant_idx` ON `attendance_summaries` (`participant_id`,`last_day`,`first_day`,`person_days`,`days_planned`,`sex`,`decision_maker`,`organisation_id`,`session_id`);--> statement-breakpoint
DROP INDEX `follow_ups_done_idx`;--> statement-breakpoint
CREATE INDEX `follow_ups_done_idx` ON `follow_ups` (`status`,`done_on`,`participant_id`,`skills_applied`,`offset_months`);--> statement-breakpoint
CREATE INDEX `evaluations_participant_idx` ON `evaluations` (`participant_id`);--> statement-breakpoint
CREATE INDEX `participants_figures_idx` ON `participants` (`id`,`sex`,`organisation_id`);