CREATE TABLE `persona_derivations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`group_id` text NOT NULL,
	`k_requested` integer,
	`k_chosen` integer,
	`features` text NOT NULL,
	`seed` integer NOT NULL,
	`status` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`stage` text,
	`dataset_version` integer,
	`customer_count` integer,
	`algorithm` text,
	`diagnostics` text,
	`details` text,
	`stability` real,
	`changes` text,
	`message` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `customer_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `persona_derivations_group_idx` ON `persona_derivations` (`group_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `persona_members` (
	`persona_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	PRIMARY KEY(`persona_id`, `customer_id`),
	FOREIGN KEY (`persona_id`) REFERENCES `personas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `persona_members_customer_idx` ON `persona_members` (`customer_id`);--> statement-breakpoint
CREATE TABLE `personas` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`group_id` text NOT NULL,
	`derivation_id` text,
	`origin` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`size` integer,
	`share` real,
	`revenue_share` real,
	`clv_mean` real,
	`distinguishing` text,
	`centroid` text,
	`typical` text,
	`category_shares` text,
	`evidence` text,
	`medoid_customer_ids` text,
	`stability` real,
	`previous_derivation_id` text,
	`moved_distance` real,
	`archived` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`group_id`) REFERENCES `customer_groups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`derivation_id`) REFERENCES `persona_derivations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `personas_group_idx` ON `personas` (`group_id`,`archived`,`position`);