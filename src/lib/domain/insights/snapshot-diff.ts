/*
 * Two sets of insights side by side (two snapshots, or a snapshot and the page now): for the
 * headline figures, the CLV of each group and persona, each leaking step and the loyalty
 * figures, what each was, what it is, and by how much it moved in the figure's own unit —
 * percentages in percentage points. A figure that rests on too few customers on either side is
 * flagged, and one that is withheld on either side has no change at all. Pure: it reads the
 * sections' JSON answers, as stored in a snapshot or computed now.
 */

import type { SnapshotSections } from './snapshot';

/**
 * How a figure is read. `share`: 0–1, shown as a percentage, moves in points; `percent`: 0–100
 * (CSAT), moves in points; `nps`: −100…100, moves in NPS points; `score`: CES (1–7); `weeks`: a length.
 */
export type FigureUnit = 'count' | 'money' | 'share' | 'percent' | 'nps' | 'score' | 'weeks';

export type FigureName =
	| 'customers'
	| 'clvTotal'
	| 'clvMean'
	| 'nps'
	| 'csat'
	| 'ces'
	| 'repeatPurchaseRate'
	| 'segmentCustomers'
	| 'segmentMean'
	| 'segmentTotal'
	| 'reached'
	| 'dropOff'
	| 'valueAtRisk'
	| 'relationshipLength'
	| 'trueLoyalShare';

export interface FigureDiff {
	/** Stable across both sides: the figure and what it is about. */
	key: string;
	figure: FigureName;
	/** What the figure is about, when it is one of many: a segment's or a step's name. */
	subject: string | null;
	/** Where the subject lives: a step's map, a persona's kind. */
	context: string | null;
	unit: FigureUnit;
	a: number | null;
	b: number | null;
	/** b − a in the unit's change: points for `share` and `percent`; null when either side has no figure. */
	change: number | null;
	direction: 'up' | 'down' | 'same' | null;
	/** Which way is good for the business: a fall in drop-off is good news. Null: neither way is. */
	better: 'up' | 'down' | null;
	/** Either side rests on fewer customers or respondents than the minimum: do not read much into it. */
	lowN: boolean;
}

export type DiffSection = 'headline' | 'value' | 'leaks' | 'loyalty';

export interface SectionDiff {
	section: DiffSection;
	/** Which side lacks the section (not computed or not enough data); its figures are null there. */
	missing: 'a' | 'b' | 'both' | null;
	rows: FigureDiff[];
}

/** Changes smaller than this (in the change's unit) count as no change: rounding, not movement. */
const SAME = 1e-9;

type Num = number | null | undefined;

interface Respondents {
	n?: number;
	lowN?: boolean;
}

interface HeadlineJson {
	current?: {
		customers?: number;
		clvTotal?: Num;
		clvMean?: Num;
		clvLowN?: boolean;
		nps?: Respondents & { nps?: Num };
		csat?: Respondents & { csat?: Num };
		ces?: Respondents & { ces?: Num };
		repeatPurchaseRate?: Num;
		repeatLowN?: boolean;
	};
}

interface ValueJson {
	figures?: { segments?: { kind: string; id: string; name: string; suppressed: boolean; customers: Num; total: Num; mean: Num }[] } | null;
}

interface LeaksJson {
	leaks?: { boardId: string; boardTitle: string; cardId: string; cardText: string; reached: number; lowN: boolean; dropOff: Num; valueAtRisk: Num }[];
}

interface LoyaltyJson {
	minimumRespondents?: number;
	loyalty?: {
		nps?: Respondents & { nps?: Num };
		behavioural?: { customers?: number; repeatPurchaseRate?: Num; meanRelationshipLength?: Num };
		loyaltyMatrix?: { n: number; counts: { true: number }; lowN: boolean };
	};
	satisfaction?: { overall?: { csat?: Respondents & { csat?: Num }; ces?: Respondents & { ces?: Num } } };
}

const finite = (value: Num): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

function figureDiff(
	figure: FigureName,
	unit: FigureUnit,
	a: Num,
	b: Num,
	options: { subject?: string | null; context?: string | null; id?: string; better?: 'up' | 'down' | null; lowN?: boolean } = {}
): FigureDiff {
	const before = finite(a);
	const after = finite(b);
	let change: number | null = null;
	if (before !== null && after !== null) change = unit === 'share' ? (after - before) * 100 : after - before;
	const direction = change === null ? null : Math.abs(change) < SAME ? 'same' : change > 0 ? 'up' : 'down';
	return {
		key: options.id ? `${figure}:${options.id}` : figure,
		figure,
		subject: options.subject ?? null,
		context: options.context ?? null,
		unit,
		a: before,
		b: after,
		change: direction === 'same' ? 0 : change,
		direction,
		better: options.better === undefined ? 'up' : options.better,
		lowN: options.lowN ?? false
	};
}

const missingOf = (a: unknown, b: unknown): SectionDiff['missing'] => (a && b ? null : !a && !b ? 'both' : !a ? 'a' : 'b');

export function headlineDiff(a: HeadlineJson | undefined, b: HeadlineJson | undefined): SectionDiff {
	const x = a?.current;
	const y = b?.current;
	const low = (pick: (side: NonNullable<HeadlineJson['current']>) => boolean | undefined) => Boolean((x && pick(x)) || (y && pick(y)));
	return {
		section: 'headline',
		missing: missingOf(a, b),
		rows: [
			figureDiff('customers', 'count', x?.customers, y?.customers),
			figureDiff('clvTotal', 'money', x?.clvTotal, y?.clvTotal, { lowN: low((s) => s.clvLowN) }),
			figureDiff('clvMean', 'money', x?.clvMean, y?.clvMean, { lowN: low((s) => s.clvLowN) }),
			figureDiff('nps', 'nps', x?.nps?.nps, y?.nps?.nps, { lowN: low((s) => s.nps?.lowN) }),
			figureDiff('csat', 'percent', x?.csat?.csat, y?.csat?.csat, { lowN: low((s) => s.csat?.lowN) }),
			// Less effort is better: CES asks how hard it was.
			figureDiff('ces', 'score', x?.ces?.ces, y?.ces?.ces, { better: 'down', lowN: low((s) => s.ces?.lowN) }),
			figureDiff('repeatPurchaseRate', 'share', x?.repeatPurchaseRate, y?.repeatPurchaseRate, { lowN: low((s) => s.repeatLowN) })
		]
	};
}

/**
 * The CLV of each group and persona on either side, in the order of side b then those only in a.
 * A suppressed segment (below the minimum group size) has no figures on that side.
 */
export function valueDiff(a: ValueJson | undefined, b: ValueJson | undefined): SectionDiff {
	const before = new Map((a?.figures?.segments ?? []).map((s) => [`${s.kind}:${s.id}`, s]));
	const after = new Map((b?.figures?.segments ?? []).map((s) => [`${s.kind}:${s.id}`, s]));
	const keys = [...new Set([...after.keys(), ...before.keys()])];
	const rows = keys.flatMap((key) => {
		const x = before.get(key);
		const y = after.get(key);
		const named = { id: key, subject: (y ?? x)!.name, context: (y ?? x)!.kind };
		const shown = (s: typeof x) => (s && !s.suppressed ? s : undefined);
		return [
			figureDiff('segmentCustomers', 'count', shown(x)?.customers, shown(y)?.customers, named),
			figureDiff('segmentMean', 'money', shown(x)?.mean, shown(y)?.mean, named),
			figureDiff('segmentTotal', 'money', shown(x)?.total, shown(y)?.total, named)
		];
	});
	return { section: 'value', missing: missingOf(a?.figures, b?.figures), rows };
}

/** Each step on either side (by map and card), ranked as side b ranks it, then those only in a. */
export function leaksDiff(a: LeaksJson | undefined, b: LeaksJson | undefined): SectionDiff {
	type Leak = NonNullable<LeaksJson['leaks']>[number];
	const keyOf = (leak: Leak) => `${leak.boardId}:${leak.cardId}`;
	const before = new Map((a?.leaks ?? []).map((l) => [keyOf(l), l]));
	const after = new Map((b?.leaks ?? []).map((l) => [keyOf(l), l]));
	const keys = [...new Set([...after.keys(), ...before.keys()])];
	const rows = keys.flatMap((key) => {
		const x = before.get(key);
		const y = after.get(key);
		const named = { id: key, subject: (y ?? x)!.cardText, context: (y ?? x)!.boardTitle, lowN: Boolean(x?.lowN || y?.lowN) };
		return [
			figureDiff('reached', 'count', x?.reached, y?.reached, { ...named, lowN: false }),
			figureDiff('dropOff', 'share', x?.dropOff, y?.dropOff, { ...named, better: 'down' }),
			figureDiff('valueAtRisk', 'money', x?.valueAtRisk, y?.valueAtRisk, { ...named, better: 'down' })
		];
	});
	return { section: 'leaks', missing: missingOf(a, b), rows };
}

export function loyaltyDiff(a: LoyaltyJson | undefined, b: LoyaltyJson | undefined): SectionDiff {
	const trueLoyal = (side: LoyaltyJson | undefined) => {
		const matrix = side?.loyalty?.loyaltyMatrix;
		return matrix && matrix.n > 0 ? matrix.counts.true / matrix.n : null;
	};
	const either = (pick: (side: LoyaltyJson) => boolean | undefined) => Boolean((a && pick(a)) || (b && pick(b)));
	// Behavioural figures rest on the customers; too few of them is the same minimum as for respondents.
	const fewCustomers = (side: LoyaltyJson) => (side.loyalty?.behavioural?.customers ?? 0) < (side.minimumRespondents ?? 0);
	return {
		section: 'loyalty',
		missing: missingOf(a, b),
		rows: [
			figureDiff('nps', 'nps', a?.loyalty?.nps?.nps, b?.loyalty?.nps?.nps, { lowN: either((s) => s.loyalty?.nps?.lowN) }),
			figureDiff('csat', 'percent', a?.satisfaction?.overall?.csat?.csat, b?.satisfaction?.overall?.csat?.csat, { lowN: either((s) => s.satisfaction?.overall?.csat?.lowN) }),
			figureDiff('ces', 'score', a?.satisfaction?.overall?.ces?.ces, b?.satisfaction?.overall?.ces?.ces, { better: 'down', lowN: either((s) => s.satisfaction?.overall?.ces?.lowN) }),
			figureDiff('repeatPurchaseRate', 'share', a?.loyalty?.behavioural?.repeatPurchaseRate, b?.loyalty?.behavioural?.repeatPurchaseRate, { lowN: either(fewCustomers) }),
			figureDiff('relationshipLength', 'weeks', a?.loyalty?.behavioural?.meanRelationshipLength, b?.loyalty?.behavioural?.meanRelationshipLength, { lowN: either(fewCustomers) }),
			figureDiff('trueLoyalShare', 'share', trueLoyal(a), trueLoyal(b), { lowN: either((s) => s.loyalty?.loyaltyMatrix?.lowN) })
		]
	};
}

/** The four compared sections of two sets of insights, in the page's order. */
export function snapshotDiff(a: SnapshotSections, b: SnapshotSections): SectionDiff[] {
	return [
		headlineDiff(a.headline as HeadlineJson | undefined, b.headline as HeadlineJson | undefined),
		valueDiff(a.value as ValueJson | undefined, b.value as ValueJson | undefined),
		leaksDiff(a.leaks as LeaksJson | undefined, b.leaks as LeaksJson | undefined),
		loyaltyDiff(a.loyalty as LoyaltyJson | undefined, b.loyalty as LoyaltyJson | undefined)
	];
}
