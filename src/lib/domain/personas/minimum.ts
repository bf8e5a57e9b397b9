/**
 * How many customers a group needs before personas can be derived from it. A persona's figures
 * (its share, mean CLV, "buys 3.1× as often") are means over its members: a persona of two
 * customers is an anecdote, and a 6-customer group split three ways gives "differences" that one
 * customer decides. So a derivation needs at least 10 customers per persona and 30 in all (the
 * usual rule of thumb before a mean is worth reading). The server refuses below it; the
 * personas page says so before anyone clicks. Pure: shared by the engine, the service and the UI.
 */

/** The number of personas a derivation makes: fixed by the team or chosen within this range. */
export const PERSONA_COUNT_RANGE = { min: 3, max: 8 } as const;
export const MIN_GROUP_CUSTOMERS = 30;
export const MIN_CUSTOMERS_PER_PERSONA = 10;

/** Customers a group needs for `k` personas; for "auto", what the smallest k needs. */
export function customersNeeded(k: number | 'auto'): number {
	const personas = k === 'auto' ? PERSONA_COUNT_RANGE.min : k;
	return Math.max(MIN_GROUP_CUSTOMERS, MIN_CUSTOMERS_PER_PERSONA * personas);
}

/** The most personas a group of `customers` can carry (below PERSONA_COUNT_RANGE.min: none). */
export function mostPersonas(customers: number): number {
	if (customers < MIN_GROUP_CUSTOMERS) return 0;
	return Math.min(PERSONA_COUNT_RANGE.max, Math.floor(customers / MIN_CUSTOMERS_PER_PERSONA));
}

/** Why a group cannot have `k` personas (null when it can), with the numbers a message needs. */
export interface PersonaShortfall {
	readonly customers: number;
	readonly needed: number;
	/** The fixed number asked for; null for "auto". */
	readonly k: number | null;
	/** With a fixed k that is too many: the most personas the group can carry (0: none at all). */
	readonly most: number;
}

export function personaShortfall(customers: number, k: number | 'auto'): PersonaShortfall | null {
	const needed = customersNeeded(k);
	if (customers >= needed) return null;
	return { customers, needed, k: k === 'auto' ? null : k, most: mostPersonas(customers) };
}

/** The shortfall in English, as the API and the engine say it. */
export function shortfallText(shortfall: PersonaShortfall): string {
	const { customers, needed, k } = shortfall;
	const why = `at least ${MIN_CUSTOMERS_PER_PERSONA} customers per persona and ${MIN_GROUP_CUSTOMERS} in all`;
	return k === null
		? `This group has ${customers} customers; personas need at least ${needed} (${why})`
		: `This group has ${customers} customers; ${k} personas need at least ${needed} (${why})`;
}
