DROP INDEX `customer_events_hash_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `customer_events_customer_hash_unique` ON `customer_events` (`workspace_id`,`customer_id`,`row_hash`);--> statement-breakpoint
DROP INDEX `customer_transactions_hash_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `customer_transactions_customer_hash_unique` ON `customer_transactions` (`workspace_id`,`customer_id`,`row_hash`);