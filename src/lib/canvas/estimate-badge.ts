/**
 * What an opportunity card shows of its attached what-if: "+€12,300 CLV · +85 customers / 90 days",
 * from the live answer when there is one, else from the snapshot stored with the card; marked
 * stale when its step is no longer measured.
 */
import { estimateStepState, type BoardSnapshot, type Card, type EstimateSnapshot, type OpportunityEstimate } from '$lib/domain/board';
import { formatDateTime, formatMoney, formatMoneyShort, formatNumber, type Locale } from '$lib/domain/format';
import { formatPeople } from '$lib/domain/metrics';
import { t } from './i18n';
import type { WhatIfAnswer, WhatIfQuestion } from './what-if';

export interface EstimateBadge {
	text: string;
	title: string;
	stale: boolean;
}

export const estimateQuestion = (estimate: OpportunityEstimate): WhatIfQuestion => ({
	stepCardId: estimate.stepCardId,
	lever: estimate.lever,
	points: estimate.points,
	horizonDays: estimate.horizonDays,
	groupId: estimate.groupId,
	personaId: estimate.personaId,
	channel: estimate.channel
});

// "< 1" (a small estimate of people) carries its own sign of size.
const signed = (text: string, value: number) => (value >= 0 && !text.startsWith('<') ? `+${text}` : text);

export function estimateBadge(
	card: Card,
	board: BoardSnapshot,
	live: WhatIfAnswer | 'gone' | undefined,
	locale: Locale,
	/** The workspace's: the figures are in it (a currency change does not convert stored snapshots either). */
	currency: string,
	cutName: (estimate: OpportunityEstimate) => string | null
): EstimateBadge | null {
	const estimate = card.estimate;
	if (card.type !== 'opportunity' || !estimate) return null;
	const state = estimateStepState(board, estimate);
	const stale = state !== 'measured' || live === 'gone';
	const figures: EstimateSnapshot = !stale && live ? live : estimate.snapshot;
	const text = t('canvas_estimate_badge', {
		clv: signed(formatMoneyShort(figures.extraClv, locale, currency), figures.extraClv),
		customers: signed(formatPeople(figures.extraFinalConversions, locale).text, figures.extraFinalConversions),
		days: formatNumber(estimate.horizonDays, locale, 0)
	});
	const step = board.cards.find((c) => c.id === estimate.stepCardId)?.text ?? '';
	const lines = [
		t(estimate.lever === 'csat' ? 'canvas_estimate_tip_csat' : 'canvas_estimate_tip_dropoff', {
			step,
			points: formatNumber(estimate.points, locale, 1),
			reached: formatNumber(figures.extraReachedNext, locale, 1),
			final: formatNumber(figures.extraFinalConversions, locale, 1),
			revenue: formatMoney(figures.extraRevenue, locale, currency),
			clv: formatMoney(figures.extraClv, locale, currency),
			days: formatNumber(estimate.horizonDays, locale, 0)
		})
	];
	const cut = cutName(estimate);
	if (cut) lines.push(t('canvas_estimate_tip_cut', { cut }));
	lines.push(t('canvas_estimate_tip_computed', { date: formatDateTime(figures.computedAt, locale) }));
	if (stale) lines.push(t(state === 'deleted' ? 'canvas_estimate_stale_deleted' : 'canvas_estimate_stale_unbound'));
	return { text, title: lines.join('\n'), stale };
}
