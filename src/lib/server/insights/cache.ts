/**
 * Results of analyses, kept per workspace, dataset version and parameters. A new import raises
 * the dataset version, so older entries are never read again and age out. The same computation
 * asked twice while running is shared, not started twice.
 */
export interface Computation<T> {
	key: string;
	/** 0–1 while running. */
	progress: number;
	result: Promise<T>;
	/** Set once the promise settled. */
	settled: { value: T } | { error: unknown } | null;
}

const MAX_ENTRIES = 64;

export class ResultCache {
	private readonly entries = new Map<string, Computation<unknown>>();

	constructor(private readonly maxEntries = MAX_ENTRIES) {}

	/** The computation for `key`, started with `compute` if there is none (or the last one failed). */
	get<T>(key: string, compute: (report: (progress: number) => void) => Promise<T>): Computation<T> {
		const existing = this.entries.get(key) as Computation<T> | undefined;
		if (existing && !(existing.settled && 'error' in existing.settled)) {
			// Most recently used goes last: the first entry is the one to drop.
			this.entries.delete(key);
			this.entries.set(key, existing);
			return existing;
		}
		const computation: Computation<T> = { key, progress: 0, settled: null, result: Promise.resolve(undefined as T) };
		computation.result = compute((progress) => {
			computation.progress = Math.min(1, Math.max(computation.progress, progress));
		}).then(
			(value) => {
				computation.settled = { value };
				computation.progress = 1;
				return value;
			},
			(error: unknown) => {
				computation.settled = { error };
				throw error;
			}
		);
		// Nobody may be waiting: a failure is kept in `settled`, not thrown at the process.
		computation.result.catch(() => {});
		this.entries.set(key, computation as Computation<unknown>);
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return computation;
	}

	/** Forgets everything of a workspace (deleted, or its data erased). */
	forgetWorkspace(workspaceId: string): void {
		for (const key of [...this.entries.keys()]) if (key.startsWith(`${workspaceId}:`)) this.entries.delete(key);
	}
}

/**
 * What a workspace's latest dataset version gives, made once per version and shared: the
 * version's promise per workspace, dropped when it fails (the next ask tries again).
 */
export function latestOnly<T>() {
	const kept = new Map<string, { version: number; data: Promise<T> }>();
	const get = (workspaceId: string, version: number, make: () => Promise<T>): Promise<T> => {
		const current = kept.get(workspaceId);
		if (current && current.version === version) return current.data;
		const data = make();
		kept.set(workspaceId, { version, data });
		data.catch(() => {
			if (kept.get(workspaceId)?.data === data) kept.delete(workspaceId);
		});
		return data;
	};
	return Object.assign(get, { forget: (workspaceId: string) => void kept.delete(workspaceId) });
}

/** Lets the event loop serve other requests between the steps of a long computation. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
