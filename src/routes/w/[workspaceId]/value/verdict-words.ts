import { m } from '$lib/paraglide/messages';
import { formatNumber, type Locale } from '$lib/domain/format';
import type { PageData } from './$types';

/* The fit verdicts of the customer-value report in plain words (the API's reason codes). */

export type Report = NonNullable<PageData['report']>;
export type Verdict = Report['verdict'];
export type Reason = Verdict['reasons'][number];

/** Greek letters for the parameters, as the papers and the fit table write them. */
const PARAMETER_NAMES: Record<string, string> = { alpha: 'α', gamma: 'γ', beta: 'β' };

/** A number of any size, readably: 2.6e8 as "260,000,000", 1e-5 as "0.00001". */
function magnitude(value: number, locale: Locale): string {
	if (value !== 0 && Math.abs(value) < 0.01) return value.toExponential(1);
	return formatNumber(value, locale, Math.abs(value) < 10 ? 3 : 0);
}

export function reasonText(reason: Reason, locale: Locale): string {
	const count = (n: number) => formatNumber(n, locale, 0);
	switch (reason.code) {
		case 'too-few-repeat-buyers':
			return m.value_reason_repeat_buyers({ count: count(reason.repeatBuyers), minimum: count(reason.minimum) });
		case 'too-few-customers':
			return m.value_reason_customers({ count: count(reason.customers), minimum: count(reason.minimum) });
		case 'too-few-periods':
			return m.value_reason_periods({ count: count(reason.periods), minimum: count(reason.minimum) });
		case 'not-converged':
			return m.value_reason_not_converged({ iterations: count(reason.iterations) });
		case 'parameter-at-bound':
			return m.value_reason_bound({
				parameter: PARAMETER_NAMES[reason.parameter] ?? reason.parameter,
				value: magnitude(reason.value, locale),
				limit: magnitude(reason.limit, locale)
			});
		case 'identical-predictions':
			return m.value_reason_identical({ count: count(reason.customers) });
	}
}

/** The minimum number of repeat buyers a verdict names, if it names one. */
export function repeatBuyerMinimum(...verdicts: (Verdict | undefined)[]): number | null {
	for (const verdict of verdicts) for (const reason of verdict?.reasons ?? []) if (reason.code === 'too-few-repeat-buyers') return reason.minimum;
	return null;
}
