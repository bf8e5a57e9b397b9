/** What one import file holds. `category_spend` is the share-of-wallet input. */
export const IMPORT_KINDS = ['customers', 'transactions', 'events', 'surveys', 'category_spend'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
