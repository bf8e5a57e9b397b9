/**
 * A deterministic generator of a Dutch online retailer's customer data: profiles, transactions,
 * journey events, survey answers and stated category spend. Pure: no I/O, no clock, no
 * Math.random — the output is a function of the options alone.
 *
 * How customers behave (per hidden archetype, see archetypes.ts):
 * - Each customer is acquired on a day in the window (more later, as the shop grows; more in
 *   November–December) and buys for the first time that day.
 * - While active, purchases arrive as a Poisson process with a personal rate drawn from a Gamma
 *   distribution, modulated by season (Black Friday, Sinterklaas, Christmas); after each purchase
 *   the customer becomes inactive with a fixed probability, higher after a complaint — the
 *   BG/NBD story, so repeat-purchase models have something real to find.
 * - Online purchases (web, app) come with a journey: visit_product_page → add_to_cart →
 *   checkout_started → purchase, preceded by abandoned sessions that drop off at a step with the
 *   archetype's probabilities. Shop and phone purchases leave no web events.
 * - Purchases may lead to contact_customer_service and complaint events; NPS follows some
 *   purchases (step 'purchase'), CSAT some contacts (step 'contact_customer_service'), CES some
 *   online checkouts (step 'checkout_started').
 *
 * Rows are yielded customer by customer (each customer's rows sorted by time), so a million
 * rows never need to be in memory at once. Each customer has its own random stream derived from
 * (seed, customer number): customer K000123 is the same whatever the number of customers.
 *
 * Units: amounts and margins in euros (VAT included, rounded to cents); timestamps ISO 8601 UTC;
 * dates YYYY-MM-DD; NPS 0–10, CSAT 1–5, CES 1–7 (7 = very easy).
 */
import {
	ACQUISITION_COST,
	ARCHETYPES,
	type AcquisitionChannel,
	type Archetype,
	type ArchetypeId,
	type Channel,
	type IncomeBand
} from './archetypes';
import {
	CATEGORIES,
	CATEGORY_MARGIN,
	DROP_OFF_COMMENTS,
	FEMALE_FIRST_NAMES,
	MALE_FIRST_NAMES,
	NEUTRAL_COMMENTS,
	PRAISE_COMMENTS,
	PRODUCTS,
	SURNAMES,
	emailPart,
	randomAddress,
	type Category,
	type Interest
} from './dutch';
import {
	bernoulli,
	clamp,
	createRng,
	exponential,
	gamma,
	geometric,
	integer,
	lognormal,
	normal,
	pick,
	poisson,
	uniform,
	weightedChoice,
	weightedIndex,
	type Rng
} from './random';

export const JOURNEY_STEPS = ['visit_product_page', 'add_to_cart', 'checkout_started', 'purchase'] as const;
export const SERVICE_EVENTS = ['contact_customer_service', 'complaint'] as const;
export type EventType = (typeof JOURNEY_STEPS)[number] | (typeof SERVICE_EVENTS)[number];
export type SurveyKind = 'nps' | 'csat' | 'ces';
export type Gender = 'F' | 'M' | 'X';

export interface CustomerRow {
	customerId: string;
	name: string;
	email: string;
	gender: Gender;
	/** YYYY-MM-DD; null when the customer did not give it. */
	birthDate: string | null;
	postcode: string;
	city: string;
	optIn: boolean;
	interests: Interest[];
	incomeBand: IncomeBand | null;
	householdSize: number | null;
	children: number | null;
	loyaltyMember: boolean;
	/** YYYY-MM-DD, the day of the first purchase. */
	acquisitionDate: string;
	acquisitionChannel: AcquisitionChannel;
	acquisitionCost: number;
}

export interface TransactionRow {
	transactionId: string;
	customerId: string;
	timestamp: string;
	channel: Channel;
	product: string;
	category: Category;
	quantity: number;
	amount: number;
	/** Gross margin in euros: amount minus cost of goods; negative on deep discounts. */
	margin: number;
	promotion: boolean;
}

export interface EventRow {
	customerId: string;
	/** Journey steps of one visit share a session id; service events have their own. */
	sessionId: string;
	timestamp: string;
	eventType: EventType;
	channel: Channel;
}

export interface SurveyRow {
	customerId: string;
	timestamp: string;
	kind: SurveyKind;
	score: number;
	step: EventType;
	comment: string | null;
}

/**
 * Share-of-wallet input for one category over a period: what the customer spent here (from their
 * transactions) and what they say they spend in the category across all shops.
 */
export interface CategorySpendRow {
	customerId: string;
	category: Category;
	periodStart: string;
	periodEnd: string;
	/** Spent at this retailer in the period, in euros. */
	amount: number;
	/** Stated spend in the category at all shops, at least `amount`. */
	categoryTotal: number;
}

export type DemoRecord =
	| { kind: 'customer'; row: CustomerRow; archetype: ArchetypeId }
	| { kind: 'transaction'; row: TransactionRow }
	| { kind: 'event'; row: EventRow }
	| { kind: 'survey'; row: SurveyRow }
	| { kind: 'categorySpend'; row: CategorySpendRow };

export type RowOf<K extends DemoRecord['kind']> = Extract<DemoRecord, { kind: K }>['row'];

export interface DemoDataOptions {
	customers: number;
	seed: number;
	/** First day of the window (YYYY-MM-DD or Date, UTC). Default: `months` before 2026-11-01. */
	start?: string | Date;
	/** Length of the window in months; default 24. */
	months?: number;
}

export interface DemoData {
	customers: number;
	seed: number;
	/** Window [start, end): ISO timestamps. */
	start: string;
	end: string;
	/** All rows in one pass, customer by customer (the customer row first). */
	records(): Generator<DemoRecord>;
	customerRows(): Generator<CustomerRow>;
	transactions(): Generator<TransactionRow>;
	events(): Generator<EventRow>;
	surveys(): Generator<SurveyRow>;
	categorySpend(): Generator<CategorySpendRow>;
}

export const DEFAULT_END = '2026-11-01';
export const customerId = (index: number): string => `K${String(index + 1).padStart(6, '0')}`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;
const MONTH = 30.4375 * DAY;
const YEAR = 365.25 * DAY;

const ARCHETYPE_SHARES = ARCHETYPES.map((a) => a.share);
const round2 = (value: number) => Math.round(value * 100) / 100;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function parseDay(value: string | Date): number {
	const ms = typeof value === 'string' ? Date.parse(`${value.slice(0, 10)}T00:00:00Z`) : value.getTime();
	if (!Number.isFinite(ms)) throw new RangeError(`Invalid start date: ${String(value)}`);
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function addMonths(ms: number, months: number): number {
	const d = new Date(ms);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/**
 * Relative shopping intensity on a day: Black Friday week, Sinterklaas (5 December) and
 * Christmas peaks, the January sales, a quiet February and summer.
 */
const MONTH_FACTOR = [1.0, 0.8, 0.9, 0.95, 1.0, 0.95, 0.85, 0.9, 0.95, 1.0, 1.3, 1.45];
const MAX_SEASON = 2.2;
function season(ms: number): number {
	const d = new Date(ms);
	const month = d.getUTCMonth();
	const day = d.getUTCDate();
	let factor = MONTH_FACTOR[month]!;
	if (month === 10 && day >= 24) factor = 2.2; // Black Friday and Cyber Monday
	else if (month === 11 && day <= 5) factor = 1.9; // Sinterklaas
	else if (month === 11 && day >= 14 && day <= 23) factor = 1.7; // Christmas shopping
	return factor;
}

// Hour weights from 05:00 to 22:00 UTC (06:00–23:00 in winter, Dutch time): online shoppers buy
// in the evening, shops are open 9–18.
const ONLINE_HOURS = [1, 2, 3, 4, 4, 5, 6, 6, 5, 5, 5, 6, 7, 8, 10, 11, 10, 6];
const SHOP_HOURS = [0, 0, 0, 0, 3, 6, 8, 9, 9, 9, 8, 7, 5, 2, 0, 0, 0, 0];
const PHONE_HOURS = [0, 0, 0, 4, 8, 9, 8, 7, 8, 8, 7, 6, 4, 0, 0, 0, 0, 0];
function timeOfDay(rng: Rng, dayMs: number, channel: Channel): number {
	const hours = channel === 'shop' ? SHOP_HOURS : channel === 'phone' ? PHONE_HOURS : ONLINE_HOURS;
	return dayMs - (dayMs % DAY) + (5 + weightedIndex(rng, hours)) * HOUR + Math.floor(rng() * HOUR);
}

/** The first moment at or after `earliest` that falls in the channel's hours (same or next day). */
function during(rng: Rng, earliest: number, channel: Channel): number {
	const at = timeOfDay(rng, earliest, channel);
	return at >= earliest ? at : at + DAY;
}

/** Multiplies each weight by Gamma noise, so each customer leans to some channels or categories. */
function personalWeights<K extends string>(rng: Rng, weights: Partial<Record<K, number>>, shape: number): Partial<Record<K, number>> {
	const result: Partial<Record<K, number>> = {};
	for (const [key, w] of Object.entries(weights) as [K, number][]) result[key] = w * gamma(rng, shape, 1 / shape);
	return result;
}

const PRICE_WEIGHTS = new Map<number, Record<Category, number[]>>();
function productWeights(pricePreference: number): Record<Category, number[]> {
	let weights = PRICE_WEIGHTS.get(pricePreference);
	if (!weights) {
		weights = Object.fromEntries(
			CATEGORIES.map((c) => [c, PRODUCTS[c].map((p) => Math.pow(p.price, pricePreference))])
		) as Record<Category, number[]>;
		PRICE_WEIGHTS.set(pricePreference, weights);
	}
	return weights;
}

/** Typical yearly spend in a category across all shops for a middle-income household (euros). */
const CATEGORY_BUDGET: Record<Category, number> = {
	kleding: 900,
	schoenen: 300,
	sport: 250,
	wonen: 700,
	elektronica: 600,
	verzorging: 350,
	speelgoed: 250
};
const INCOME_FACTOR: Record<IncomeBand, number> = { low: 0.7, middle: 1, high: 1.5 };

type Timed<R> = { ms: number; row: R };

class Counters {
	transaction = 0;
	session = 0;
	nextTransaction = () => `O${String(++this.transaction).padStart(7, '0')}`;
	nextSession = () => `S${String(++this.session).padStart(8, '0')}`;
}

interface Window {
	seed: number;
	start: number;
	end: number;
}

/** One customer's complete history, before ids are numbered. */
function simulateCustomer(window: Window, index: number) {
	const rng = createRng(window.seed, index);
	const archetype: Archetype = ARCHETYPES[weightedIndex(rng, ARCHETYPE_SHARES)]!;
	const id = customerId(index);
	const { start, end } = window;

	// Profile
	const g = rng();
	const gender: Gender = g < 0.015 ? 'X' : g < 0.015 + 0.985 * archetype.femaleShare ? 'F' : 'M';
	const firstName = pick(rng, gender === 'F' ? FEMALE_FIRST_NAMES : gender === 'M' ? MALE_FIRST_NAMES : rng() < 0.5 ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
	const surname = pick(rng, SURNAMES);
	const name = `${firstName} ${surname}`;
	const emailStyle = integer(rng, 0, 2);
	const local =
		emailStyle === 0
			? `${emailPart(firstName)}.${emailPart(surname)}`
			: emailStyle === 1
				? `${emailPart(firstName)[0]}.${emailPart(surname)}`
				: `${emailPart(firstName)}${emailPart(surname)}`;
	const email = `${local}${index + 1}@example.nl`; // the number keeps addresses unique
	const age = uniform(rng, archetype.age[0], archetype.age[1]);
	const birthDate = isoDate(end - age * YEAR - Math.floor(rng() * DAY));
	const { postcode, city } = randomAddress(rng);
	const householdSize = weightedIndex(rng, archetype.householdSize) + 1;
	const children =
		householdSize >= 3 ? householdSize - (rng() < 0.12 ? 1 : 2) : householdSize === 2 && rng() < 0.1 ? 1 : 0;
	const incomeBand = weightedChoice(rng, archetype.incomeBand);
	const interests = new Set<Interest>();
	const interestCount = integer(rng, 1, 3);
	for (let i = 0; i < interestCount; i++) interests.add(weightedChoice(rng, archetype.interests));
	const optIn = bernoulli(rng, archetype.optIn);
	const loyaltyMember = bernoulli(rng, archetype.loyaltyMember);
	const acquisitionChannel = weightedChoice(rng, archetype.acquisition);
	const acquisitionCost = round2(lognormal(rng, ACQUISITION_COST[acquisitionChannel], 0.3));
	// Data is never complete: some fields were simply not filled in.
	const missingBirthDate = bernoulli(rng, 0.04);
	const missingIncome = bernoulli(rng, 0.12);
	const missingHousehold = bernoulli(rng, 0.1);
	const missingInterests = bernoulli(rng, 0.15);

	const channels = personalWeights(rng, archetype.channels, 2);
	const categories = personalWeights(rng, archetype.categories, 1.2);
	const sentiment = normal(rng);
	const ratePerMs = gamma(rng, archetype.rateShape, archetype.purchasesPerMonth / archetype.rateShape) / MONTH;
	const onlineShare = ((channels.web ?? 0) + (channels.app ?? 0)) / Object.values(channels).reduce((s, w) => s + (w ?? 0), 0);

	// Acquisition day: the shop grows (more new customers later) and peaks in the holidays.
	let acquired: number;
	for (;;) {
		const u = rng();
		acquired = start + Math.floor(u * (end - start));
		if (rng() < ((0.7 + 0.6 * u) / 1.3) * (season(acquired) / MAX_SEASON)) break;
	}

	const transactions: Timed<Omit<TransactionRow, 'transactionId'>>[] = [];
	const sessions: { ms: number; steps: { ms: number; eventType: EventType; channel: Channel }[] }[] = [];
	const surveys: Timed<SurveyRow>[] = [];
	const [toCart, toCheckout, toPurchase] = archetype.funnel;
	const conversion = toCart * toCheckout * toPurchase;
	// Where a failed session stops, given it failed: after the product page, the cart or the checkout.
	const failDepth = [1 - toCart, toCart * (1 - toCheckout), toCart * toCheckout * (1 - toPurchase)];

	const comment = (rng2: Rng, kind: 'low' | 'mid' | 'high'): string | null => {
		if (!bernoulli(rng2, 0.3)) return null;
		if (kind === 'high') return pick(rng2, PRAISE_COMMENTS);
		if (kind === 'mid') return pick(rng2, NEUTRAL_COMMENTS);
		return pick(rng2, DROP_OFF_COMMENTS[weightedChoice(rng2, archetype.dropOffCauses)]);
	};

	const serviceContact = (earliest: number, channel: Channel, afterCheckout: boolean): boolean => {
		const contactChannel: Channel = channel === 'shop' && rng() < 0.5 ? 'shop' : weightedChoice(rng, { phone: 0.5, web: 0.35, app: 0.15 });
		const ms = during(rng, earliest, contactChannel);
		if (ms < start || ms >= end) return false;
		const steps: { ms: number; eventType: EventType; channel: Channel }[] = [{ ms, eventType: 'contact_customer_service', channel: contactChannel }];
		const complained = !afterCheckout && bernoulli(rng, archetype.complaintRate);
		if (complained) {
			const at = ms + uniform(rng, 0.2, 3) * DAY;
			if (at < end) steps.push({ ms: at, eventType: 'complaint', channel: contactChannel });
		}
		sessions.push({ ms, steps });
		if (bernoulli(rng, 0.35)) {
			const at = during(rng, ms + uniform(rng, 1, 48) * HOUR, 'web');
			const score = Math.round(clamp(normal(rng, archetype.csatMean + 0.5 * sentiment - (complained ? 0.8 : 0), 0.8), 1, 5));
			if (at < end) surveys.push({ ms: at, row: { customerId: id, timestamp: '', kind: 'csat', score, step: 'contact_customer_service', comment: comment(rng, score <= 2 ? 'low' : score === 3 ? 'mid' : 'high') } });
		}
		return complained;
	};

	const failedSession = (ms: number, channel: Channel) => {
		const depth = weightedIndex(rng, failDepth) + 1;
		let at = ms;
		const steps: { ms: number; eventType: EventType; channel: Channel }[] = [];
		for (let s = 0; s < depth; s++) {
			if (s > 0) at += uniform(rng, 0.5, 12) * MINUTE;
			steps.push({ ms: at, eventType: JOURNEY_STEPS[s]!, channel });
		}
		if (ms >= start && at < end) sessions.push({ ms, steps });
		if (depth === 3 && bernoulli(rng, archetype.checkoutQuestionRate)) serviceContact(at + uniform(rng, 0.1, 24) * HOUR, channel, true);
	};

	let day = acquired;
	for (;;) {
		const channel = weightedChoice(rng, channels);
		const ms = timeOfDay(rng, day, channel);
		const category = weightedChoice(rng, categories);
		const product = PRODUCTS[category][weightedIndex(rng, productWeights(archetype.pricePreference)[category])]!;
		const quantity = product.price > 250 ? 1 : 1 + poisson(rng, archetype.extraItems);
		const promotion = bernoulli(rng, archetype.promotionShare);
		const discount = promotion ? uniform(rng, archetype.discount[0], archetype.discount[1]) : 0;
		const amount = round2(product.price * (1 - discount) * quantity);
		const cost = product.price * (1 - CATEGORY_MARGIN[category]) * quantity * lognormal(rng, 1, 0.05);
		transactions.push({ ms, row: { customerId: id, timestamp: '', channel, product: product.name, category, quantity, amount, margin: round2(amount - cost), promotion } });

		if (channel === 'web' || channel === 'app') {
			const checkout = ms - uniform(rng, 1, 6) * MINUTE;
			const cart = checkout - uniform(rng, 1, 20) * MINUTE;
			const visit = cart - uniform(rng, 0.5, 15) * MINUTE;
			if (visit >= start)
				sessions.push({
					ms: visit,
					steps: [
						{ ms: visit, eventType: 'visit_product_page', channel },
						{ ms: cart, eventType: 'add_to_cart', channel },
						{ ms: checkout, eventType: 'checkout_started', channel },
						{ ms, eventType: 'purchase', channel }
					]
				});
			const failures = Math.min(geometric(rng, conversion), 12);
			for (let f = 0; f < failures; f++) failedSession(during(rng, ms - uniform(rng, 1, 21 * 24) * HOUR, channel), channel);
			if (bernoulli(rng, 0.07)) {
				const at = during(rng, ms + uniform(rng, 0.5, 48) * HOUR, 'web');
				const score = Math.round(clamp(normal(rng, archetype.cesMean + 0.5 * sentiment, 1), 1, 7));
				if (at < end) surveys.push({ ms: at, row: { customerId: id, timestamp: '', kind: 'ces', score, step: 'checkout_started', comment: comment(rng, score <= 3 ? 'low' : score <= 5 ? 'mid' : 'high') } });
			}
		}

		let complained = false;
		const contacts = poisson(rng, archetype.serviceContactRate);
		for (let c = 0; c < contacts; c++) {
			if (serviceContact(ms + HOUR + exponential(rng, 4 * DAY), channel, false)) complained = true;
		}
		if (bernoulli(rng, archetype.npsResponseRate)) {
			const at = during(rng, ms + uniform(rng, 2, 10) * DAY, 'web');
			const score = Math.round(clamp(normal(rng, archetype.npsMean + sentiment - (complained ? 2.5 : 0), 1.3), 0, 10));
			if (at < end) surveys.push({ ms: at, row: { customerId: id, timestamp: '', kind: 'nps', score, step: 'purchase', comment: comment(rng, score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high') } });
		}

		if (bernoulli(rng, archetype.dropoutAfterPurchase + (complained ? archetype.complaintChurn : 0))) {
			// Inactive from now on; some come back once or twice online and give up.
			if (bernoulli(rng, archetype.lostSessionRate * onlineShare)) {
				const tries = integer(rng, 1, 2);
				const appShare = (channels.app ?? 0) / ((channels.app ?? 0) + (channels.web ?? 0));
				for (let t = 0; t < tries; t++) {
					const channel = rng() < appShare ? 'app' : 'web';
					failedSession(during(rng, ms + uniform(rng, 10, 90) * DAY, channel), channel);
				}
			}
			break;
		}
		// Next purchase: a Poisson process thinned by the season.
		let next = day;
		do next += exponential(rng, 1 / (ratePerMs * MAX_SEASON));
		while (next < end && rng() > season(next) / MAX_SEASON);
		if (next >= end) break;
		day = next;
	}

	// Stated category spend (a panel survey) for part of the customers: their top categories.
	const categorySpend: CategorySpendRow[] = [];
	if (bernoulli(rng, 0.25 + 0.2 * Number(optIn))) {
		const periodStart = addMonths(end, -12);
		const top = (Object.entries(categories) as [Category, number][]).sort((a, b) => b[1] - a[1]).slice(0, 3);
		for (const [category] of top) {
			let ours = 0;
			for (const t of transactions) if (t.row.category === category && t.ms >= periodStart) ours += t.row.amount;
			const share = clamp(normal(rng, archetype.shareOfWallet, 0.08), 0.02, 0.9);
			const budget = category === 'speelgoed' && children === 0 ? 40 : CATEGORY_BUDGET[category];
			const total = ours > 0 ? ours / share : budget * INCOME_FACTOR[incomeBand] * lognormal(rng, 1, 0.4);
			categorySpend.push({
				customerId: id,
				category,
				periodStart: isoDate(periodStart),
				periodEnd: isoDate(end - DAY),
				amount: round2(ours),
				categoryTotal: Math.max(Math.ceil(ours), Math.round(total / 10) * 10)
			});
		}
	}

	transactions.sort((a, b) => a.ms - b.ms);
	sessions.sort((a, b) => a.ms - b.ms);
	surveys.sort((a, b) => a.ms - b.ms);
	const customer: CustomerRow = {
		customerId: id,
		name,
		email,
		gender,
		birthDate: missingBirthDate ? null : birthDate,
		postcode,
		city,
		optIn,
		interests: missingInterests ? [] : [...interests],
		incomeBand: missingIncome ? null : incomeBand,
		householdSize: missingHousehold ? null : householdSize,
		children: missingHousehold ? null : children,
		loyaltyMember,
		acquisitionDate: isoDate(transactions[0]!.ms),
		acquisitionChannel,
		acquisitionCost
	};
	return { archetype: archetype.id, customer, transactions, sessions, surveys, categorySpend };
}

function* customerRecords(window: Window, index: number, counters: Counters): Generator<DemoRecord> {
	const sim = simulateCustomer(window, index);
	yield { kind: 'customer', row: sim.customer, archetype: sim.archetype };
	for (const t of sim.transactions) {
		yield { kind: 'transaction', row: { transactionId: counters.nextTransaction(), ...t.row, timestamp: new Date(t.ms).toISOString() } };
	}
	// Events sorted by time; a session keeps its id across its steps.
	const events: Timed<EventRow>[] = [];
	for (const session of sim.sessions) {
		const sessionId = counters.nextSession();
		for (const step of session.steps) events.push({ ms: step.ms, row: { customerId: sim.customer.customerId, sessionId, timestamp: '', eventType: step.eventType, channel: step.channel } });
	}
	events.sort((a, b) => a.ms - b.ms);
	for (const e of events) yield { kind: 'event', row: { ...e.row, timestamp: new Date(Math.round(e.ms)).toISOString() } };
	for (const s of sim.surveys) yield { kind: 'survey', row: { ...s.row, timestamp: new Date(Math.round(s.ms)).toISOString() } };
	for (const row of sim.categorySpend) yield { kind: 'categorySpend', row };
}

export function generateDemoData(options: DemoDataOptions): DemoData {
	const { customers, seed } = options;
	const months = options.months ?? 24;
	if (!Number.isInteger(customers) || customers < 0) throw new RangeError('customers must be a whole number ≥ 0');
	if (!Number.isInteger(seed)) throw new RangeError('seed must be a whole number');
	if (!Number.isInteger(months) || months < 1 || months > 240) throw new RangeError('months must be a whole number from 1 to 240');
	const start = options.start === undefined ? addMonths(parseDay(DEFAULT_END), -months) : parseDay(options.start);
	const window: Window = { seed, start, end: addMonths(start, months) };

	function* records(): Generator<DemoRecord> {
		const counters = new Counters();
		for (let i = 0; i < customers; i++) yield* customerRecords(window, i, counters);
	}
	return {
		customers,
		seed,
		start: new Date(window.start).toISOString(),
		end: new Date(window.end).toISOString(),
		records,
		*customerRows() {
			for (const r of records()) if (r.kind === 'customer') yield r.row;
		},
		*transactions() {
			for (const r of records()) if (r.kind === 'transaction') yield r.row;
		},
		*events() {
			for (const r of records()) if (r.kind === 'event') yield r.row;
		},
		*surveys() {
			for (const r of records()) if (r.kind === 'survey') yield r.row;
		},
		*categorySpend() {
			for (const r of records()) if (r.kind === 'categorySpend') yield r.row;
		}
	};
}
