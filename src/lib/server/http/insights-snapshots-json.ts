import { z } from 'zod';
import type * as db from '../db';
import { insightsSections } from './insights-sections';

/* Snapshots of the insights page as JSON (`/api/v1/workspaces/:id/insights/snapshots`). */

const filtersShape = z
	.object({
		groupId: z.string().nullable(),
		personaId: z.string().nullable(),
		from: z.string().nullable().describe('First day (YYYY-MM-DD); null with `to`: the last 90 days of the data then'),
		to: z.string().nullable(),
		channel: z.string().nullable(),
		minimumRespondents: z.number().int()
	})
	.describe('The filters the figures were computed for, as the section endpoints take them')
	.meta({ id: 'InsightsSnapshotFilters' });

const summaryShape = z
	.object({
		id: z.string(),
		name: z.string(),
		filters: filtersShape,
		datasetVersion: z.number().int().describe('The version of the imported data the figures were computed on'),
		createdAt: z.iso.datetime(),
		createdBy: z.object({ id: z.string(), name: z.string() }).nullable().describe('Who saved it; null once they have left Waymark')
	})
	.meta({ id: 'InsightsSnapshotSummary' });

const sectionsShape = z
	.object(Object.fromEntries(Object.entries(insightsSections).map(([name, section]) => [name, section.shape.optional()])) as Record<string, z.ZodOptional<z.ZodType>>)
	.describe('Each section that was done when saved, as its endpoint answered then (`value` as /insights/value, …)');

const withheldShape = z
	.record(
		z.string(),
		z.discriminatedUnion('reason', [z.object({ reason: z.literal('running') }), z.object({ reason: z.literal('insufficient-data'), message: z.string() })])
	)
	.describe('The sections not kept, by name: still computing when saved, or what the data lacked');

export const insightsSnapshotShape = summaryShape.extend({ sections: sectionsShape, withheld: withheldShape }).meta({ id: 'InsightsSnapshot' });
export const insightsSnapshotSummaryShape = summaryShape;

export function insightsSnapshotSummaryJson(snapshot: db.InsightSnapshotSummary): z.infer<typeof summaryShape> {
	return {
		id: snapshot.id,
		name: snapshot.name,
		filters: snapshot.filters,
		datasetVersion: snapshot.datasetVersion,
		createdAt: snapshot.createdAt.toISOString(),
		createdBy: snapshot.createdBy && snapshot.createdByName !== null ? { id: snapshot.createdBy, name: snapshot.createdByName } : null
	};
}

export function insightsSnapshotJson(snapshot: db.InsightSnapshotRecord): z.infer<typeof insightsSnapshotShape> {
	return { ...insightsSnapshotSummaryJson(snapshot), sections: snapshot.sections, withheld: snapshot.withheld };
}
