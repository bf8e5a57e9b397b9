/** The JSON of `GET /api/v1/workspaces/:id/data/summary`, as the data page reads it. */

export type DataKind = 'customers' | 'transactions' | 'events' | 'surveys';

export interface Range {
	count: number;
	from: string | null;
	to: string | null;
}

export interface ColumnCompleteness {
	field: string;
	filled: number;
	share: number | null;
	low: boolean;
}

export interface KindStaleness {
	kind: DataKind;
	lastImport: { id: string; fileName: string | null; finishedAt: string } | null;
	latestDataAt: string | null;
	ageDays: number | null;
	stale: boolean;
}

/** Rows dated after the server's today: imported and kept, left out of figures. */
export interface KindFutureDated {
	kind: Exclude<DataKind, 'customers'>;
	count: number;
	latest: string | null;
}

export interface DataSummary {
	datasetVersion: number;
	customers: { count: number; imported: number };
	transactions: Range & { amount: number };
	events: Range;
	surveys: Range;
	completeness: { lowBelow: number; kinds: { kind: DataKind; rows: number; columns: ColumnCompleteness[] }[] };
	staleness: { staleAfterDays: number; kinds: KindStaleness[] };
	futureDated: { today: string; kinds: KindFutureDated[] };
	duplicates: {
		emailGroups: number;
		emailCustomers: number;
		/** Null for viewers: they see counts only. */
		emailGroupIds: { count: number; externalIds: string[] }[] | null;
		repeatedRows: Record<Exclude<DataKind, 'customers'>, number>;
	};
}
