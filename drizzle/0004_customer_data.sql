CREATE TABLE `category_spend` (
	`customer_id` integer NOT NULL,
	`category` text NOT NULL,
	`amount` real NOT NULL,
	`category_total` real,
	PRIMARY KEY(`customer_id`, `category`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `column_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`mapping` text NOT NULL,
	`format` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `column_mappings_name_unique` ON `column_mappings` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `customer_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`event_type` text NOT NULL,
	`channel` text,
	`properties` text,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_events_hash_unique` ON `customer_events` (`workspace_id`,`row_hash`);--> statement-breakpoint
CREATE INDEX `customer_events_customer_idx` ON `customer_events` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `customer_events_type_idx` ON `customer_events` (`workspace_id`,`event_type`);--> statement-breakpoint
CREATE TABLE `customer_transactions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` integer NOT NULL,
	`occurred_at` integer NOT NULL,
	`amount` real NOT NULL,
	`quantity` real,
	`product` text,
	`category` text,
	`channel` text,
	`margin` real,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customer_transactions_hash_unique` ON `customer_transactions` (`workspace_id`,`row_hash`);--> statement-breakpoint
CREATE INDEX `customer_transactions_customer_idx` ON `customer_transactions` (`customer_id`,`occurred_at`);--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`external_id` text NOT NULL,
	`name` text,
	`email` text,
	`gender` text,
	`postcode` text,
	`city` text,
	`opt_in` integer,
	`birth_date` text,
	`interests` text,
	`preferences` text,
	`education` text,
	`occupation` text,
	`income_band` text,
	`household_size` integer,
	`children_count` integer,
	`loyalty_member` integer,
	`attributes` text,
	`acquired_at` integer,
	`acquisition_channel` text,
	`acquisition_cost` real,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_external_unique` ON `customers` (`workspace_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`workspace_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`file_name` text,
	`bytes` integer NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`rows_total` integer DEFAULT 0 NOT NULL,
	`rows_imported` integer DEFAULT 0 NOT NULL,
	`errors` text NOT NULL,
	`message` text,
	`created_by` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `imports_workspace_idx` ON `imports` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`workspace_id` text NOT NULL,
	`customer_id` integer,
	`occurred_at` integer NOT NULL,
	`kind` text NOT NULL,
	`score` integer NOT NULL,
	`event_type` text,
	`channel` text,
	`comment` text,
	`row_hash` text NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "survey_responses_score_check" CHECK(("survey_responses"."kind" = 'nps' and "survey_responses"."score" between 0 and 10) or ("survey_responses"."kind" = 'csat' and "survey_responses"."score" between 1 and 5) or ("survey_responses"."kind" = 'ces' and "survey_responses"."score" between 1 and 7))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_hash_unique` ON `survey_responses` (`workspace_id`,`row_hash`);--> statement-breakpoint
CREATE INDEX `survey_responses_customer_idx` ON `survey_responses` (`customer_id`);