import { snapshotDiff, type SectionDiff } from '$lib/domain/insights/snapshot-diff';
import type { SnapshotFilters, SnapshotSections, SnapshotWithheld } from '$lib/domain/insights/snapshot';
import * as db from '../db';
import { requireWorkspace } from '../auth';
import { AppError, conflict, insufficientData, notFound } from '../errors';
import { insightsSections } from '../http/insights-sections';
import type { InsightsInput } from '../insights';

/*
 * Snapshots of the insights page: every section that is done, as its JSON answer, saved under
 * a name with the filters it was computed for. Viewers list, open and compare them; editors and
 * owners save, rename and delete them.
 */

/** How long each section is waited for while saving or comparing (the page waits as long). */
const WAIT_MS = 6_000;

export interface InsightsFigures {
	sections: SnapshotSections;
	withheld: SnapshotWithheld;
	datasetVersion: number;
}

export const filtersOf = (input: InsightsInput): SnapshotFilters => ({
	groupId: input.groupId ?? null,
	personaId: input.personaId ?? null,
	from: input.from ?? null,
	to: input.to ?? null,
	channel: input.channel ?? null,
	minimumRespondents: input.minimumRespondents
});

export const inputOf = (filters: SnapshotFilters): InsightsInput => ({
	groupId: filters.groupId ?? undefined,
	personaId: filters.personaId ?? undefined,
	from: filters.from ?? undefined,
	to: filters.to ?? undefined,
	channel: filters.channel ?? undefined,
	minimumRespondents: filters.minimumRespondents
});

/**
 * Every section of the insights page for these filters as it stands: each one done within
 * `waitMs` as its JSON answer, the others withheld with the reason (still computing, or what the
 * data lacks). A bad filter (a group or persona not in the workspace) is refused.
 */
export async function insightsFigures(user: db.User | null, workspaceId: string, input: InsightsInput, waitMs = WAIT_MS): Promise<InsightsFigures> {
	requireWorkspace(user, workspaceId, 'data:read');
	const datasetVersion = db.datasetVersion(workspaceId);
	const sections: SnapshotSections = {};
	const withheld: SnapshotWithheld = {};
	for (const [name, section] of Object.entries(insightsSections)) {
		try {
			const answer = await (section.compute as (...args: Parameters<typeof section.compute>) => Promise<{ status: 'done'; result: unknown } | { status: 'running' }>)(user, workspaceId, input, waitMs);
			if (answer.status === 'running') withheld[name] = { reason: 'running' };
			else sections[name] = (section.toJson as (report: unknown) => unknown)(answer.result);
		} catch (error) {
			// Too little data for a section is part of what the insights said then.
			if (error instanceof AppError && error.status === 422) withheld[name] = { reason: 'insufficient-data', message: error.message };
			else throw error;
		}
	}
	return { sections, withheld, datasetVersion };
}

/**
 * Saves the insights for these filters under a name. Only sections done now are kept: with none
 * done yet nothing is saved (409, try again shortly). One insert: the snapshot is there whole or
 * not at all.
 */
export async function saveSnapshot(
	user: db.User | null,
	workspaceId: string,
	input: { name: string; filters: InsightsInput },
	waitMs = WAIT_MS
): Promise<db.InsightSnapshotRecord> {
	const { user: actor } = requireWorkspace(user, workspaceId, 'analyses:write');
	const figures = await insightsFigures(actor, workspaceId, input.filters, waitMs);
	if (Object.keys(figures.sections).length === 0) {
		if (Object.values(figures.withheld).some((w) => w.reason === 'running')) {
			throw conflict('The insights are still being computed: save the snapshot again in a moment', { _: 'error_snapshot_still_computing' });
		}
		throw insufficientData('No section of the insights has figures to keep for these filters');
	}
	const saved = db.insertInsightSnapshot({ workspaceId, name: input.name, filters: filtersOf(input.filters), ...figures, createdBy: actor.id });
	return { ...saved, createdByName: actor.name };
}

export function listSnapshots(user: db.User | null, workspaceId: string, request: db.PageRequest): db.Page<db.InsightSnapshotSummary> {
	requireWorkspace(user, workspaceId, 'data:read');
	return db.listInsightSnapshots(workspaceId, request);
}

export function getSnapshot(user: db.User | null, workspaceId: string, snapshotId: string): db.InsightSnapshotRecord {
	requireWorkspace(user, workspaceId, 'data:read');
	const snapshot = db.findInsightSnapshot(workspaceId, snapshotId);
	if (!snapshot) throw notFound('Snapshot');
	return snapshot;
}

/** A new name; its figures and date stay as they were. */
export function renameSnapshot(user: db.User | null, workspaceId: string, snapshotId: string, name: string): db.InsightSnapshotRecord {
	requireWorkspace(user, workspaceId, 'analyses:write');
	if (!db.renameInsightSnapshot(workspaceId, snapshotId, name)) throw notFound('Snapshot');
	return db.findInsightSnapshot(workspaceId, snapshotId)!;
}

export function deleteSnapshot(user: db.User | null, workspaceId: string, snapshotId: string): void {
	requireWorkspace(user, workspaceId, 'analyses:write');
	if (!db.deleteInsightSnapshot(workspaceId, snapshotId)) throw notFound('Snapshot');
}

/** One side of a comparison: a saved snapshot, or the insights now for the other side's filters. */
export type ComparedSide = ({ kind: 'snapshot' } & db.InsightSnapshotRecord) | ({ kind: 'current'; filters: SnapshotFilters } & InsightsFigures);

export interface Comparison {
	a: ComparedSide;
	b: ComparedSide;
	sections: SectionDiff[];
	/** The current side has a section still computing: look again shortly. */
	running: boolean;
	/** The current side has no figures: the snapshot's customer group or persona no longer exists. */
	cutGone: boolean;
}

/**
 * Snapshot `a` against snapshot `b`, or against the insights now (`b` = `current`) for a's
 * filters, so that like is compared with like.
 */
export async function compareSnapshots(user: db.User | null, workspaceId: string, aId: string, bId: string, waitMs = WAIT_MS): Promise<Comparison> {
	const a: ComparedSide = { kind: 'snapshot', ...getSnapshot(user, workspaceId, aId) };
	let cutGone = false;
	let b: ComparedSide;
	if (bId !== 'current') b = { kind: 'snapshot', ...getSnapshot(user, workspaceId, bId) };
	else {
		try {
			b = { kind: 'current', filters: a.filters, ...(await insightsFigures(user, workspaceId, inputOf(a.filters), waitMs)) };
		} catch (error) {
			// The snapshot's group or persona is gone: today has no figures for it, the snapshot still does.
			if (!(error instanceof AppError && error.status === 404)) throw error;
			cutGone = true;
			b = { kind: 'current', filters: a.filters, sections: {}, withheld: {}, datasetVersion: db.datasetVersion(workspaceId) };
		}
	}
	return {
		a,
		b,
		sections: snapshotDiff(a.sections, b.sections),
		running: Object.values(b.withheld).some((w) => w.reason === 'running'),
		cutGone
	};
}
