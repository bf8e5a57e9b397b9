import { m } from '$lib/paraglide/messages';
import { translate } from '$lib/components/i18n';
import type { AimsTableLabels, ChannelsTableLabels, HeadlineTableLabels, LeaksTableLabels, LoyaltySeriesTableLabels, PortfolioTableLabels, SegmentsTableLabels } from '$lib/domain/insights/tables';

/*
 * The words of the insights tables in the reader's language (the request's locale): column
 * headers name money columns' currency, since the cells are raw numbers.
 */

const lowN = (n: number) => m.insights_export_note_low_n({ n: String(n) });

export const leaksLabels = (currency: string): LeaksTableLabels => ({
	step: m.insights_export_col_step(),
	map: m.insights_export_col_map(),
	reached: m.insights_export_col_reached(),
	dropOffCount: m.insights_export_col_dropoff_count(),
	dropOffShare: m.insights_export_col_dropoff_share(),
	valueAtRisk: m.insights_export_col_value_at_risk({ currency }),
	causes: m.insights_export_col_causes(),
	note: m.insights_export_col_note(),
	lastStage: m.insights_export_note_last_stage(),
	lowN,
	valueWithheld: m.insights_export_note_value_withheld(),
	cause: (category, text) => {
		const name = category ? translate(`dropoff_${category}`) : '';
		return name && text ? `${name}: ${text}` : name || text;
	}
});

export const headlineLabels = (currency: string): HeadlineTableLabels => ({
	figure: m.insights_export_col_figure(),
	current: (period) => m.insights_export_col_current(period),
	previous: (period) => m.insights_export_col_previous(period),
	change: m.insights_export_col_change(),
	n: m.insights_export_col_n(),
	note: m.insights_export_col_note(),
	figures: {
		customers: m.insights_export_fig_customers(),
		clvTotal: m.insights_export_fig_clv_total({ currency }),
		clvMean: m.insights_export_fig_clv_mean({ currency }),
		nps: m.insights_export_fig_nps(),
		csat: m.insights_export_fig_csat(),
		ces: m.insights_export_fig_ces(),
		repeatPurchaseRate: m.insights_export_fig_repeat()
	},
	lowN,
	noFigure: m.insights_export_note_no_figure(),
	noChange: m.insights_export_note_no_change()
});

export const portfolioLabels = (currency: string): PortfolioTableLabels => ({
	opportunity: m.insights_export_col_opportunity(),
	map: m.insights_export_col_map(),
	stage: m.insights_export_col_stage(),
	lever: m.insights_export_col_lever(),
	effort: m.insights_export_col_effort(),
	impact: m.insights_export_col_impact(),
	status: m.insights_export_col_status(),
	owner: m.insights_export_col_owner(),
	step: m.insights_export_col_whatif_step(),
	extraClv: m.insights_export_col_whatif_value({ currency }),
	note: m.insights_export_col_note(),
	leverName: (lever) => translate(`lever_${lever}`),
	statusName: (status) => translate(`opportunity_status_${status}`),
	ownerGone: m.insights_export_note_owner_gone(),
	noWhatIf: m.insights_export_note_no_whatif(),
	stepGone: m.insights_export_note_step_gone()
});

export const channelsLabels = (currency: string): ChannelsTableLabels => ({
	channel: m.insights_export_col_channel(),
	kind: m.insights_export_col_channel_kind(),
	reach: m.insights_export_col_reach(),
	contacted: m.insights_export_col_contacted(),
	buyers: m.insights_export_col_buyers(),
	conversion: m.insights_export_col_conversion(),
	clvMean: m.insights_export_fig_clv_mean({ currency }),
	clvN: m.insights_export_col_clv_n(),
	note: m.insights_export_col_note(),
	kindName: (kind) => (kind === 'online' ? m.insights_channels_kind_online() : kind === 'offline' ? m.insights_channels_kind_offline() : m.insights_channels_kind_unknown()),
	purchasesOnly: m.insights_export_note_purchases_only(),
	conversionLowN: lowN,
	clvWithheld: m.insights_export_note_value_withheld(),
	clvUnknown: m.insights_export_note_clv_unknown(),
	clvLowN: lowN
});

export const segmentsLabels = (currency: string): SegmentsTableLabels => ({
	segment: m.insights_export_col_segment(),
	kind: m.insights_export_col_segment_kind(),
	customers: m.insights_export_fig_customers(),
	total: m.insights_export_fig_clv_total({ currency }),
	mean: m.insights_export_fig_clv_mean({ currency }),
	share: m.insights_export_col_value_share(),
	note: m.insights_export_col_note(),
	kindName: (kind) => (kind === 'group' ? m.insights_export_kind_group() : m.insights_export_kind_persona()),
	suppressed: (minimum) => m.insights_export_note_suppressed({ minimum: String(minimum) }),
	valueWithheld: m.insights_export_note_value_withheld(),
	noShare: m.insights_export_note_no_share()
});

export const loyaltySeriesLabels = (): LoyaltySeriesTableLabels => ({
	period: m.insights_export_col_period(),
	score: { nps: m.insights_export_fig_nps(), csat: m.insights_export_fig_csat(), ces: m.insights_export_fig_ces() },
	n: (score) => m.insights_export_col_n_of({ score }),
	note: m.insights_export_col_note(),
	noAnswers: (score) => m.insights_export_note_no_answers({ score }),
	lowN: (score, n) => m.insights_export_note_score_low_n({ score, n: String(n) })
});

export const aimsLabels = (currency: string): AimsTableLabels => ({
	aim: m.insights_export_col_aim(),
	current: (period) => m.insights_export_col_current(period),
	previous: (period) => m.insights_export_col_previous(period),
	change: m.insights_export_col_change(),
	n: m.insights_export_col_n(),
	note: m.insights_export_col_note(),
	aims: {
		acquisition: m.insights_export_aim_acquisition(),
		retention: m.insights_export_aim_retention(),
		valueGrowth: m.insights_export_aim_value({ currency }),
		lossMakingCustomers: m.insights_export_aim_loss_customers(),
		lossMakingCost: m.insights_export_aim_loss_cost({ currency })
	},
	lowN,
	noFigure: m.insights_export_note_no_figure(),
	valueWithheld: m.insights_export_note_value_withheld()
});
