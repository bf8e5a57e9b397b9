/**
 * The fits as the reports use them: refused before fitting when the data is too thin, judged
 * after (see fit-verdict.ts). A refused model has no fit (null) when it was not attempted, or
 * its fit with an unusable verdict, so that the parameters can still be shown as a diagnosis.
 */
import { fitBgnbd, type BgnbdFit } from './bgnbd';
import { fitGammaGamma, isSpendInformative, type GammaGammaFit, type SpendProfile } from './gamma-gamma';
import { groupFrequencyProfiles, type FrequencyProfile } from './frequency-groups';
import { fitSbg, type CohortSurvival, type SbgFit } from './sbg';
import {
	MIN_REPEAT_BUYERS,
	MIN_RETENTION_CUSTOMERS,
	MIN_RETENTION_PERIODS,
	combineVerdicts,
	fitVerdict,
	minimumVerdict,
	type FitVerdict
} from './fit-verdict';

export interface Judged<F> {
	fit: F | null;
	verdict: FitVerdict;
}

/** BG/NBD, when at least MIN_REPEAT_BUYERS customers bought again; α is judged against the mean observation time. */
export function judgedBgnbd(customers: readonly FrequencyProfile[], minimumRepeatBuyers = MIN_REPEAT_BUYERS): Judged<BgnbdFit> {
	let repeatBuyers = 0;
	let time = 0;
	for (const c of customers) {
		if (c.x > 0) repeatBuyers++;
		time += c.T;
	}
	const enough = minimumVerdict('too-few-repeat-buyers', repeatBuyers, minimumRepeatBuyers);
	if (enough.status === 'unusable') return { fit: null, verdict: enough };
	const fit = fitBgnbd(groupFrequencyProfiles(customers));
	return { fit, verdict: fitVerdict(fit, { alpha: time / customers.length }) };
}

/** Gamma-Gamma on the repeat buyers, when there are enough; γ is judged against their mean spend. */
export function judgedGammaGamma(customers: readonly SpendProfile[], minimumRepeatBuyers = MIN_REPEAT_BUYERS): Judged<GammaGammaFit> {
	const used = customers.filter(isSpendInformative);
	const enough = minimumVerdict('too-few-repeat-buyers', used.length, minimumRepeatBuyers);
	if (enough.status === 'unusable') return { fit: null, verdict: enough };
	const fit = fitGammaGamma(used);
	const meanSpend = used.reduce((sum, c) => sum + c.monetaryValue, 0) / used.length;
	return { fit, verdict: fitVerdict(fit, { gamma: meanSpend }) };
}

/** sBG over cohorts, when they hold enough customers and the longest is observed long enough. */
export function judgedSbg(cohorts: readonly CohortSurvival[]): Judged<SbgFit> {
	const customers = cohorts.reduce((sum, c) => sum + c.initial, 0);
	const periods = cohorts.reduce((longest, c) => Math.max(longest, c.alive.length), 0);
	const enough = combineVerdicts(
		minimumVerdict('too-few-customers', customers, MIN_RETENTION_CUSTOMERS),
		minimumVerdict('too-few-periods', periods, MIN_RETENTION_PERIODS)
	);
	if (enough.status === 'unusable') return { fit: null, verdict: enough };
	const fit = fitSbg(cohorts);
	return { fit, verdict: fitVerdict(fit) };
}
