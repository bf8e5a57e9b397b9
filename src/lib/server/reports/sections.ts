import type { ReportSection } from '$lib/domain/insights/report';
import type { User } from '../db';
import { AppError } from '../errors';
import { headlineJson, leaksJson } from '../http/insights-json';
import { loyaltySectionJson } from '../http/insights-loyalty-json';
import { portfolioJson } from '../http/insights-portfolio-json';
import { valueWhereJson } from '../http/insights-value-json';
import { headline, leaks, loyaltySection, opportunities, valueWhere, type Answer, type InsightsInput } from '../insights';

/*
 * The insights sections a report can hold, each computed as the insights page computes it (the
 * same cached computations) and given as the page's JSON. A section the page gains is added here
 * and to REPORT_SECTIONS, and rendered by the print route.
 */

type Compute = (user: User | null, workspaceId: string, input: InsightsInput, waitMs: number) => Promise<Answer<unknown>>;

const sections = {
	headline: { compute: headline, toJson: headlineJson },
	value: { compute: valueWhere, toJson: valueWhereJson },
	leaks: { compute: leaks, toJson: leaksJson },
	loyalty: { compute: loyaltySection, toJson: loyaltySectionJson },
	opportunities: { compute: (user: User | null, workspaceId: string, _input: InsightsInput, waitMs: number) => opportunities(user, workspaceId, waitMs), toJson: portfolioJson }
} satisfies Record<ReportSection, { compute: Compute; toJson: (report: never) => unknown }>;

export type SectionJson<S extends ReportSection> = ReturnType<(typeof sections)[S]['toJson']>;

/** A section's figures, its progress while still computing, or what the data lacks (as on the insights page). */
export type SectionState<S extends ReportSection> =
	| { report: SectionJson<S>; progress: null; problem: null }
	| { report: null; progress: number; problem: null }
	| { report: null; progress: null; problem: string };

/** A section of the report within `waitMs`; too little data is its state, not a failure. */
export async function reportSection<S extends ReportSection>(section: S, user: User | null, workspaceId: string, input: InsightsInput, waitMs: number): Promise<SectionState<S>> {
	const { compute, toJson } = sections[section] as { compute: Compute; toJson: (report: unknown) => SectionJson<S> };
	try {
		const answer = await compute(user, workspaceId, input, waitMs);
		if (answer.status === 'running') return { report: null, progress: answer.progress, problem: null };
		return { report: toJson(answer.result), progress: null, problem: null };
	} catch (error) {
		if (error instanceof AppError && error.status === 422) return { report: null, progress: null, problem: error.message };
		throw error;
	}
}
