import { formatNumber, type Locale } from '../format';

/*
 * Counts of people as people read them. Estimates carry fractions ("0.3 more customers reach the
 * last step" is an expectation over many customers), but nobody is 22.3 customers: the figure is
 * shown whole and the exact value, as the API gives it, goes in a tooltip.
 */

export interface PeopleFigure {
	/** Whole customers: "22"; "< 1" for an estimate between 0 and ½ (not a flat 0: something moves). */
	text: string;
	/** The exact figure for a tooltip ("22.3"); null when the count is already whole. */
	exact: string | null;
}

/** `value` is a count of customers, exact or estimated; negative counts keep their sign. */
export function formatPeople(value: number, locale: Locale): PeopleFigure {
	const whole = Math.round(Math.abs(value));
	const exact = Number.isInteger(value) ? null : formatNumber(value, locale, 2);
	if (whole === 0 && value !== 0) return { text: value > 0 ? '< 1' : `> ${formatNumber(-1, locale, 0)}`, exact };
	return { text: formatNumber(value < 0 ? -whole : whole, locale, 0), exact };
}
