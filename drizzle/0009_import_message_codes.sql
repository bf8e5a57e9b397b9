ALTER TABLE `imports` ADD `message_code` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `message_params` text;