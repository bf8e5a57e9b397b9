/**
 * The time units the models measure in. A model's rate and scale parameters (BG/NBD α,
 * horizons, discount rates per period) are in this unit, so every result says which one it used.
 */
export const TIME_UNITS = ['day', 'week', 'month'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const DAY_MS = 86_400_000;

/**
 * Length of a unit in days. A month is the mean Gregorian month (365.25 / 12 days), so that
 * "12 months" is a year whichever months they are and t_x and T stay plain numbers.
 */
export const TIME_UNIT_DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

/** The UTC calendar day of an epoch timestamp, as a day number since 1970-01-01. */
export const utcDay = (ms: number): number => Math.floor(ms / DAY_MS);
