PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_customer_measures` (
	`customer_id` integer NOT NULL,
	`workspace_id` text NOT NULL,
	`build` integer DEFAULT 0 NOT NULL,
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
	PRIMARY KEY(`customer_id`, `build`),
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_customer_measures`("customer_id", "workspace_id", "build", "transactions", "revenue", "average_order_value", "first_purchase_at", "last_purchase_at", "recency_days", "tenure_days", "age_years", "revenue_rank_percent", "r_score", "f_score", "m_score", "nps_score") SELECT "customer_id", "workspace_id", 0, "transactions", "revenue", "average_order_value", "first_purchase_at", "last_purchase_at", "recency_days", "tenure_days", "age_years", "revenue_rank_percent", "r_score", "f_score", "m_score", "nps_score" FROM `customer_measures`;--> statement-breakpoint
DROP TABLE `customer_measures`;--> statement-breakpoint
ALTER TABLE `__new_customer_measures` RENAME TO `customer_measures`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `customer_measures_workspace_build_idx` ON `customer_measures` (`workspace_id`,`build`);--> statement-breakpoint
ALTER TABLE `measure_sets` ADD `build` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE VIEW `current_customer_measures` AS select "customer_measures"."customer_id", "customer_measures"."workspace_id", "customer_measures"."build", "customer_measures"."transactions", "customer_measures"."revenue", "customer_measures"."average_order_value", "customer_measures"."first_purchase_at", "customer_measures"."last_purchase_at", "customer_measures"."recency_days", "customer_measures"."tenure_days", "customer_measures"."age_years", "customer_measures"."revenue_rank_percent", "customer_measures"."r_score", "customer_measures"."f_score", "customer_measures"."m_score", "customer_measures"."nps_score" from "customer_measures" inner join "measure_sets" on ("measure_sets"."workspace_id" = "customer_measures"."workspace_id" and "measure_sets"."build" = "customer_measures"."build");