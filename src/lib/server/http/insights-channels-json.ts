import { z } from 'zod';
import { CHANNEL_KINDS } from '$lib/domain/channel-kind';
import { BUYER_MIXES } from '$lib/domain/insights/channels';
import { TRUSTED_CLV_MODELS } from '$lib/domain/metrics';
import type { ChannelsReport } from '../insights';

/* "Do our channels work together?" of the insights page as JSON (`/api/v1/workspaces/:id/insights/channels`). */

const valueShape = z
	.object({
		mean: z.number().nullable().describe('Mean trusted CLV; null when no customer\'s CLV is known'),
		n: z.number().int().describe('Customers whose CLV is known'),
		lowN: z.boolean().describe('n below `minimumRespondents`')
	})
	.nullable()
	.describe('Null when no CLV can be trusted (`clvModel` is null)')
	.meta({ id: 'InsightsChannelValue' });

const countShape = z.object({
	customers: z.number().int(),
	lowN: z.boolean().describe('Fewer customers than `minimumRespondents`'),
	clv: valueShape
});

export const channelsShape = z
	.object({
		status: z.literal('done'),
		period: z.object({ from: z.string(), to: z.string() }),
		channel: z.string().nullable().describe('The entry channel asked for: only customers whose first event came through it'),
		minimumRespondents: z.number().int(),
		clvModel: z.enum(TRUSTED_CLV_MODELS).nullable().describe('Where the CLV comes from; null when neither model can be trusted (every `clv` is null then)'),
		omittedChannels: z.array(z.string()).describe('Channels beyond the 30 most used, left out'),
		figures: z.object({
			customers: z.number().int().describe('Customers with a contact (event) or a purchase in the period'),
			buyers: countShape.describe('Customers with a purchase in the period, through any channel (the headline\'s customers)'),
			channels: z
				.array(
					z.object({
						channel: z.string().describe('Trimmed, lower case: event and transaction names compared alike'),
						kind: z.enum(CHANNEL_KINDS),
						reach: z.number().int().describe('Customers with a contact or purchase through the channel'),
						contacted: z.number().int().describe('Customers with a contact (event) through it: the n of `conversion`'),
						buyers: z.number().int().describe('Customers with a purchase through it'),
						conversion: z.number().nullable().describe('Share of the contacted who bought through the channel; null when it records only purchases'),
						conversionLowN: z.boolean(),
						clv: valueShape.describe('Of the channel\'s buyers')
					})
				)
				.describe('Largest reach first'),
			kinds: z
				.array(z.object({ kind: z.enum(CHANNEL_KINDS), channels: z.array(z.string()), reach: z.number().int(), buyers: z.number().int(), clv: valueShape }))
				.describe('Online against offline (and channels of unknown kind): a customer of two online channels counts once'),
			mix: z.array(countShape.extend({ mix: z.enum(BUYER_MIXES) })).describe('Buyers by where they bought: online only, offline only, both, or unknown'),
			singleChannel: countShape.describe('Customers who used one channel (contacts or purchases)'),
			multiChannel: countShape.describe('Customers who used two or more'),
			noChannel: z.number().int().describe('Buyers whose purchases name no channel and who had no contact'),
			combinations: z.array(countShape.extend({ channels: z.array(z.string()) })).describe('The most used combinations of channels, most customers first'),
			otherCombinations: z.number().int().describe('Customers in the combinations not listed')
		})
	})
	.meta({ id: 'InsightsChannels' });

export type ChannelsJson = z.infer<typeof channelsShape>;

export const channelsJson = (report: ChannelsReport): ChannelsJson => ({
	status: 'done',
	period: report.period,
	channel: report.channel,
	minimumRespondents: report.minimumRespondents,
	clvModel: report.clvModel,
	omittedChannels: report.omittedChannels,
	figures: report.figures
});
