CREATE TABLE `customer_groups` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`basis` text NOT NULL,
	`rule` text NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_groups_name_unique` ON `customer_groups` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `customer_measures` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`transactions` integer NOT NULL,
	`revenue` real NOT NULL,
	`average_order_value` real,
	`first_purchase_at` integer,
	`last_purchase_at` integer,
	`recency_days` real,
	`tenure_days` real,
	`age_years` real,
	`revenue_rank_percent` real NOT NULL,
	`r_score` integer,
	`f_score` integer,
	`m_score` integer,
	`nps_score` integer,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `customer_measures_workspace_idx` ON `customer_measures` (`workspace_id`);--> statement-breakpoint
CREATE TABLE `measure_sets` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`dataset_version` integer NOT NULL,
	`reference_at` integer NOT NULL,
	`built_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
