CREATE TABLE `sync_exchanges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`peer` text NOT NULL,
	`direction` text NOT NULL,
	`via` text NOT NULL,
	`number` integer NOT NULL,
	`changes` integer NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE INDEX `sync_exchanges_peer_idx` ON `sync_exchanges` (`peer`,`id`);