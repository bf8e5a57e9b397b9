/**
 * The hidden customer archetypes behind the demo data. They are never written to the customer
 * file (except in the optional answer key): the point of the demo is that customer groups and
 * personas can be found back from behaviour, so the archetypes differ on purpose in frequency,
 * value, channel, satisfaction, service need and churn.
 *
 * Units: rates per month, amounts in euros (VAT included), probabilities in [0, 1],
 * NPS 0–10, CSAT 1–5 (5 = very satisfied), CES 1–7 (7 = very easy).
 */
import type { Category, DropOffCause, Interest } from './dutch';

export const CHANNELS = ['web', 'app', 'shop', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACQUISITION_CHANNELS = ['search', 'social', 'affiliate', 'email', 'referral', 'store', 'tv'] as const;
export type AcquisitionChannel = (typeof ACQUISITION_CHANNELS)[number];

/** Typical cost to acquire one customer, per channel (euros); each customer varies around it. */
export const ACQUISITION_COST: Record<AcquisitionChannel, number> = {
	search: 28,
	social: 22,
	affiliate: 32,
	email: 9,
	referral: 12,
	store: 6,
	tv: 45
};

export const INCOME_BANDS = ['low', 'middle', 'high'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

export const ARCHETYPE_IDS = ['loyalApp', 'bargainHunter', 'bigTicket', 'serviceHeavy', 'oneTime', 'youngMobile'] as const;
export type ArchetypeId = (typeof ARCHETYPE_IDS)[number];

type Weights<K extends string> = Partial<Record<K, number>>;

export interface Archetype {
	id: ArchetypeId;
	label: string;
	/** Share of all customers. */
	share: number;
	/** Mean purchase rate while active (per month); customers vary around it by Gamma(rateShape). */
	purchasesPerMonth: number;
	rateShape: number;
	/** BG/NBD-style: after each purchase the customer becomes inactive with this probability… */
	dropoutAfterPurchase: number;
	/** …plus this much if a complaint followed that purchase. */
	complaintChurn: number;
	/** Items per order = 1 + Poisson(extraItems). */
	extraItems: number;
	/** Product choice weight ∝ price^pricePreference: < 0 cheap, > 0 expensive. */
	pricePreference: number;
	/** Share of orders bought on promotion, and the discount range then. */
	promotionShare: number;
	discount: [min: number, max: number];
	channels: Weights<Channel>;
	categories: Weights<Category>;
	/** Continuation per online session: product page → cart, cart → checkout, checkout → purchase. */
	funnel: [toCart: number, toCheckout: number, toPurchase: number];
	/** Customer-service contacts per purchase, complaints per contact, and contacts per abandoned checkout. */
	serviceContactRate: number;
	complaintRate: number;
	checkoutQuestionRate: number;
	/** What goes wrong for this group, used for survey comments. */
	dropOffCauses: Weights<DropOffCause>;
	npsMean: number;
	csatMean: number;
	cesMean: number;
	/** Chance of answering an NPS survey after a purchase. */
	npsResponseRate: number;
	/** Chance of a few failed sessions after the last purchase (tried again, gave up). */
	lostSessionRate: number;
	acquisition: Weights<AcquisitionChannel>;
	optIn: number;
	loyaltyMember: number;
	femaleShare: number;
	age: [min: number, max: number];
	/** Weights for household sizes 1…5. */
	householdSize: [number, number, number, number, number];
	incomeBand: Weights<IncomeBand>;
	interests: Weights<Interest>;
	/** Typical share of the customer's category spend that goes to this retailer. */
	shareOfWallet: number;
}

export const ARCHETYPES: readonly Archetype[] = [
	{
		id: 'loyalApp',
		label: 'Loyal app regulars',
		share: 0.14,
		purchasesPerMonth: 2.5,
		rateShape: 3,
		dropoutAfterPurchase: 0.015,
		complaintChurn: 0.05,
		extraItems: 0.6,
		pricePreference: -0.4,
		promotionShare: 0.15,
		discount: [0.1, 0.25],
		channels: { app: 0.68, web: 0.18, shop: 0.1, phone: 0.04 },
		categories: { kleding: 3, verzorging: 3, sport: 2, schoenen: 2, wonen: 1.5, speelgoed: 1.5, elektronica: 1 },
		funnel: [0.6, 0.88, 0.94],
		serviceContactRate: 0.05,
		complaintRate: 0.1,
		checkoutQuestionRate: 0.05,
		dropOffCauses: { unclarity: 1, noAnswer: 1, poorReachability: 1, explainAgain: 1 },
		npsMean: 8.8,
		csatMean: 4.4,
		cesMean: 6.2,
		npsResponseRate: 0.12,
		lostSessionRate: 0.3,
		acquisition: { referral: 0.35, store: 0.2, search: 0.2, email: 0.15, social: 0.1 },
		optIn: 0.88,
		loyaltyMember: 0.85,
		femaleShare: 0.62,
		age: [30, 52],
		householdSize: [0.1, 0.25, 0.25, 0.3, 0.1],
		incomeBand: { low: 0.15, middle: 0.55, high: 0.3 },
		interests: { mode: 3, beauty: 2, koken: 2, kinderen: 2, fitness: 1.5, reizen: 1, interieur: 1 },
		shareOfWallet: 0.55
	},
	{
		id: 'bargainHunter',
		label: 'Bargain hunters',
		share: 0.2,
		purchasesPerMonth: 1.4,
		rateShape: 1.5,
		dropoutAfterPurchase: 0.05,
		complaintChurn: 0.1,
		extraItems: 0.9,
		pricePreference: -0.9,
		promotionShare: 0.65,
		discount: [0.2, 0.45],
		channels: { web: 0.72, app: 0.22, shop: 0.04, phone: 0.02 },
		categories: { kleding: 3, verzorging: 2, schoenen: 2, speelgoed: 1.5, elektronica: 1.5, sport: 1, wonen: 1 },
		funnel: [0.32, 0.62, 0.78],
		serviceContactRate: 0.12,
		complaintRate: 0.2,
		checkoutQuestionRate: 0.1,
		dropOffCauses: { unclarity: 3, noAnswer: 1, poorReachability: 1, explainAgain: 0.5 },
		npsMean: 6.8,
		csatMean: 3.6,
		cesMean: 4.6,
		npsResponseRate: 0.1,
		lostSessionRate: 0.5,
		acquisition: { affiliate: 0.4, search: 0.25, email: 0.2, social: 0.15 },
		optIn: 0.75,
		loyaltyMember: 0.3,
		femaleShare: 0.55,
		age: [22, 65],
		householdSize: [0.25, 0.3, 0.2, 0.18, 0.07],
		incomeBand: { low: 0.45, middle: 0.45, high: 0.1 },
		interests: { aanbiedingen: 4, mode: 2, gamen: 1, koken: 1, kinderen: 1, beauty: 1 },
		shareOfWallet: 0.15
	},
	{
		id: 'bigTicket',
		label: 'Big-ticket occasional buyers',
		share: 0.1,
		purchasesPerMonth: 0.35,
		rateShape: 2,
		dropoutAfterPurchase: 0.05,
		complaintChurn: 0.15,
		extraItems: 0.1,
		pricePreference: 1.3,
		promotionShare: 0.1,
		discount: [0.05, 0.15],
		channels: { shop: 0.42, web: 0.45, phone: 0.08, app: 0.05 },
		categories: { elektronica: 4, wonen: 4, sport: 1.5, schoenen: 1, kleding: 0.5 },
		funnel: [0.45, 0.7, 0.9],
		serviceContactRate: 0.18,
		complaintRate: 0.1,
		checkoutQuestionRate: 0.15,
		dropOffCauses: { unclarity: 2, poorReachability: 1, noAnswer: 1, explainAgain: 1 },
		npsMean: 8.0,
		csatMean: 4.2,
		cesMean: 5.6,
		npsResponseRate: 0.2,
		lostSessionRate: 0.2,
		acquisition: { search: 0.35, store: 0.3, tv: 0.2, referral: 0.15 },
		optIn: 0.55,
		loyaltyMember: 0.35,
		femaleShare: 0.42,
		age: [38, 68],
		householdSize: [0.1, 0.4, 0.2, 0.22, 0.08],
		incomeBand: { low: 0.05, middle: 0.35, high: 0.6 },
		interests: { technologie: 3, interieur: 3, koken: 1.5, reizen: 1.5, fietsen: 1, tuinieren: 1 },
		shareOfWallet: 0.35
	},
	{
		id: 'serviceHeavy',
		label: 'Service-heavy customers',
		share: 0.12,
		purchasesPerMonth: 1.0,
		rateShape: 2,
		dropoutAfterPurchase: 0.08,
		complaintChurn: 0.2,
		extraItems: 0.4,
		pricePreference: 0.2,
		promotionShare: 0.2,
		discount: [0.1, 0.3],
		channels: { web: 0.5, phone: 0.3, shop: 0.12, app: 0.08 },
		categories: { wonen: 2, elektronica: 2, kleding: 2, verzorging: 1.5, schoenen: 1, speelgoed: 1 },
		funnel: [0.42, 0.66, 0.72],
		serviceContactRate: 0.75,
		complaintRate: 0.35,
		checkoutQuestionRate: 0.5,
		dropOffCauses: { explainAgain: 3.5, noAnswer: 3, poorReachability: 2.5, unclarity: 1 },
		npsMean: 4.6,
		csatMean: 2.6,
		cesMean: 3.2,
		npsResponseRate: 0.18,
		lostSessionRate: 0.4,
		acquisition: { search: 0.4, social: 0.2, tv: 0.2, email: 0.1, affiliate: 0.1 },
		optIn: 0.5,
		loyaltyMember: 0.2,
		femaleShare: 0.5,
		age: [45, 80],
		householdSize: [0.4, 0.42, 0.08, 0.07, 0.03],
		incomeBand: { low: 0.35, middle: 0.5, high: 0.15 },
		interests: { tuinieren: 2, lezen: 2, wandelen: 2, koken: 1.5, reizen: 1 },
		shareOfWallet: 0.25
	},
	{
		id: 'oneTime',
		label: 'One-time buyers',
		share: 0.26,
		purchasesPerMonth: 0.4,
		rateShape: 1,
		dropoutAfterPurchase: 0.93,
		complaintChurn: 0,
		extraItems: 0.3,
		pricePreference: -0.3,
		promotionShare: 0.35,
		discount: [0.15, 0.35],
		channels: { web: 0.8, app: 0.1, shop: 0.07, phone: 0.03 },
		categories: { kleding: 1, schoenen: 1, sport: 1, wonen: 1, elektronica: 1, verzorging: 1, speelgoed: 1 },
		funnel: [0.28, 0.55, 0.7],
		serviceContactRate: 0.15,
		complaintRate: 0.25,
		checkoutQuestionRate: 0.2,
		dropOffCauses: { unclarity: 4.5, poorReachability: 3, noAnswer: 1.5, explainAgain: 1 },
		npsMean: 6.3,
		csatMean: 3.3,
		cesMean: 4.0,
		npsResponseRate: 0.15,
		lostSessionRate: 0.4,
		acquisition: { social: 0.35, affiliate: 0.3, search: 0.3, tv: 0.05 },
		optIn: 0.35,
		loyaltyMember: 0.03,
		femaleShare: 0.5,
		age: [20, 70],
		householdSize: [0.3, 0.3, 0.15, 0.18, 0.07],
		incomeBand: { low: 0.35, middle: 0.45, high: 0.2 },
		interests: { reizen: 1, mode: 1, hardlopen: 1, technologie: 1, muziek: 1, lezen: 1 },
		shareOfWallet: 0.05
	},
	{
		id: 'youngMobile',
		label: 'Young mobile starters',
		share: 0.18,
		purchasesPerMonth: 1.55,
		rateShape: 1.5,
		dropoutAfterPurchase: 0.06,
		complaintChurn: 0.1,
		extraItems: 0.5,
		pricePreference: -0.3,
		promotionShare: 0.35,
		discount: [0.15, 0.3],
		channels: { app: 0.6, web: 0.38, shop: 0.02 },
		categories: { kleding: 4, schoenen: 3, verzorging: 2.5, elektronica: 1.5, sport: 1.5 },
		funnel: [0.5, 0.72, 0.86],
		serviceContactRate: 0.08,
		complaintRate: 0.12,
		checkoutQuestionRate: 0.08,
		dropOffCauses: { unclarity: 2, noAnswer: 2, poorReachability: 1, explainAgain: 0.5 },
		npsMean: 7.8,
		csatMean: 4.0,
		cesMean: 5.6,
		npsResponseRate: 0.08,
		lostSessionRate: 0.35,
		acquisition: { social: 0.6, referral: 0.25, search: 0.15 },
		optIn: 0.8,
		loyaltyMember: 0.45,
		femaleShare: 0.58,
		age: [18, 27],
		householdSize: [0.55, 0.35, 0.07, 0.03, 0],
		incomeBand: { low: 0.6, middle: 0.35, high: 0.05 },
		interests: { mode: 3, gamen: 2, muziek: 2, fitness: 2, duurzaamheid: 1.5, beauty: 1.5, reizen: 1 },
		shareOfWallet: 0.3
	}
];

export const ARCHETYPE_BY_ID: Record<ArchetypeId, Archetype> = Object.fromEntries(
	ARCHETYPES.map((a) => [a.id, a])
) as Record<ArchetypeId, Archetype>;
