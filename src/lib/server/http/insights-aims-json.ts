import { z } from 'zod';
import { TRUSTED_CLV_MODELS } from '$lib/domain/metrics';
import type { CrmAimsReport } from '../insights';

/* The four aims of CRM on the insights page as JSON (`/api/v1/workspaces/:id/insights/aims`). */

const aimShape = z
	.object({
		current: z.number().nullable(),
		previous: z.number().nullable().describe('The same figure in the period of the same length before'),
		change: z.number().nullable().describe('current − previous; null where either has no figure'),
		n: z.number().int().describe('Customers the current figure rests on'),
		lowN: z.boolean().describe('n below `minimumRespondents`')
	})
	.meta({ id: 'InsightsAimFigure' });

const dayPeriod = z.object({ from: z.string(), to: z.string() });

export const aimsShape = z
	.object({
		status: z.literal('done'),
		period: dayPeriod,
		previousPeriod: dayPeriod,
		channel: z.string().nullable(),
		minimumRespondents: z.number().int(),
		clvModel: z.enum(TRUSTED_CLV_MODELS).nullable().describe('Null when no CLV can be trusted: `valueGrowth` and `lossMaking` are null then'),
		acquisition: aimShape
			.extend({
				seriesPeriod: z.enum(['month', 'quarter']),
				periods: z.array(z.string()).describe('The whole calendar periods of `period` counted (those before the data starts are left out)'),
				previousPeriods: z.array(z.string())
			})
			.describe('Aim 1, attract: mean new customers (first purchase) per whole calendar period, from /analytics/loyalty cohorts; ignores `channel`'),
		retention: aimShape.describe('Aim 2, keep: share (0–1) of the period\'s buyers who bought on two or more days, as the headline\'s repeat rate'),
		valueGrowth: aimShape.nullable().describe('Aim 3, raise value: mean trusted CLV of the period\'s buyers, as the headline\'s'),
		lossMaking: z
			.object({
				customers: aimShape.describe('Loss-making customers among the period\'s buyers, as /insights/value'),
				cost: aimShape.describe('What they cost: minus the sum of their value')
			})
			.nullable()
			.describe('Aim 4, fewer loss-making customers')
	})
	.meta({ id: 'InsightsAims' });

export type AimsJson = z.infer<typeof aimsShape>;

export const aimsJson = (report: CrmAimsReport): AimsJson => ({ status: 'done', ...report });
