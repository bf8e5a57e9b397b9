import type { ReportSection } from '$lib/domain/insights/report';
import type { User } from '../db';
import { AppError } from '../errors';
import { insightsSections } from '../http/insights-sections';
import type { Answer, InsightsInput } from '../insights';

/*
 * The insights sections a report holds: the page's sections (insightsSections), each computed
 * as the page computes it (the same cached computations) and given as the page's JSON.
 */

type Compute = (user: User | null, workspaceId: string, input: InsightsInput, waitMs: number) => Promise<Answer<unknown>>;

const sections = insightsSections satisfies Record<ReportSection, unknown>;

export type SectionJson<S extends ReportSection> = ReturnType<(typeof sections)[S]['toJson']>;

/** A section's figures, its progress while still computing, or what the data lacks (as on the insights page). */
export type SectionState<S extends ReportSection> =
	| { report: SectionJson<S>; progress: null; problem: null }
	| { report: null; progress: number; problem: null }
	| { report: null; progress: null; problem: string };

/** A section of the report within `waitMs`; too little data is its state, not a failure. */
export async function reportSection<S extends ReportSection>(section: S, user: User | null, workspaceId: string, input: InsightsInput, waitMs: number): Promise<SectionState<S>> {
	// Each entry pairs its computation with its own mapper; the union of entries cannot say so to the type checker.
	const { compute, toJson } = sections[section] as unknown as { compute: Compute; toJson: (report: unknown) => SectionJson<S> };
	try {
		const answer = await compute(user, workspaceId, input, waitMs);
		if (answer.status === 'running') return { report: null, progress: answer.progress, problem: null };
		return { report: toJson(answer.result), progress: null, problem: null };
	} catch (error) {
		if (error instanceof AppError && error.status === 422) return { report: null, progress: null, problem: error.message };
		throw error;
	}
}
