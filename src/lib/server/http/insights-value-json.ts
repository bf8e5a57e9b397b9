import { z } from 'zod';
import { TRUSTED_CLV_MODELS } from '$lib/domain/metrics';
import type { ValueWhereReport } from '../insights';

/* "Where is our value?" of the insights page as JSON (`/api/v1/workspaces/:id/insights/value`). */

const segmentShape = z
	.object({
		kind: z.enum(['group', 'persona']),
		id: z.string(),
		name: z.string(),
		groupId: z.string().describe('The group (of a persona: the group it was derived in)'),
		suppressed: z.boolean().describe('Fewer customers than `minimumSegmentCustomers`: every figure is null'),
		customers: z.number().int().nullable().describe('Customers of the segment with a purchase in the period and a known CLV'),
		total: z.number().nullable().describe('Sum of their CLV'),
		mean: z.number().nullable(),
		share: z.number().nullable().describe('Share (0–1) of the total CLV of the period\'s customers; null when that total is not positive')
	})
	.meta({ id: 'InsightsValueSegment' });

const tallyShape = z.object({
	customers: z.number().int(),
	value: z.number().describe('Sum of current value (CLV)'),
	potential: z.number().describe('Sum of potential value (at full share of wallet; a loss-making customer\'s own value)')
});

export const valueWhereShape = z
	.object({
		status: z.literal('done'),
		period: z.object({ from: z.string(), to: z.string() }),
		channel: z.string().nullable(),
		minimumSegmentCustomers: z.number().int().describe('Groups and personas with fewer customers show no figures'),
		clvModel: z
			.enum(TRUSTED_CLV_MODELS)
			.nullable()
			.describe('Where the CLV comes from: BG/NBD + Gamma-Gamma when usable, else the pooled formula; null when neither can be trusted (`figures` is null then)'),
		figures: z
			.object({
				customers: z.number().int().describe('Customers with a purchase in the period and a known CLV: the n of every figure'),
				lowN: z.boolean().describe('Fewer customers than `minimumRespondents`: do not read much into the figures'),
				total: z.number(),
				mean: z.number().nullable(),
				segments: z.array(segmentShape),
				pareto: z.array(z.object({ customers: z.number(), value: z.number() })).describe('Share of customers (largest CLV first) against share of the total CLV; empty when the total is not positive'),
				topFraction: z.number(),
				topShare: z.number().nullable().describe('Share of the total CLV held by the top `topFraction` of customers'),
				actions: z.object({
					keep: tallyShape,
					develop: tallyShape,
					'loss-making': tallyShape,
					unknown: z.object({ customers: z.number().int(), value: z.number() }).describe('Positive value, no category spend: no basis for a potential'),
					lossCost: z.number().describe('What the loss-making customers cost: minus the sum of their value'),
					withShareOfWallet: z.number().int()
				}),
				wallet: z
					.object({
						customers: z.number().int(),
						current: z.number(),
						potential: z.number(),
						medianShare: z.number().nullable().describe('Median share of wallet of these customers (0–1)')
					})
					.nullable()
					.describe('Current against potential value of customers with a known share of wallet; null when no customer has one')
			})
			.nullable()
	})
	.meta({ id: 'InsightsValue' });

export type ValueWhereJson = z.infer<typeof valueWhereShape>;

export const valueWhereJson = (report: ValueWhereReport): ValueWhereJson => ({
	status: 'done',
	period: report.period,
	channel: report.channel,
	minimumSegmentCustomers: report.minimumSegmentCustomers,
	clvModel: report.clvModel,
	figures: report.figures && {
		...report.figures,
		segments: report.figures.segments.map(({ value, ...segment }) => ({ ...segment, ...value }))
	}
});
