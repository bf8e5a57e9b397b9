import { z } from 'zod';
import { CRM_LEVERS, LEVER_FAMILIES, OPPORTUNITY_STATUSES, WHAT_IF_LEVERS } from '$lib/domain/board';
import type { Portfolio } from '../insights';

/*
 * The opportunities portfolio as JSON (`/api/v1/workspaces/:id/insights/opportunities`): the shape
 * the OpenAPI document shows and the mapper the endpoint and the page are typed by.
 */

const families = Object.keys(LEVER_FAMILIES) as [keyof typeof LEVER_FAMILIES, ...(keyof typeof LEVER_FAMILIES)[]];
const level = z.number().int().min(1).max(3).nullable();

const valueShape = z
	.object({
		state: z
			.enum(['current', 'step-gone'])
			.describe('`current`: computed on the data as it is now (recomputed when the card\'s figures came from an earlier import); `step-gone`: its step is no longer measured, or its group or persona is gone: the value is withheld (`figures` null) until a new what-if is attached'),
		stepCardId: z.string(),
		stepText: z.string(),
		lever: z.enum(WHAT_IF_LEVERS),
		points: z.number().describe('Percentage points the what-if moves drop-off (down) or CSAT (up)'),
		horizonDays: z.number().int(),
		groupId: z.string().nullable(),
		personaId: z.string().nullable(),
		channel: z.string().nullable(),
		figures: z
			.object({
				extraClv: z.number().describe('CLV the extra customers bring, over the horizon'),
				extraFinalConversions: z.number().describe('Extra customers reaching the last stage (not rounded: an estimate)'),
				extraRevenue: z.number(),
				computedAt: z.string(),
				datasetVersion: z.number().int()
			})
			.nullable()
	})
	.meta({ id: 'OpportunityValue' });

export const portfolioShape = z
	.object({
		status: z.literal('done'),
		boards: z.number().int().describe('Journey maps looked at'),
		opportunities: z
			.array(
				z.object({
					boardId: z.string(),
					boardTitle: z.string(),
					cardId: z.string().describe('/b/{boardId}?card={cardId} shows it on its map'),
					text: z.string(),
					stageTitle: z.string(),
					lever: z.enum(CRM_LEVERS).nullable(),
					family: z.enum(families).nullable().describe('What the lever grows: selling more, bonding, longer relationships, timing'),
					effort: level.describe('1 = low … 3 = high; null = not judged'),
					impact: level,
					status: z.enum(OPPORTUNITY_STATUSES),
					ownerId: z.string().nullable(),
					ownerName: z.string().nullable(),
					ownerGone: z.boolean().describe('The owner is no longer a member of the workspace'),
					value: valueShape.nullable().describe('The what-if attached to the card; null when none is')
				})
			)
			.describe('Ranked by current what-if value (CLV), then the unvalued by impact'),
		byFamily: z.array(
			z.object({
				family: z.enum(families).nullable(),
				opportunities: z.number().int(),
				valued: z.number().int().describe('Opportunities with a current value: the n of `extraClv`'),
				extraClv: z.number()
			})
		),
		byStatus: z.object(Object.fromEntries(OPPORTUNITY_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof OPPORTUNITY_STATUSES)[number], z.ZodNumber>)
	})
	.meta({ id: 'InsightsOpportunities' });

export const portfolioJson = (portfolio: Portfolio): z.infer<typeof portfolioShape> => ({ status: 'done', ...portfolio });
