/*
 * The insights tables as plain rows, for a download (CSV, XLSX): one definition per table, from
 * the section's JSON answer, in the reader's words (the labels are passed in). A figure that
 * cannot be trusted is an empty cell with a note saying why, never a number. No customer is
 * named: the rows are steps, periods and figures.
 */

export type TableCell = string | number | null;

export interface TableColumn {
	key: string;
	label: string;
}

export interface ExportTable {
	name: string;
	columns: TableColumn[];
	rows: TableCell[][];
}

/** The parts of the leaks answer a table needs (the JSON of `insights/leaks`). */
export interface LeaksTableInput {
	leaks: {
		boardTitle: string;
		cardText: string;
		reached: number;
		lowN: boolean;
		dropOffCount: number | null;
		dropOff: number | null;
		valueAtRisk: number | null;
		causes: { category: string | null; text: string }[];
	}[];
}

export interface LeaksTableLabels {
	step: string;
	map: string;
	reached: string;
	dropOffCount: string;
	dropOffShare: string;
	/** Says the currency: the cells are raw numbers. */
	valueAtRisk: string;
	causes: string;
	note: string;
	/** Why a cell is empty. */
	lastStage: string;
	lowN: (n: number) => string;
	valueWithheld: string;
	cause: (category: string | null, text: string) => string;
}

const notes = (parts: (string | false)[]) => parts.filter((part): part is string => Boolean(part)).join(' ') || null;

export function leaksTable(answer: LeaksTableInput, labels: LeaksTableLabels): ExportTable {
	return {
		name: 'leaks',
		columns: [
			{ key: 'step', label: labels.step },
			{ key: 'map', label: labels.map },
			{ key: 'reached', label: labels.reached },
			{ key: 'dropOffCount', label: labels.dropOffCount },
			{ key: 'dropOff', label: labels.dropOffShare },
			{ key: 'valueAtRisk', label: labels.valueAtRisk },
			{ key: 'causes', label: labels.causes },
			{ key: 'note', label: labels.note }
		],
		rows: answer.leaks.map((leak) => {
			const last = leak.dropOffCount === null;
			const withheld = !last && leak.valueAtRisk === null;
			return [
				leak.cardText,
				leak.boardTitle,
				leak.reached,
				leak.dropOffCount,
				last ? null : leak.dropOff,
				last ? null : leak.valueAtRisk,
				leak.causes.map((cause) => labels.cause(cause.category, cause.text)).join('; ') || null,
				notes([last && labels.lastStage, leak.lowN && labels.lowN(leak.reached), withheld && labels.valueWithheld])
			];
		})
	};
}

interface Respondents {
	n: number;
	lowN: boolean;
}

interface HeadlinePeriod {
	customers: number;
	clvTotal: number | null;
	clvMean: number | null;
	clvN: number;
	clvLowN: boolean;
	nps: Respondents & { nps: number | null };
	csat: Respondents & { csat: number | null };
	ces: Respondents & { ces: number | null };
	repeatPurchaseRate: number | null;
	repeatLowN: boolean;
}

/** The parts of the headline answer a table needs (the JSON of `insights/headline`). */
export interface HeadlineTableInput {
	current: HeadlinePeriod & { period: { from: string; to: string } };
	previous: HeadlinePeriod & { period: { from: string; to: string } };
	change: Record<'customers' | 'clvTotal' | 'clvMean' | 'nps' | 'csat' | 'ces' | 'repeatPurchaseRate', number | null>;
}

export type HeadlineFigure = keyof HeadlineTableInput['change'];

export interface HeadlineTableLabels {
	figure: string;
	current: (period: { from: string; to: string }) => string;
	previous: (period: { from: string; to: string }) => string;
	change: string;
	n: string;
	note: string;
	/** The name of each figure; money figures say the currency. */
	figures: Record<HeadlineFigure, string>;
	lowN: (n: number) => string;
	noFigure: string;
	/** Why a change is empty when the figure is not: the previous period has none to compare with. */
	noChange: string;
}

export function headlineTable(answer: HeadlineTableInput, labels: HeadlineTableLabels): ExportTable {
	const { current, previous, change } = answer;
	/** Value, n and whether n is thin, per figure of a period. */
	const of = (p: HeadlinePeriod): Record<HeadlineFigure, [number | null, number, boolean]> => ({
		customers: [p.customers, p.customers, false],
		clvTotal: [p.clvTotal, p.clvN, p.clvLowN],
		clvMean: [p.clvMean, p.clvN, p.clvLowN],
		nps: [p.nps.nps, p.nps.n, p.nps.lowN],
		csat: [p.csat.csat, p.csat.n, p.csat.lowN],
		ces: [p.ces.ces, p.ces.n, p.ces.lowN],
		repeatPurchaseRate: [p.repeatPurchaseRate, p.customers, p.repeatLowN]
	});
	const now = of(current);
	const before = of(previous);
	const figures = Object.keys(labels.figures) as HeadlineFigure[];
	return {
		name: 'figures',
		columns: [
			{ key: 'figure', label: labels.figure },
			{ key: 'current', label: labels.current(current.period) },
			{ key: 'previous', label: labels.previous(previous.period) },
			{ key: 'change', label: labels.change },
			{ key: 'n', label: labels.n },
			{ key: 'note', label: labels.note }
		],
		rows: figures.map((figure) => {
			const [value, n, lowN] = now[figure];
			const [earlier] = before[figure];
			return [
				labels.figures[figure],
				value,
				earlier,
				change[figure],
				n,
				notes([value === null && labels.noFigure, value !== null && lowN && labels.lowN(n), value !== null && change[figure] === null && labels.noChange])
			];
		})
	};
}

/** The parts of the opportunities answer a table needs (the JSON of `insights/opportunities`). */
export interface PortfolioTableInput {
	opportunities: {
		boardTitle: string;
		text: string;
		stageTitle: string;
		lever: string | null;
		effort: number | null;
		impact: number | null;
		status: string;
		ownerName: string | null;
		ownerGone: boolean;
		value: { state: 'current' | 'step-gone'; stepText: string; figures: { extraClv: number } | null } | null;
	}[];
}

export interface PortfolioTableLabels {
	opportunity: string;
	map: string;
	stage: string;
	lever: string;
	effort: string;
	impact: string;
	status: string;
	owner: string;
	step: string;
	/** Says the currency: the cells are raw numbers. */
	extraClv: string;
	note: string;
	leverName: (lever: string) => string;
	statusName: (status: string) => string;
	ownerGone: string;
	noWhatIf: string;
	stepGone: string;
}

export function portfolioTable(answer: PortfolioTableInput, labels: PortfolioTableLabels): ExportTable {
	return {
		name: 'portfolio',
		columns: [
			{ key: 'opportunity', label: labels.opportunity },
			{ key: 'map', label: labels.map },
			{ key: 'stage', label: labels.stage },
			{ key: 'lever', label: labels.lever },
			{ key: 'effort', label: labels.effort },
			{ key: 'impact', label: labels.impact },
			{ key: 'status', label: labels.status },
			{ key: 'owner', label: labels.owner },
			{ key: 'step', label: labels.step },
			{ key: 'extraClv', label: labels.extraClv },
			{ key: 'note', label: labels.note }
		],
		rows: answer.opportunities.map((o) => [
			o.text,
			o.boardTitle,
			o.stageTitle,
			o.lever ? labels.leverName(o.lever) : null,
			o.effort,
			o.impact,
			labels.statusName(o.status),
			o.ownerName,
			o.value?.stepText ?? null,
			o.value?.state === 'current' ? (o.value.figures?.extraClv ?? null) : null,
			notes([o.ownerGone && labels.ownerGone, !o.value && labels.noWhatIf, o.value?.state === 'step-gone' && labels.stepGone])
		])
	};
}

/** The parts of the channels answer a table needs (the JSON of `insights/channels`). */
export interface ChannelsTableInput {
	figures: {
		channels: {
			channel: string;
			kind: string;
			reach: number;
			contacted: number;
			buyers: number;
			conversion: number | null;
			conversionLowN: boolean;
			clv: { mean: number | null; n: number; lowN: boolean } | null;
		}[];
	};
}

export interface ChannelsTableLabels {
	channel: string;
	kind: string;
	reach: string;
	contacted: string;
	buyers: string;
	conversion: string;
	/** Says the currency: the cells are raw numbers. */
	clvMean: string;
	clvN: string;
	note: string;
	kindName: (kind: string) => string;
	purchasesOnly: string;
	conversionLowN: (n: number) => string;
	clvWithheld: string;
	clvUnknown: string;
	clvLowN: (n: number) => string;
}

export function channelsTable(answer: ChannelsTableInput, labels: ChannelsTableLabels): ExportTable {
	return {
		name: 'channels',
		columns: [
			{ key: 'channel', label: labels.channel },
			{ key: 'kind', label: labels.kind },
			{ key: 'reach', label: labels.reach },
			{ key: 'contacted', label: labels.contacted },
			{ key: 'buyers', label: labels.buyers },
			{ key: 'conversion', label: labels.conversion },
			{ key: 'clvMean', label: labels.clvMean },
			{ key: 'clvN', label: labels.clvN },
			{ key: 'note', label: labels.note }
		],
		rows: answer.figures.channels.map((c) => [
			c.channel,
			labels.kindName(c.kind),
			c.reach,
			c.contacted,
			c.buyers,
			c.conversion,
			c.clv?.mean ?? null,
			c.clv?.n ?? null,
			notes([
				c.conversion === null && labels.purchasesOnly,
				c.conversion !== null && c.conversionLowN && labels.conversionLowN(c.contacted),
				c.clv === null && labels.clvWithheld,
				c.clv !== null && c.clv.mean === null && labels.clvUnknown,
				c.clv !== null && c.clv.mean !== null && c.clv.lowN && labels.clvLowN(c.clv.n)
			])
		])
	};
}

/** The parts of the value answer a table needs (the JSON of `insights/value`). */
export interface SegmentsTableInput {
	minimumSegmentCustomers: number;
	figures: {
		segments: { kind: 'group' | 'persona'; name: string; suppressed: boolean; customers: number | null; total: number | null; mean: number | null; share: number | null }[];
	} | null;
}

export interface SegmentsTableLabels {
	segment: string;
	kind: string;
	customers: string;
	/** Say the currency: the cells are raw numbers. */
	total: string;
	mean: string;
	share: string;
	note: string;
	kindName: (kind: 'group' | 'persona') => string;
	suppressed: (minimum: number) => string;
	/** The one row when no CLV can be trusted: no segment has figures. */
	valueWithheld: string;
	noShare: string;
}

export function segmentsTable(answer: SegmentsTableInput, labels: SegmentsTableLabels): ExportTable {
	const columns = [
		{ key: 'segment', label: labels.segment },
		{ key: 'kind', label: labels.kind },
		{ key: 'customers', label: labels.customers },
		{ key: 'total', label: labels.total },
		{ key: 'mean', label: labels.mean },
		{ key: 'share', label: labels.share },
		{ key: 'note', label: labels.note }
	];
	if (!answer.figures) return { name: 'segments', columns, rows: [[null, null, null, null, null, null, labels.valueWithheld]] };
	return {
		name: 'segments',
		columns,
		rows: answer.figures.segments.map((s) =>
			s.suppressed
				? [s.name, labels.kindName(s.kind), null, null, null, null, labels.suppressed(answer.minimumSegmentCustomers)]
				: [s.name, labels.kindName(s.kind), s.customers, s.total, s.mean, s.share, s.share === null ? labels.noShare : null]
		)
	};
}

type Score = 'nps' | 'csat' | 'ces';

/** The parts of the loyalty answer a table needs (the JSON of `insights/loyalty`). */
export interface LoyaltySeriesTableInput {
	series: { key: string; nps: Respondents & { nps: number | null }; csat: Respondents & { csat: number | null }; ces: Respondents & { ces: number | null } }[];
}

export interface LoyaltySeriesTableLabels {
	period: string;
	/** Each score's name and its n's. */
	score: Record<Score, string>;
	n: (score: string) => string;
	note: string;
	noAnswers: (score: string) => string;
	lowN: (score: string, n: number) => string;
}

export function loyaltySeriesTable(answer: LoyaltySeriesTableInput, labels: LoyaltySeriesTableLabels): ExportTable {
	const scores: Score[] = ['nps', 'csat', 'ces'];
	return {
		name: 'series',
		columns: [
			{ key: 'period', label: labels.period },
			...scores.flatMap((score) => [
				{ key: score, label: labels.score[score] },
				{ key: `${score}N`, label: labels.n(labels.score[score]) }
			]),
			{ key: 'note', label: labels.note }
		],
		rows: answer.series.map((cut) => {
			const figures = scores.map((score) => {
				const figure = cut[score] as Respondents & Record<Score, number | null>;
				return { score, value: figure[score], n: figure.n, lowN: figure.lowN };
			});
			return [
				cut.key,
				...figures.flatMap((f) => [f.value, f.n]),
				notes(figures.map((f) => (f.value === null ? labels.noAnswers(labels.score[f.score]) : f.lowN && labels.lowN(labels.score[f.score], f.n))))
			];
		})
	};
}

interface AimFigure {
	current: number | null;
	previous: number | null;
	change: number | null;
	n: number;
	lowN: boolean;
}

/** The parts of the CRM aims answer a table needs (the JSON of `insights/aims`). */
export interface AimsTableInput {
	period: { from: string; to: string };
	previousPeriod: { from: string; to: string };
	acquisition: AimFigure;
	retention: AimFigure;
	valueGrowth: AimFigure | null;
	lossMaking: { customers: AimFigure; cost: AimFigure } | null;
}

export type AimRow = 'acquisition' | 'retention' | 'valueGrowth' | 'lossMakingCustomers' | 'lossMakingCost';

export interface AimsTableLabels {
	aim: string;
	current: (period: { from: string; to: string }) => string;
	previous: (period: { from: string; to: string }) => string;
	change: string;
	n: string;
	note: string;
	/** Each aim's figure, money ones with the currency. */
	aims: Record<AimRow, string>;
	lowN: (n: number) => string;
	noFigure: string;
	/** Why value growth and loss-making have no figures at all. */
	valueWithheld: string;
}

export function aimsTable(answer: AimsTableInput, labels: AimsTableLabels): ExportTable {
	const figures: Record<AimRow, AimFigure | null> = {
		acquisition: answer.acquisition,
		retention: answer.retention,
		valueGrowth: answer.valueGrowth,
		lossMakingCustomers: answer.lossMaking?.customers ?? null,
		lossMakingCost: answer.lossMaking?.cost ?? null
	};
	return {
		name: 'aims',
		columns: [
			{ key: 'aim', label: labels.aim },
			{ key: 'current', label: labels.current(answer.period) },
			{ key: 'previous', label: labels.previous(answer.previousPeriod) },
			{ key: 'change', label: labels.change },
			{ key: 'n', label: labels.n },
			{ key: 'note', label: labels.note }
		],
		rows: (Object.keys(labels.aims) as AimRow[]).map((aim) => {
			const figure = figures[aim];
			if (!figure) return [labels.aims[aim], null, null, null, null, labels.valueWithheld];
			return [
				labels.aims[aim],
				figure.current,
				figure.previous,
				figure.change,
				figure.n,
				notes([figure.current === null && labels.noFigure, figure.current !== null && figure.lowN && labels.lowN(figure.n)])
			];
		})
	};
}
