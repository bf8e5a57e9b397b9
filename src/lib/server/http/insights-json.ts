import { z } from 'zod';
import { DROP_OFF_CATEGORIES } from '$lib/domain/board';
import { TRUSTED_CLV_MODELS } from '$lib/domain/metrics';
import type { HeadlineReport, LeaksReport, PeriodFigures } from '../insights';
import { cesJson, cesShape, csatJson, csatShape, figure, finite, npsJson, npsShape } from './json';

/*
 * The insights sections as JSON (`/api/v1/workspaces/:id/insights/...`): the shapes the OpenAPI
 * document shows and the mappers the endpoints and the page are typed by.
 */

const periodShape = z.object({ from: z.string().describe('First day (YYYY-MM-DD)'), to: z.string().describe('Last day, included') }).meta({ id: 'InsightsPeriod' });

const clvModelShape = z
	.enum(TRUSTED_CLV_MODELS)
	.nullable()
	.describe('Where the CLV comes from: BG/NBD + Gamma-Gamma when their fits are usable, else the pooled formula; null when the data can carry neither (every CLV figure is null then)');

const periodFiguresShape = z
	.object({
		period: periodShape,
		customers: z.number().int().describe('Customers with a purchase in the period'),
		clvTotal: figure.describe('Sum of their CLV (one year); null when no CLV can be trusted'),
		clvMean: figure.describe('Mean CLV of those whose CLV is known; null when none can be trusted or none is known'),
		clvN: z.number().int().describe('Customers whose CLV is known: the n of the mean'),
		clvLowN: z.boolean(),
		nps: npsShape,
		csat: csatShape,
		ces: cesShape,
		repeatPurchaseRate: figure.describe('Share (0–1) of the period\'s customers who bought on two or more days in it'),
		repeatBuyers: z.number().int(),
		repeatLowN: z.boolean().describe('Fewer customers than the minimum: do not read much into the rate')
	})
	.meta({ id: 'InsightsPeriodFigures' });

const change = figure.describe('Current minus previous; null = no comparison (either period has no figure)');

export const headlineShape = z
	.object({
		status: z.literal('done'),
		minimumRespondents: z.number().int(),
		channel: z.string().nullable().describe('Entry channel cut: customers whose first event came through it'),
		clvModel: clvModelShape,
		current: periodFiguresShape,
		previous: periodFiguresShape.describe('The period of the same length straight before'),
		change: z.object({
			customers: change,
			clvTotal: change,
			clvMean: change,
			nps: change.describe('In NPS points'),
			csat: change.describe('In percentage points'),
			ces: change,
			repeatPurchaseRate: change.describe('In share (0–1)')
		})
	})
	.meta({ id: 'InsightsHeadline' });

const periodFiguresJson = (f: PeriodFigures): z.infer<typeof periodFiguresShape> => ({
	period: f.period,
	customers: f.customers,
	clvTotal: f.clvTotal,
	clvMean: f.clvMean,
	clvN: f.clvN,
	clvLowN: f.clvLowN,
	nps: npsJson(f.nps),
	csat: csatJson(f.csat),
	ces: cesJson(f.ces),
	repeatPurchaseRate: finite(f.repeatPurchaseRate),
	repeatBuyers: f.repeatBuyers,
	repeatLowN: f.repeatLowN
});

export const headlineJson = (report: HeadlineReport): z.infer<typeof headlineShape> => ({
	status: 'done',
	minimumRespondents: report.minimumRespondents,
	channel: report.channel,
	clvModel: report.clvModel,
	current: periodFiguresJson(report.current),
	previous: periodFiguresJson(report.previous),
	change: report.change
});

export const leaksShape = z
	.object({
		status: z.literal('done'),
		period: periodShape,
		channel: z.string().nullable(),
		minimumRespondents: z.number().int(),
		rankedBy: z.enum(['value-at-risk', 'drop-off']).describe('`drop-off` when no CLV can be trusted: the steps are ranked by how many customers drop off'),
		clvModel: clvModelShape,
		channels: z.array(z.string()).describe('Channels of the events: values for `channel`'),
		boards: z.number().int().describe('Journey maps looked at'),
		leaks: z.array(
			z.object({
				boardId: z.string(),
				boardTitle: z.string(),
				cardId: z.string().describe('The step\'s card: /b/{boardId}?card={cardId} shows it on its map'),
				cardText: z.string(),
				reached: z.number().int().describe('Customers who reached the step: the n of its drop-off'),
				lowN: z.boolean(),
				dropOffCount: z.number().int().nullable().describe('Customers who did not go on to the next stage; null at the last stage'),
				dropOff: figure.describe('Share of reached, 0–1'),
				valueAtRisk: figure.describe('CLV of the customers who dropped off here; null when no CLV can be trusted'),
				causes: z.array(z.object({ cardId: z.string(), category: z.enum(DROP_OFF_CATEGORIES).nullable(), text: z.string() })).describe('Drop-off cause cards linked to the step')
			})
		)
	})
	.meta({ id: 'InsightsLeaks' });

export const leaksJson = (report: LeaksReport): z.infer<typeof leaksShape> => ({ status: 'done', ...report });
