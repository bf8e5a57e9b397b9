import type { Locale } from '../format';
import type { GroupBasis } from './fields';
import type { GroupRule } from './rule';

/**
 * One-click presets. RFM segments are the classic grid on the recency score (R) and frequency
 * score (F), both quintiles 1–5 among customers who bought (ties share the lower score): every
 * buyer lands in exactly one of the ten segments; customers without a purchase in none.
 * The 20/80 preset is the top 20% of customers by revenue.
 */
export interface GroupPreset {
	key: string;
	basis: GroupBasis;
	name: Record<Locale, string>;
	description: Record<Locale, string>;
	rule: GroupRule;
}

type Range = [number, number];

function rfCell(r: Range, f: Range): GroupRule {
	const score = (field: 'rScore' | 'fScore', [low, high]: Range) =>
		low === high ? { field, op: 'eq' as const, value: low } : { field, op: 'between' as const, value: [low, high] as Range };
	return { match: 'all', conditions: [score('rScore', r), score('fScore', f)] };
}

const segment = (
	key: string,
	r: Range,
	f: Range,
	en: [string, string],
	nl: [string, string]
): GroupPreset => ({
	key,
	basis: 'value',
	name: { en: en[0], nl: nl[0] },
	description: { en: en[1], nl: nl[1] },
	rule: rfCell(r, f)
});

export const RFM_SEGMENTS: readonly GroupPreset[] = [
	segment('champions', [5, 5], [4, 5], ['Champions', 'Bought recently, buy often'], ['Kampioenen', 'Kochten kort geleden en kopen vaak']),
	segment('loyal', [3, 4], [4, 5], ['Loyal customers', 'Buy often, fairly recently'], ['Loyale klanten', 'Kopen vaak, redelijk recent']),
	segment('potential-loyalists', [4, 5], [2, 3], ['Potential loyalists', 'Recent, with a few purchases'], ['Potentieel loyaal', 'Recent, met enkele aankopen']),
	segment('new', [5, 5], [1, 1], ['New customers', 'Bought recently, once'], ['Nieuwe klanten', 'Kochten kort geleden, één keer']),
	segment('promising', [4, 4], [1, 1], ['Promising', 'Fairly recent first purchase'], ['Veelbelovend', 'Redelijk recente eerste aankoop']),
	segment('need-attention', [3, 3], [3, 3], ['Need attention', 'Average recency and frequency'], ['Aandacht nodig', 'Gemiddeld recent en frequent']),
	segment('about-to-sleep', [3, 3], [1, 2], ['About to sleep', 'Few purchases, cooling off'], ['Bijna slapend', 'Weinig aankopen, koelen af']),
	segment('at-risk', [1, 2], [3, 4], ['At risk', 'Bought often, but long ago'], ['Risico', 'Kochten vaak, maar lang geleden']),
	segment('cannot-lose', [1, 2], [5, 5], ["Can't lose them", 'Most frequent buyers, now away'], ['Niet kwijtraken', 'Frequentste kopers, nu weg']),
	segment('hibernating', [1, 2], [1, 2], ['Hibernating', 'Few purchases, long ago'], ['Slapend', 'Weinig aankopen, lang geleden'])
];

export const TOP_20_PRESET: GroupPreset = {
	key: 'top-20',
	basis: 'value',
	name: { en: 'Top 20% by revenue', nl: 'Top 20% naar omzet' },
	description: {
		en: 'The customers who bring in the most revenue (the 20/80 rule)',
		nl: 'De klanten die de meeste omzet opleveren (de 20/80-regel)'
	},
	rule: { match: 'all', conditions: [{ field: 'revenueRankPercent', op: 'lt', value: 20 }] }
};
