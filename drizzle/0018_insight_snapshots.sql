CREATE TABLE `insight_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`filters` text NOT NULL,
	`sections` text NOT NULL,
	`withheld` text NOT NULL,
	`dataset_version` integer NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `insight_snapshots_workspace_created` ON `insight_snapshots` (`workspace_id`,`created_at`,`id`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `minimum_segment_customers` integer DEFAULT 10 NOT NULL;