import {
	bgnbdConditionalExpectedTransactions,
	concentration,
	expectedActiveCustomers,
	fitBgnbd,
	fitGammaGamma,
	formulaClv,
	groupFrequencyProfiles,
	isSpendInformative,
	quantileSorted,
	scoreCustomers,
	summarizeTransactions,
	TIME_UNIT_DAYS,
	valueMatrix,
	type BgnbdFit,
	type CurvePoint,
	type FormulaClv,
	type GammaGammaFit,
	type TimeUnit,
	type ValueAction
} from '../analytics';
import { DAY_MS } from '../analytics/time-unit';
import * as db from '../db';
import { yieldToEventLoop } from './cache';

/*
 * The customer-value report of a workspace or group: the models of `$lib/server/analytics` run
 * on the data in SQL. Per customer: x, t_x, T, P(alive), expected transactions and spend, CLV,
 * current and potential value; for the group: the fits, a summary, the CLV distribution, the
 * Pareto curve, the value matrix and — when the calibration ends before the data does — the
 * standard BG/NBD check of predicted against actual repeat purchases in the holdout period.
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
	/** Share of revenue that is contribution, 0–1. */
	margin: number;
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
	potentialValue: number;
	action: ValueAction;
}

export interface ClvReport {
	model: ClvModel;
	timeUnit: TimeUnit;
	calibrationEnd: string;
	holdoutEnd: string | null;
	horizon: number;
	discountRate: number;
	margin: number;
	bgnbd: (Pick<BgnbdFit, 'params' | 'logLikelihood' | 'converged' | 'customers'>) | null;
	gammaGamma: (Pick<GammaGammaFit, 'params' | 'logLikelihood' | 'converged' | 'customers'>) | null;
	formula: FormulaClv | null;
	summary: {
		customers: number;
		total: number;
		mean: number;
		median: number;
		top20Share: number;
		gini: number;
		expectedActive: number | null;
	};
	distribution: { from: number; to: number; count: number }[];
	pareto: CurvePoint[];
	valueMatrix: { counts: Record<ValueAction, number>; topQuartileValue: number; withShareOfWallet: number };
	holdout: { repeatPurchases: string; customers: number; actual: number; predicted: number }[] | null;
	/**
	 * `spend-heavy-tail`: Gamma-Gamma's q ≤ 2, so the spread of spend between customers has no finite
	 * variance (q ≤ 1: not even a finite mean); customers without repeat purchases get that unstable
	 * population mean as their expected spend.
	 */
	warnings: 'spend-heavy-tail'[];
	/** All customers, highest CLV first (the API pages through them). */
	customers: ClvCustomer[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Equal-width bins between the 1st and 99th percentile, so one whale does not flatten the picture. */
function histogram(values: Float64Array, bins = 24): ClvReport['distribution'] {
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

export async function computeCustomerValue(
	workspaceId: string,
	filter: db.RuleFilter | null,
	query: ClvQuery,
	report: (progress: number) => void
): Promise<ClvReport> {
	const span = db.transactionSpan(workspaceId);
	if (!span) throw new RangeError('no transactions');
	const calibrationEnd = query.calibrationEnd ?? span.to;
	const holdoutEnd = calibrationEnd < span.to - DAY_MS ? span.to : null;
	const summaries = summarizeTransactions(db.transactionRows(workspaceId, filter), {
		calibrationEnd,
		timeUnit: query.timeUnit,
		...(holdoutEnd ? { holdoutEnd } : {})
	});
	if (summaries.length === 0) throw new RangeError('no customers bought before the calibration end');
	report(0.25);
	await yieldToEventLoop();

	const facts = new Map(db.customerFacts(workspaceId, filter).map((f) => [f.customerId, f]));
	let bgnbd: BgnbdFit | null = null;
	let gammaGamma: GammaGammaFit | null = null;
	let formula: FormulaClv | null = null;
	let clv: Float64Array;
	let pAlive: Float64Array | null = null;
	let expectedTransactions: Float64Array | null = null;
	let expectedSpend: Float64Array | null = null;

	if (query.model === 'formula') {
		const result = formulaClv(
			summaries.map((s) => ({
				purchases: s.purchaseDays,
				items: s.items,
				revenue: s.revenue,
				observedLength: s.T,
				acquisitionCost: facts.get(s.customerId)?.acquisitionCost ?? 0
			})),
			{
				// A relationship length set by hand holds for every customer; other factors for the group figure.
				...(query.overrides?.relationshipLength !== undefined ? { relationshipLength: query.overrides.relationshipLength } : {}),
				overrides: query.overrides ?? {}
			}
		);
		formula = result.group;
		clv = Float64Array.from(result.customers, (c) => c.value);
	} else {
		bgnbd = fitBgnbd(groupFrequencyProfiles(summaries));
		report(0.5);
		await yieldToEventLoop();
		const repeatBuyers = summaries.filter(isSpendInformative);
		if (repeatBuyers.length < 2) throw new RangeError('too few repeat buyers to fit spend');
		gammaGamma = fitGammaGamma(repeatBuyers);
		report(0.7);
		await yieldToEventLoop();
		const discounted = query.model === 'discounted';
		const scores = scoreCustomers(summaries, {
			bgnbd: bgnbd.params,
			gammaGamma: gammaGamma.params,
			margin: query.margin,
			discountRate: discounted ? query.discountRate : 0,
			periods: Math.max(1, Math.round(query.horizon))
		});
		clv = Float64Array.from(scores, (s) => s.clv);
		pAlive = Float64Array.from(scores, (s) => s.pAlive);
		expectedTransactions = Float64Array.from(scores, (s) => s.expectedTransactions);
		expectedSpend = Float64Array.from(scores, (s) => s.expectedSpend);
	}
	report(0.85);
	await yieldToEventLoop();

	const matrix = valueMatrix(
		summaries.map((s, i) => {
			const fact = facts.get(s.customerId);
			const known = fact?.categoryTotal != null && fact.categoryOwnSpend != null;
			return {
				customerId: s.customerId,
				currentValue: clv[i]!,
				...(known ? { ownSpend: fact.categoryOwnSpend!, categorySpend: fact.categoryTotal } : {})
			};
		})
	);
	const spread = concentration(clv);
	const sorted = Float64Array.from(clv).sort();
	const total = sorted.reduce((sum, v) => sum + v, 0);

	const customers: ClvCustomer[] = summaries.map((s, i) => ({
		externalId: s.customerId,
		x: s.x,
		tx: s.tx,
		T: s.T,
		pAlive: pAlive?.[i] ?? null,
		expectedTransactions: expectedTransactions?.[i] ?? null,
		expectedSpend: expectedSpend?.[i] ?? null,
		clv: clv[i]!,
		currentValue: matrix.customers[i]!.currentValue,
		potentialValue: matrix.customers[i]!.potentialValue,
		action: matrix.customers[i]!.action
	}));
	customers.sort((a, b) => b.clv - a.clv || a.externalId.localeCompare(b.externalId));

	return {
		model: query.model,
		timeUnit: query.timeUnit,
		calibrationEnd: iso(calibrationEnd),
		holdoutEnd: holdoutEnd ? iso(holdoutEnd) : null,
		horizon: query.horizon,
		discountRate: query.model === 'discounted' ? query.discountRate : 0,
		margin: query.model === 'formula' ? 1 : query.margin,
		bgnbd: bgnbd && { params: bgnbd.params, logLikelihood: bgnbd.logLikelihood, converged: bgnbd.converged, customers: bgnbd.customers },
		gammaGamma: gammaGamma && {
			params: gammaGamma.params,
			logLikelihood: gammaGamma.logLikelihood,
			converged: gammaGamma.converged,
			customers: gammaGamma.customers
		},
		formula,
		summary: {
			customers: summaries.length,
			total,
			mean: total / summaries.length,
			median: quantileSorted(sorted, 0.5),
			top20Share: spread.topShare,
			gini: spread.gini,
			expectedActive: pAlive ? expectedActiveCustomers(pAlive) : null
		},
		distribution: histogram(clv),
		pareto: spread.pareto,
		valueMatrix: {
			counts: matrix.counts,
			topQuartileValue: matrix.topQuartileValue,
			withShareOfWallet: matrix.customers.filter((c) => c.potentialBasis === 'share-of-wallet').length
		},
		warnings: gammaGamma && gammaGamma.params.q <= 2 ? ['spend-heavy-tail'] : [],
		holdout: bgnbd && holdoutEnd ? holdoutCheck(summaries, bgnbd, (holdoutEnd - calibrationEnd) / DAY_MS / TIME_UNIT_DAYS[query.timeUnit]) : null,
		customers
	};
}

/**
 * The standard BG/NBD validation: customers binned by their calibration repeat purchases, the
 * mean actual repeat purchases in the holdout period against the mean the model predicted.
 */
function holdoutCheck(
	summaries: ReturnType<typeof summarizeTransactions>,
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
