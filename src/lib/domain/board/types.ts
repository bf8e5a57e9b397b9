/** The plain, validated view of a board document that the UI renders. */

export const LANE_KINDS = [
	'actions',
	'touchpoints',
	'thoughts',
	'emotion',
	'painpoints',
	'dropoffs',
	'opportunities',
	'backstage',
	'metrics'
] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const CARD_TYPES = [
	'touchpoint',
	'action',
	'thought',
	'painpoint',
	'dropoff',
	'opportunity',
	'note'
] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** Why customers drop off (afhaken), after the domain primer. */
export const DROP_OFF_CATEGORIES = [
	'unclear_information',
	'poor_reachability',
	'no_answer',
	'explain_again',
	'other'
] as const;
export type DropOffCategory = (typeof DROP_OFF_CATEGORIES)[number];

/** The CRM levers an opportunity can pull. */
export const CRM_LEVERS = [
	'cross_sell',
	'deep_sell',
	'up_sell',
	'financial_bonding',
	'social_bonding',
	'structural_bonding',
	'retention',
	'loyalty_programme',
	'personalisation',
	'event_driven',
	'service',
	'self_service'
] as const;
export type CrmLever = (typeof CRM_LEVERS)[number];

/**
 * The levers by what they grow (DOMAIN.md): more from each customer (cross-, deep-, up-selling),
 * a stronger bond at its three levels (financial, social, structural), longer relationships, and
 * the right offer at the right moment. The portfolio groups opportunities by these.
 */
export const LEVER_FAMILIES = {
	selling: ['cross_sell', 'deep_sell', 'up_sell'],
	bonding: ['financial_bonding', 'social_bonding', 'structural_bonding', 'loyalty_programme'],
	retention: ['retention', 'service', 'self_service'],
	timing: ['personalisation', 'event_driven']
} as const satisfies Record<string, readonly CrmLever[]>;
export type LeverFamily = keyof typeof LEVER_FAMILIES;

export const leverFamilyOf = (lever: CrmLever): LeverFamily =>
	(Object.keys(LEVER_FAMILIES) as LeverFamily[]).find((family) => (LEVER_FAMILIES[family] as readonly CrmLever[]).includes(lever))!;

/** Where an opportunity stands; a card without one is an idea. */
export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'doing', 'done'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const CARD_COLORS = ['default', 'yellow', 'green', 'blue', 'pink', 'purple', 'orange', 'grey'] as const;
export type CardColor = (typeof CARD_COLORS)[number];

/** 1 = low … 3 = high, for severity, effort and impact alike. */
export type Level = 1 | 2 | 3;

export const EMOTION_MIN = -2;
export const EMOTION_MAX = 2;

export interface Stage {
	id: string;
	title: string;
	order: string;
	width: number;
}

export interface Lane {
	id: string;
	title: string;
	kind: LaneKind;
	order: string;
	hidden: boolean;
}

export interface Card {
	id: string;
	type: CardType;
	stageId: string;
	laneId: string;
	order: string;
	text: string;
	color: CardColor;
	tags: string[];
	personaIds: string[];
	severity: Level | null;
	dropOffCategory: DropOffCategory | null;
	lever: CrmLever | null;
	effort: Level | null;
	impact: Level | null;
	/** An opportunity's progress; null = not set (an idea). */
	status: OpportunityStatus | null;
	/** The member who carries an opportunity (a user id; they may have left the workspace since). */
	ownerId: string | null;
	/** Event types of the imported events this step stands for (a reference only; no customer data). */
	eventTypes: string[];
	/** An opportunity's value: the what-if it was given (parameters and a snapshot of figures); null without one. */
	estimate: OpportunityEstimate | null;
	/** A drop-off cause card added from the drop-off drivers: the driver and its figures when added; null otherwise. */
	evidence: DriverEvidence | null;
	createdBy: string | null;
}

/** A trait of a step's customers, as the drop-off drivers name it. */
export type DriverTrait =
	| { kind: 'event'; eventType: string; atLeast: 1 | 2 }
	| { kind: 'profile'; field: string; value: string }
	| { kind: 'entry-channel'; channel: string };

/**
 * Why a drop-off cause card was added: a driver of the step's drop-off with its figures when
 * added — an association found in the data, numbers only (broadcast to every client).
 */
export interface DriverEvidence {
	stepCardId: string;
	trait: DriverTrait;
	oddsRatio: number;
	/** 95% interval (Woolf). */
	low: number;
	high: number;
	/** Share of the customers with / without the trait who dropped off, 0–1. */
	dropOffWith: number;
	dropOffWithout: number;
	customersWith: number;
	customersWithout: number;
	/** The insights filters the figures are of. */
	period: { from: string; to: string };
	groupId: string | null;
	personaId: string | null;
	channel: string | null;
	computedAt: string;
	datasetVersion: number;
}

/** What a what-if changes at a measured step. */
export const WHAT_IF_LEVERS = ['drop-off', 'csat'] as const;
export type WhatIfLever = (typeof WHAT_IF_LEVERS)[number];

/** Figures of a what-if as last computed: numbers only, no customer data (they are broadcast to every client). */
export interface EstimateSnapshot {
	extraReachedNext: number;
	extraFinalConversions: number;
	extraRevenue: number;
	extraClv: number;
	/** ISO time the server computed them. */
	computedAt: string;
	datasetVersion: number;
}

/**
 * A what-if attached to an opportunity card: a reference to the measured step and the question
 * asked, so the figures can be recomputed from the server, plus the figures when attached.
 */
export interface OpportunityEstimate {
	stepCardId: string;
	lever: WhatIfLever;
	/** Percentage points: drop-off falls or CSAT rises by this much. */
	points: number;
	horizonDays: number;
	/** The cut of the figures: customer group, persona of a group, entry channel (null = all). */
	groupId: string | null;
	personaId: string | null;
	channel: string | null;
	snapshot: EstimateSnapshot;
}

/** Card types that can stand for a measured journey step. */
export const BINDABLE_CARD_TYPES: readonly CardType[] = ['touchpoint', 'action'];

export interface CardLink {
	id: string;
	fromCardId: string;
	toCardId: string;
}

export interface Persona {
	id: string;
	name: string;
	color: string;
	/**
	 * The persona of a customer group this board persona stands for, when taken from one. Its name
	 * follows the group's persona; `missing` when that persona left the group (archived after a new
	 * derivation, or deleted) — the board keeps its marks, the figures can no longer be cut by it.
	 */
	source: { personaId: string; groupId: string; missing: boolean } | null;
}

export interface BoardSnapshot {
	schemaVersion: number;
	stages: Stage[];
	lanes: Lane[];
	cards: Card[];
	links: CardLink[];
	personas: Persona[];
	/** The customer group the map is about: its figures are for this group unless a viewer picks another. */
	scopeGroupId: string | null;
	/** Emotion score per stage, for the whole board (`personaId` null) or one persona. */
	emotions: Array<{ stageId: string; personaId: string | null; score: number }>;
	/** What was found malformed and left out, so a broken document still renders. */
	problems: string[];
}

export const DEFAULT_STAGE_WIDTH = 280;
export const MIN_STAGE_WIDTH = 160;
export const MAX_STAGE_WIDTH = 800;
