import {
	bgnbdConditionalExpectedTransactions,
	combineVerdicts,
	concentrationInSteps,
	expectedActiveCustomers,
	formulaClvInSteps,
	isUsable,
	MarginTally,
	predictionsVerdict,
	quantileSorted,
	scoreCustomersInSteps,
	summarizeLogInSteps,
	TIME_UNIT_DAYS,
	USABLE,
	valueMatrixInSteps,
	type BgnbdFit,
	type CustomerSummary,
	type CurvePoint,
	type FormulaCustomer,
	type DataMargin,
	type FitVerdict,
	type FormulaClv,
	type FormulaPooling,
	type GammaGammaFit,
	type Judged,
	type TimeUnit,
	type ValueAction
} from '../analytics';
import { DAY_MS } from '../analytics/time-unit';
import * as db from '../db';
import { finishStepwise, type Stepwise } from '../stepwise';
import { sortInSteps } from '$lib/domain/stepwise';
import { yieldToEventLoop } from './cache';
import { modelFits, ratePriorOffLoop, type RateColumns } from './value-fits';

/*
 * The customer-value report of a workspace or group: the models of `$lib/server/analytics` run
 * on the data in SQL. Per customer: x, t_x, T, P(alive), expected transactions and spend, CLV,
 * current and potential value; for the group: the fits with their verdicts, a summary, the CLV
 * distribution, the Pareto curve, the value matrix and — when the calibration ends before the
 * data does — the standard BG/NBD check of predicted against actual repeat purchases in the
 * holdout period. A model whose fit is unusable gives no customer values and nothing computed
 * from them: the report says why and carries the formula's estimate as the fallback.
 */

export const CLV_MODELS = ['formula', 'discounted', 'bgnbd'] as const;
export type ClvModel = (typeof CLV_MODELS)[number];

export interface ClvQuery {
	model: ClvModel;
	timeUnit: TimeUnit;
	/** Epoch ms of the last calibration day; the last transaction day when null. */
	calibrationEnd: number | null;
	/** Horizon in time units. */
	horizon: number;
	/** Per time unit. */
	discountRate: number;
	/** Share of revenue that is contribution, 0–1; null: the transactions' own margin when they carry one, else 1 (revenue). */
	margin: number | null;
	/** Factors of the formula set by hand for this group (formula model only). */
	overrides?: db.FormulaOverrides;
}

export interface ClvCustomer {
	externalId: string;
	x: number;
	tx: number;
	T: number;
	pAlive: number | null;
	expectedTransactions: number | null;
	expectedSpend: number | null;
	clv: number;
	currentValue: number;
	/** Null without a basis for it (no category spend). */
	potentialValue: number | null;
	/** The firm's share of the customer's category spend; null when the category spend is not known. */
	shareOfWallet: number | null;
	action: ValueAction | null;
}

type FitSummary<F extends BgnbdFit | GammaGammaFit> = Pick<F, 'params' | 'logLikelihood' | 'converged' | 'customers'>;

/** A model of the report: its fit (null when the data was refused before fitting) and the verdict on it. */
export interface ModelReport<F extends BgnbdFit | GammaGammaFit> {
	fit: FitSummary<F> | null;
	verdict: FitVerdict;
}

/** Where the margin applied to the values came from. */
export type MarginSource = 'asked' | 'data' | 'revenue';

export interface ClvReport {
	model: ClvModel;
	timeUnit: TimeUnit;
	calibrationEnd: string;
	holdoutEnd: string | null;
	horizon: number;
	discountRate: number;
	margin: number;
	marginSource: MarginSource;
	/** The margin the transactions carry, when they do (whether or not it was used). */
	dataMargin: DataMargin | null;
	/** Whether the chosen model's values may be shown: for BG/NBD both fits' verdicts and a check on what they predict. */
	verdict: FitVerdict;
	bgnbd: ModelReport<BgnbdFit> | null;
	gammaGamma: ModelReport<GammaGammaFit> | null;
	formula: FormulaClv | null;
	/** How the formula pooled each customer's rate and spend with the group's (formula model, and the fallback). */
	pooling: FormulaPooling | null;
	/** When the verdict is unusable: the formula's figure for the average customer, a simpler estimate to use instead. */
	fallback: FormulaClv | null;
	summary: {
		customers: number;
		repeatBuyers: number;
		total: number | null;
		mean: number | null;
		median: number | null;
		top20Share: number | null;
		gini: number | null;
		expectedActive: number | null;
	};
	distribution: { from: number; to: number; count: number }[] | null;
	pareto: CurvePoint[] | null;
	valueMatrix: {
		/** Null when the values are withheld. */
		counts: Record<ValueAction | 'unknown', number> | null;
		withShareOfWallet: number;
		medianShareOfWallet: number | null;
	};
	holdout: { repeatPurchases: string; customers: number; actual: number; predicted: number }[] | null;
	/**
	 * `spend-heavy-tail`: Gamma-Gamma's q ≤ 2, so the spread of spend between customers has no finite
	 * variance (q ≤ 1: not even a finite mean); customers without repeat purchases get that unstable
	 * population mean as their expected spend. `margin-implausible`: the transactions' margin column
	 * does not read as money beside the amounts, so revenue is shown.
	 */
	warnings: ('spend-heavy-tail' | 'margin-implausible')[];
	/** All customers, highest CLV first (the API pages through them); empty when the values are withheld. */
	customers: ClvCustomer[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Equal-width bins between the 1st and 99th percentile, so one whale does not flatten the picture. */
function histogram(values: Float64Array, bins = 24): NonNullable<ClvReport['distribution']> {
	if (values.length === 0) return [];
	const sorted = Float64Array.from(values).sort();
	const low = Math.min(0, quantileSorted(sorted, 0.01));
	const high = quantileSorted(sorted, 0.99);
	if (!(high > low)) return [{ from: low, to: low + 1, count: values.length }];
	const width = (high - low) / bins;
	const counts = new Array<number>(bins).fill(0);
	for (const value of sorted) counts[Math.max(0, Math.min(bins - 1, Math.floor((value - low) / width)))]!++;
	return counts.map((count, i) => ({ from: low + i * width, to: low + (i + 1) * width, count }));
}

const HOLDOUT_BINS = ['0', '1', '2', '3', '4', '5', '6', '7+'];

const fitSummary = <F extends BgnbdFit | GammaGammaFit>({ fit, verdict }: Judged<F>): ModelReport<F> => ({
	fit: fit && { params: fit.params, logLikelihood: fit.logLikelihood, converged: fit.converged, customers: fit.customers },
	verdict
});

/** The facts of each summary's customer, in the summaries' order (NaN: unknown). */
interface SummaryFacts {
	acquisitionCost: Float64Array;
	categoryTotal: Float64Array;
	categoryOwnSpend: Float64Array;
}

/** Customers per step of the per-customer loops below: a few ms each at 200,000 customers. */
const STEP_CUSTOMERS = 20_000;

function* factsInSteps(columns: db.FactColumns, customers: Int32Array): Stepwise<SummaryFacts> {
	const n = customers.length;
	const facts = { acquisitionCost: new Float64Array(n), categoryTotal: new Float64Array(n), categoryOwnSpend: new Float64Array(n) };
	for (let i = 0; i < n; i++) {
		const c = customers[i]!;
		facts.acquisitionCost[i] = columns.acquisitionCost[c]!;
		facts.categoryTotal[i] = columns.categoryTotal[c]!;
		facts.categoryOwnSpend[i] = columns.categoryOwnSpend[c]!;
		if ((i + 1) % STEP_CUSTOMERS === 0) yield;
	}
	return facts;
}

/** The transactions' own margin, added up in their order (as they streamed from the database before). */
function* marginOfColumns(columns: db.TransactionColumns): Stepwise<DataMargin | null> {
	const tally = new MarginTally();
	const { amount, margin } = columns;
	for (let from = 0; from < amount.length; from += MARGIN_STEP_ROWS) {
		const to = Math.min(amount.length, from + MARGIN_STEP_ROWS);
		for (let i = from; i < to; i++) tally.add(amount[i]!, margin[i]!);
		yield;
	}
	return tally.result();
}

const MARGIN_STEP_ROWS = 100_000;

/** The formula over the customers, their acquisition costs from the facts; its rate prior fitted off the event loop. */
async function formulaOf(summaries: readonly CustomerSummary[], facts: SummaryFacts, overrides: db.FormulaOverrides | undefined) {
	const { customers, histories } = await finishStepwise(formulaCustomersInSteps(summaries, facts));
	const ratePrior = await ratePriorOffLoop(histories);
	return finishStepwise(
		formulaClvInSteps(customers, {
			// A relationship length set by hand holds for every customer; other factors for the group figure.
			...(overrides?.relationshipLength !== undefined ? { relationshipLength: overrides.relationshipLength } : {}),
			overrides: overrides ?? {},
			ratePrior
		})
	);
}

/**
 * The formula's customers, and their purchase histories as the rate prior's columns (x = repeat
 * purchases, t = observed length: formulaRateHistories of the customers).
 */
function* formulaCustomersInSteps(summaries: readonly CustomerSummary[], facts: SummaryFacts): Stepwise<{ customers: FormulaCustomer[]; histories: RateColumns }> {
	const n = summaries.length;
	const customers = new Array<FormulaCustomer>(n);
	const histories = { x: new Float64Array(n), t: new Float64Array(n) };
	for (let i = 0; i < n; i++) {
		const s = summaries[i]!;
		customers[i] = {
			purchases: s.purchaseDays,
			items: s.items,
			revenue: s.revenue,
			revenueSquares: s.revenueSquares,
			observedLength: s.T,
			acquisitionCost: Number.isNaN(facts.acquisitionCost[i]!) ? 0 : facts.acquisitionCost[i]!
		};
		histories.x[i] = Math.max(0, s.purchaseDays - 1);
		histories.t[i] = s.T;
		if ((i + 1) % STEP_CUSTOMERS === 0) yield;
	}
	return { customers, histories };
}

/** The margin to apply: asked for, else the data's own when it is plausible, else none (revenue). */
function marginOf(query: ClvQuery, data: DataMargin | null): { margin: number; marginSource: MarginSource } {
	if (query.model === 'formula') return { margin: 1, marginSource: 'revenue' };
	if (query.margin !== null) return { margin: query.margin, marginSource: 'asked' };
	if (data?.plausible) return { margin: data.share, marginSource: 'data' };
	return { margin: 1, marginSource: 'revenue' };
}

export async function computeCustomerValue(
	workspaceId: string,
	filter: db.RuleFilter | null,
	query: ClvQuery,
	report: (progress: number) => void
): Promise<ClvReport> {
	const data = await db.transactionData(workspaceId, filter, { facts: true });
	const span = data.span;
	if (!span) throw new RangeError('no transactions');
	const calibrationEnd = query.calibrationEnd ?? span.to;
	const holdoutEnd = calibrationEnd < span.to - DAY_MS ? span.to : null;
	const { columns } = data;
	const dataMargin = await finishStepwise(marginOfColumns(columns));
	const log = db.transactionLog(columns);
	const summarised = await finishStepwise(summarizeLogInSteps(log, { calibrationEnd, timeUnit: query.timeUnit, ...(holdoutEnd ? { holdoutEnd } : {}) }));
	const { summaries } = summarised;
	if (summaries.length === 0) throw new RangeError('no customers bought before the calibration end');
	const { margin, marginSource } = marginOf(query, dataMargin);
	report(0.25);
	await yieldToEventLoop();

	const facts = await finishStepwise(factsInSteps(data.facts!, summarised.customers));
	let bgnbd: Judged<BgnbdFit> | null = null;
	let gammaGamma: Judged<GammaGammaFit> | null = null;
	let formula: Awaited<ReturnType<typeof formulaOf>> | null = null;
	let verdict: FitVerdict = USABLE;
	let clv: Float64Array | null = null;
	let pAlive: Float64Array | null = null;
	let expectedTransactions: Float64Array | null = null;
	let expectedSpend: Float64Array | null = null;

	if (query.model === 'formula') {
		formula = await formulaOf(summaries, facts, query.overrides);
		clv = formula.values;
	} else {
		({ bgnbd, gammaGamma } = await modelFits(summaries, report));
		report(0.7);
		await yieldToEventLoop();
		verdict = combineVerdicts(bgnbd.verdict, gammaGamma.verdict);
		if (isUsable(verdict)) {
			const scores = await finishStepwise(scoreCustomersInSteps(summaries, {
				bgnbd: bgnbd.fit!.params,
				gammaGamma: gammaGamma.fit!.params,
				margin,
				discountRate: query.model === 'discounted' ? query.discountRate : 0,
				periods: Math.max(1, Math.round(query.horizon))
			}));
			const values = Float64Array.from(scores, (s) => s.clv);
			verdict = predictionsVerdict(values, summaries.some((s) => s.x !== summaries[0]!.x));
			if (isUsable(verdict)) {
				clv = values;
				pAlive = Float64Array.from(scores, (s) => s.pAlive);
				expectedTransactions = Float64Array.from(scores, (s) => s.expectedTransactions);
				expectedSpend = Float64Array.from(scores, (s) => s.expectedSpend);
			}
		}
		// Withheld values: the formula, whose factors are all on show, is the estimate to use instead.
		if (!clv) formula = await formulaOf(summaries, facts, undefined);
	}
	report(0.85);
	await yieldToEventLoop();

	const shown = clv ? await finishStepwise(valuesInSteps(summaries, facts, clv, { pAlive, expectedTransactions, expectedSpend })) : null;
	const spendUsable = gammaGamma?.fit && isUsable(gammaGamma.verdict);
	const warnings: ClvReport['warnings'] = [];
	if (spendUsable && gammaGamma!.fit!.params.q <= 2) warnings.push('spend-heavy-tail');
	if (dataMargin && !dataMargin.plausible && query.model !== 'formula') warnings.push('margin-implausible');
	const repeatBuyers = summaries.reduce((n, s) => n + (s.x > 0 ? 1 : 0), 0);
	const distribution = clv && histogram(clv);
	await yieldToEventLoop();
	return {
		model: query.model,
		timeUnit: query.timeUnit,
		calibrationEnd: iso(calibrationEnd),
		holdoutEnd: holdoutEnd ? iso(holdoutEnd) : null,
		horizon: query.horizon,
		discountRate: query.model === 'discounted' ? query.discountRate : 0,
		margin,
		marginSource,
		dataMargin,
		verdict,
		bgnbd: bgnbd && fitSummary(bgnbd),
		gammaGamma: gammaGamma && fitSummary(gammaGamma),
		formula: query.model === 'formula' ? formula!.group : null,
		pooling: formula?.pooling ?? null,
		fallback: query.model !== 'formula' && formula ? formula.group : null,
		summary: {
			customers: summaries.length,
			repeatBuyers,
			total: shown?.total ?? null,
			mean: shown ? shown.total / summaries.length : null,
			median: shown?.median ?? null,
			top20Share: shown?.spread.topShare ?? null,
			gini: shown?.spread.gini ?? null,
			expectedActive: pAlive && clv ? expectedActiveCustomers(pAlive) : null
		},
		distribution,
		pareto: shown?.spread.pareto ?? null,
		valueMatrix: {
			counts: shown?.matrix.counts ?? null,
			withShareOfWallet: shown?.matrix.withShareOfWallet ?? 0,
			medianShareOfWallet: shown?.matrix.medianShareOfWallet ?? null
		},
		warnings,
		holdout: bgnbd?.fit && clv && holdoutEnd ? holdoutCheck(summaries, bgnbd.fit, (holdoutEnd - calibrationEnd) / DAY_MS / TIME_UNIT_DAYS[query.timeUnit]) : null,
		customers: shown?.customers ?? []
	};
}

/** Everything computed from trusted customer values: the value matrix, concentration and the sorted customer list. */
function* valuesInSteps(
	summaries: readonly CustomerSummary[],
	facts: SummaryFacts,
	clv: Float64Array,
	model: { pAlive: Float64Array | null; expectedTransactions: Float64Array | null; expectedSpend: Float64Array | null }
) {
	const inputs = new Array<Parameters<typeof valueMatrixInSteps>[0][number]>(summaries.length);
	for (let i = 0; i < summaries.length; i++) {
		const [categorySpend, ownSpend] = [facts.categoryTotal[i]!, facts.categoryOwnSpend[i]!];
		const known = !Number.isNaN(categorySpend) && !Number.isNaN(ownSpend);
		inputs[i] = { customerId: summaries[i]!.customerId, currentValue: clv[i]!, ...(known ? { ownSpend, categorySpend } : {}) };
		if ((i + 1) % STEP_CUSTOMERS === 0) yield;
	}
	const matrix = yield* valueMatrixInSteps(inputs);
	const spread = yield* concentrationInSteps(clv);
	const sorted = Float64Array.from(clv).sort();
	yield;
	const listed = new Array<ClvCustomer>(summaries.length);
	for (let i = 0; i < summaries.length; i++) {
		const s = summaries[i]!;
		listed[i] = {
			externalId: s.customerId,
			x: s.x,
			tx: s.tx,
			T: s.T,
			pAlive: model.pAlive?.[i] ?? null,
			expectedTransactions: model.expectedTransactions?.[i] ?? null,
			expectedSpend: model.expectedSpend?.[i] ?? null,
			clv: clv[i]!,
			currentValue: matrix.customers[i]!.currentValue,
			potentialValue: matrix.customers[i]!.potentialValue,
			shareOfWallet: matrix.customers[i]!.shareOfWallet,
			action: matrix.customers[i]!.action
		};
		if ((i + 1) % STEP_CUSTOMERS === 0) yield;
	}
	const customers = yield* sortInSteps(listed, (a, b) => b.clv - a.clv || a.externalId.localeCompare(b.externalId));
	return { matrix, spread, customers, total: sorted.reduce((sum, v) => sum + v, 0), median: quantileSorted(sorted, 0.5) };
}

/**
 * The standard BG/NBD validation: customers binned by their calibration repeat purchases, the
 * mean actual repeat purchases in the holdout period against the mean the model predicted.
 */
function holdoutCheck(
	summaries: readonly CustomerSummary[],
	fit: BgnbdFit,
	holdoutLength: number
): NonNullable<ClvReport['holdout']> {
	const bins = HOLDOUT_BINS.map((label) => ({ repeatPurchases: label, customers: 0, actual: 0, predicted: 0 }));
	const predictedByProfile = new Map<string, number>();
	for (const s of summaries) {
		const bin = bins[Math.min(s.x, bins.length - 1)]!;
		const key = `${s.x}|${s.tx}|${s.T}`;
		let predicted = predictedByProfile.get(key);
		if (predicted === undefined) {
			predicted = bgnbdConditionalExpectedTransactions(fit.params, holdoutLength, s);
			predictedByProfile.set(key, predicted);
		}
		bin.customers++;
		bin.actual += s.holdoutPurchaseDays ?? 0;
		bin.predicted += predicted;
	}
	return bins
		.filter((b) => b.customers > 0)
		.map((b) => ({ ...b, actual: b.actual / b.customers, predicted: b.predicted / b.customers }));
}
