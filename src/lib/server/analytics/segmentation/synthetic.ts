/**
 * Seeded data with known structure, for the tests and `npm run bench:personas`: if the engine
 * cannot find clusters we planted, it will not find them in a customer base either.
 */
import { createRandom } from './random';

export interface PlantedBlobs {
	readonly rows: number;
	readonly cols: number;
	/** rows × cols, row-major. */
	readonly values: Float64Array;
	/** The planted cluster of each row. */
	readonly labels: Int32Array;
}

export interface PlantedBlobsOptions {
	readonly clusters: number;
	readonly rows: number;
	readonly cols: number;
	readonly seed: number;
	/** Minimum distance between blob centres, in units of the blobs' (unit) SD. Default 10. */
	readonly separation?: number;
	/** Relative blob sizes; default equal. */
	readonly weights?: readonly number[];
}

/** Gaussian blobs with unit SD around centres at least `separation` apart. */
export function plantedBlobs(options: PlantedBlobsOptions): PlantedBlobs {
	const { clusters, rows, cols, seed } = options;
	const separation = options.separation ?? 10;
	const random = createRandom(seed);
	const centres: number[][] = [];
	while (centres.length < clusters) {
		const candidate = Array.from({ length: cols }, () => random.normal() * separation);
		const farEnough = centres.every(
			(centre) => Math.hypot(...centre.map((v, j) => v - candidate[j]!)) >= separation
		);
		if (farEnough) centres.push(candidate);
	}
	const weights = options.weights ?? centres.map(() => 1);
	const total = weights.reduce((s, w) => s + w, 0);
	const values = new Float64Array(rows * cols);
	const labels = new Int32Array(rows);
	for (let i = 0; i < rows; i++) {
		let draw = random.next() * total;
		let c = 0;
		while (c < clusters - 1 && draw >= weights[c]!) draw -= weights[c++]!;
		labels[i] = c;
		for (let j = 0; j < cols; j++) values[i * cols + j] = centres[c]![j]! + random.normal();
	}
	return { rows, cols, values, labels };
}

/** A persona we plant: typical values per feature (log-normal money, shares, scores…). */
interface PlantedPersona {
	readonly weight: number;
	readonly clv: number;
	readonly monetary: number;
	readonly frequency: number;
	readonly recencyDays: number;
	readonly app: number;
	readonly webshop: number;
	readonly nps: number;
	readonly tenureDays: number;
	readonly householdSize: number;
	readonly loyaltyMember: number;
	readonly furthestStep: number;
	readonly csat: number;
	readonly topCategory: readonly string[];
}

const PERSONAS: readonly PlantedPersona[] = [
	// Loyal big spenders, mostly in the store.
	{ weight: 0.2, clv: 3000, monetary: 2500, frequency: 24, recencyDays: 10, app: 0.1, webshop: 0.2, nps: 9, tenureDays: 2500, householdSize: 3, loyaltyMember: 0.9, furthestStep: 6, csat: 4.5, topCategory: ['Tuin', 'Elektronica'] },
	// Frequent small app buyers.
	{ weight: 0.35, clv: 600, monetary: 400, frequency: 18, recencyDays: 7, app: 0.75, webshop: 0.15, nps: 7, tenureDays: 700, householdSize: 1.5, loyaltyMember: 0.5, furthestStep: 5, csat: 4, topCategory: ['Games', 'Muziek'] },
	// Lapsed one-off webshop buyers.
	{ weight: 0.3, clv: 60, monetary: 80, frequency: 1.5, recencyDays: 400, app: 0.05, webshop: 0.85, nps: 4, tenureDays: 900, householdSize: 2, loyaltyMember: 0.05, furthestStep: 2, csat: 2.5, topCategory: ['Boeken', 'Films'] },
	// New family customers across channels.
	{ weight: 0.15, clv: 900, monetary: 300, frequency: 4, recencyDays: 30, app: 0.35, webshop: 0.35, nps: 8, tenureDays: 60, householdSize: 4.5, loyaltyMember: 0.3, furthestStep: 4, csat: 4, topCategory: ['Speelgoed', 'Boeken'] }
];

export interface PlantedCustomers {
	readonly customerCount: number;
	readonly columns: Record<string, Float64Array | (string | null)[]>;
	readonly revenue: Float64Array;
	readonly personas: Int32Array;
}

/** The planted customers' numeric features (catalogue ids), in column order. */
export const PLANTED_NUMERIC_FEATURES = [
	'customerLifetimeValue',
	'monetaryValue',
	'margin',
	'recencyDays',
	'frequency',
	'interPurchaseDays',
	'channelShareWebshop',
	'channelShareApp',
	'channelShareStore',
	'nps',
	'tenureDays',
	'householdSize',
	'furthestJourneyStep',
	'csat'
] as const;

/**
 * Customers from four planted personas, with the catalogue feature ids as column names:
 * 14 numeric features plus the categorical topCategory and loyaltyMember. Money and counts are
 * log-normal around the persona's typical value (spread ±35%), shares noisy and clamped to 0…1;
 * `missingShare` of the nps values is missing, as survey answers are.
 */
export function plantedCustomers(customerCount: number, seed: number, missingShare = 0.1): PlantedCustomers {
	const random = createRandom(seed);
	const numericIds = PLANTED_NUMERIC_FEATURES;
	const numeric = Object.fromEntries(numericIds.map((id) => [id, new Float64Array(customerCount)]));
	const topCategory: (string | null)[] = new Array(customerCount);
	const loyaltyMember: (string | null)[] = new Array(customerCount);
	const revenue = new Float64Array(customerCount);
	const personas = new Int32Array(customerCount);
	const around = (typical: number) => typical * Math.exp(0.3 * random.normal());
	const share = (typical: number) => Math.min(1, Math.max(0, typical + 0.06 * random.normal()));
	for (let i = 0; i < customerCount; i++) {
		let draw = random.next();
		let c = 0;
		while (c < PERSONAS.length - 1 && draw >= PERSONAS[c]!.weight) draw -= PERSONAS[c++]!.weight;
		const persona = PERSONAS[c]!;
		personas[i] = c;
		const monetary = around(persona.monetary);
		const frequency = Math.max(1, Math.round(around(persona.frequency)));
		const app = share(persona.app);
		const webshop = Math.min(1 - app, share(persona.webshop));
		numeric.customerLifetimeValue![i] = around(persona.clv);
		numeric.monetaryValue![i] = monetary;
		numeric.margin![i] = monetary * (0.2 + 0.05 * random.normal());
		numeric.recencyDays![i] = around(persona.recencyDays);
		numeric.frequency![i] = frequency;
		numeric.interPurchaseDays![i] = around(365 / persona.frequency);
		numeric.channelShareWebshop![i] = webshop;
		numeric.channelShareApp![i] = app;
		numeric.channelShareStore![i] = 1 - app - webshop;
		numeric.nps![i] =
			random.next() < missingShare ? Number.NaN : Math.min(10, Math.max(0, Math.round(persona.nps + random.normal())));
		numeric.tenureDays![i] = around(persona.tenureDays);
		numeric.householdSize![i] = Math.max(1, Math.round(persona.householdSize + 0.7 * random.normal()));
		numeric.furthestJourneyStep![i] = Math.min(7, Math.max(1, Math.round(persona.furthestStep + random.normal())));
		numeric.csat![i] =
			random.next() < missingShare ? Number.NaN : Math.min(5, Math.max(1, Math.round(persona.csat + 0.6 * random.normal())));
		topCategory[i] = persona.topCategory[random.next() < 0.8 ? 0 : 1]!;
		loyaltyMember[i] = random.next() < persona.loyaltyMember ? 'yes' : 'no';
		revenue[i] = monetary;
	}
	return { customerCount, columns: { ...numeric, topCategory, loyaltyMember }, revenue, personas };
}
