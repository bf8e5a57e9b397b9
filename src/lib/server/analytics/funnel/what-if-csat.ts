/**
 * What-if on one step: "if CSAT here rose by X percentage points". Among the customers who reached
 * the step and answered a CSAT question tagged with it, satisfied respondents (4–5 on 1–5) and the
 * others went on to the next stage at different rates. Raising CSAT by X points is read as X % of
 * the step's customers moving from the not-satisfied rate to the satisfied rate, so
 *
 *     extra customers at the next stage = reached × X/100 × (satisfied rate − not-satisfied rate)
 *
 * which is the same as drop-off at the step falling by X × (rate difference) points: from there
 * the extra customers flow down the funnel and are valued exactly as in the drop-off what-if.
 *
 * The rate difference is an association seen in the data, not a proven effect: satisfied
 * customers may go on for other reasons too (they may simply have wanted the product more).
 * Where the data cannot carry the estimate — no CSAT answers tagged with the step at all (other
 * measures, CES or NPS, may be), no respondents among the step's customers, too few on either side,
 * or satisfied customers who do not go on more often — the estimate is zero and `reason` says which.
 */
import { DEFAULT_MINIMUM_RESPONDENTS } from '../respondents';
import type { StepMetrics } from './types';
import { whatIf, type WhatIfResult, type WhatIfValues } from './what-if';

/** Respondents of one side (satisfied or not) who reached the step, and how many of them reached the next stage. */
export interface RespondentOutcome {
	n: number;
	converted: number;
}

export interface CsatWhatIfInput {
	stepId: string;
	/** Percentage points by which the step's CSAT rises (negative = falls). */
	csatPoints: number;
	satisfied: RespondentOutcome;
	unsatisfied: RespondentOutcome;
	/** Each side needs at least this many respondents for its rate to be read (default 30, as the satisfaction figures). */
	minimumRespondents?: number;
	/**
	 * Answers tagged with the step's event types in the cut and window, per measure, whoever gave
	 * them. Tells "no CSAT answers here at all" (while CES answers may be) from "none of the step's
	 * customers answered". Absent: not known, and no respondents read as 'no-respondents'.
	 */
	taggedAnswers?: TaggedAnswers;
}

export interface TaggedAnswers {
	csat: number;
	ces: number;
	nps: number;
}

export type CsatWhatIfReason = 'ok' | 'last-stage' | 'not-reached' | 'no-csat-answers' | 'no-respondents' | 'too-few-respondents' | 'satisfied-not-better';

export interface CsatExplanation {
	satisfied: RespondentOutcome & { conversion: number | null };
	unsatisfied: RespondentOutcome & { conversion: number | null };
	/** CSAT of these respondents (share satisfied, 0…1) before and after; null without respondents. */
	currentCsat: number | null;
	newCsat: number | null;
	/** The points actually applied: limited so CSAT stays within 0…100 %. */
	pointsApplied: number;
	capped: boolean;
	/** Satisfied conversion − not-satisfied conversion, applied per point moved; null when not estimated. */
	lift: number | null;
	/** The drop-off change the CSAT change amounts to (percentage points), handed to the drop-off flow. */
	equivalentDropOffPoints: number;
	minimumRespondents: number;
	/** Either side has fewer respondents than the minimum. */
	lowN: boolean;
	/** Answers tagged with the step per measure (null when the caller did not say). */
	taggedAnswers: TaggedAnswers | null;
	reason: CsatWhatIfReason;
	/** The estimate rests on an association between satisfaction and going on, not on proof of cause. */
	assumption: 'association';
}

export interface CsatWhatIfResult extends WhatIfResult {
	csat: CsatExplanation;
}

const rate = (o: RespondentOutcome): number | null => (o.n > 0 ? o.converted / o.n : null);

function checkOutcome(o: RespondentOutcome, side: string): void {
	if (!(Number.isInteger(o.n) && o.n >= 0 && Number.isInteger(o.converted) && o.converted >= 0 && o.converted <= o.n))
		throw new RangeError(`${side} respondents must be whole numbers with 0 ≤ converted ≤ n, got ${o.converted} of ${o.n}`);
}

export function csatWhatIf(funnel: readonly StepMetrics[], input: CsatWhatIfInput, values: WhatIfValues): CsatWhatIfResult {
	if (!Number.isFinite(input.csatPoints)) throw new RangeError(`csatPoints must be a number, got ${input.csatPoints}`);
	checkOutcome(input.satisfied, 'satisfied');
	checkOutcome(input.unsatisfied, 'not-satisfied');
	const minimum = input.minimumRespondents ?? DEFAULT_MINIMUM_RESPONDENTS;
	const n = input.satisfied.n + input.unsatisfied.n;
	const currentCsat = n > 0 ? input.satisfied.n / n : null;
	const satisfiedRate = rate(input.satisfied);
	const unsatisfiedRate = rate(input.unsatisfied);
	const csat: CsatExplanation = {
		satisfied: { ...input.satisfied, conversion: satisfiedRate },
		unsatisfied: { ...input.unsatisfied, conversion: unsatisfiedRate },
		currentCsat,
		newCsat: null,
		pointsApplied: 0,
		capped: false,
		lift: null,
		equivalentDropOffPoints: 0,
		minimumRespondents: minimum,
		lowN: input.satisfied.n < minimum || input.unsatisfied.n < minimum,
		taggedAnswers: input.taggedAnswers ?? null,
		reason: 'ok',
		assumption: 'association'
	};
	// The flow with no change: its explanation (current drop-off, values) is still worth showing.
	const unchanged = whatIf(funnel, { stepId: input.stepId, dropOffPoints: 0 }, values);
	const nothing = (reason: CsatWhatIfReason): CsatWhatIfResult => ({ ...unchanged, csat: { ...csat, reason } });
	const stepReason = unchanged.explanation.reason;
	if (stepReason === 'last-stage' || stepReason === 'not-reached') return nothing(stepReason);
	if (input.taggedAnswers && input.taggedAnswers.csat === 0) return nothing('no-csat-answers');
	if (n === 0) return nothing('no-respondents');
	if (csat.lowN) return nothing('too-few-respondents');
	const lift = satisfiedRate! - unsatisfiedRate!;
	// Never a negative fantasy: where satisfied customers do not go on more often, CSAT buys nothing here.
	if (lift <= 0) return nothing('satisfied-not-better');

	const currentPoints = currentCsat! * 100;
	const points = Math.min(100 - currentPoints, Math.max(-currentPoints, input.csatPoints));
	const result = whatIf(funnel, { stepId: input.stepId, dropOffPoints: points * lift }, values);
	return {
		...result,
		csat: {
			...csat,
			newCsat: (currentPoints + points) / 100,
			pointsApplied: points,
			capped: points !== input.csatPoints,
			lift,
			equivalentDropOffPoints: points * lift
		}
	};
}
