/*
 * A snapshot of the insights page: the figures of its sections as they were when saved, and the
 * filters they were computed for. Stored, not recomputed: an import later changes nothing in it.
 */

/** The page's filters a snapshot was taken with (null: the page's default). */
export interface SnapshotFilters {
	groupId: string | null;
	personaId: string | null;
	from: string | null;
	to: string | null;
	channel: string | null;
	minimumRespondents: number;
}

/** Each section that was done, by its name (`headline`, `value`, …), as its JSON answer. */
export type SnapshotSections = Record<string, unknown>;

/** Why a section is not in a snapshot: still computing when it was saved, or what the data lacked. */
export type SnapshotWithheld = Record<string, { reason: 'running' } | { reason: 'insufficient-data'; message: string }>;

export const SNAPSHOT_NAME_MAX = 120;
