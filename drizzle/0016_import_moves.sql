CREATE TABLE `import_moves` (
	`import_id` text PRIMARY KEY NOT NULL,
	`table_name` text NOT NULL,
	`rows_above` integer NOT NULL,
	`customers_above` integer NOT NULL,
	`created_at` integer NOT NULL
);
