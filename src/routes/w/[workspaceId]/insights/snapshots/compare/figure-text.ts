import { m } from '$lib/paraglide/messages';
import { formatNumber, formatPercent, type Locale, type MoneyFormat } from '$lib/domain/format';
import type { FigureDiff, FigureName } from '$lib/domain/insights/snapshot-diff';

/* How the compared figures read: their names, values and changes in the page's language. */

export function figureLabel(figure: FigureName): string {
	const labels: Record<FigureName, () => string> = {
		customers: m.insights_customers,
		clvTotal: m.insights_clv_total,
		clvMean: m.insights_clv_mean,
		nps: m.insights_nps,
		csat: m.insights_csat,
		ces: m.insights_ces,
		repeatPurchaseRate: m.insights_repeat,
		segmentCustomers: m.compare_segment_customers,
		segmentMean: m.compare_segment_mean,
		segmentTotal: m.compare_segment_total,
		reached: m.compare_reached,
		dropOff: m.compare_drop_off,
		valueAtRisk: m.compare_value_at_risk,
		relationshipLength: m.compare_relationship_length,
		trueLoyalShare: m.compare_true_loyal
	};
	return labels[figure]();
}

export function valueText(row: FigureDiff, value: number | null, locale: Locale, money: MoneyFormat): string {
	if (value === null) return m.insights_no_figure();
	switch (row.unit) {
		case 'count':
			return formatNumber(value, locale, 0);
		case 'money':
			return money.format(value);
		case 'share':
			return formatPercent(value, locale);
		case 'percent':
			return `${formatNumber(value, locale, 1)}%`;
		case 'nps':
			return formatNumber(value, locale, 0);
		case 'score':
			return formatNumber(value, locale, 2);
		case 'weeks':
			return m.insights_loyalty_weeks({ count: formatNumber(value, locale, 1) });
	}
}

/** By how much, without its sign (the arrow and the words say which way), in the figure's unit. */
export function changeText(row: FigureDiff, locale: Locale, money: MoneyFormat): string {
	const size = Math.abs(row.change ?? 0);
	switch (row.unit) {
		case 'share':
		case 'percent':
			return m.insights_points({ points: formatNumber(size, locale, 1) });
		case 'money':
			return money.format(size);
		case 'nps':
			return m.compare_nps_points({ points: formatNumber(size, locale, 0) });
		default:
			return valueText(row, size, locale, money);
	}
}
