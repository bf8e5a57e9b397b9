CREATE TABLE `doc_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`update` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `doc_updates_doc_idx` ON `doc_updates` (`doc_name`,`id`);--> statement-breakpoint
CREATE TABLE `doc_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`doc_name` text NOT NULL,
	`label` text,
	`kind` text NOT NULL,
	`state` blob NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `doc_versions_doc_idx` ON `doc_versions` (`doc_name`,`id`);