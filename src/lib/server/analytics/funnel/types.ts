/**
 * Shapes of the journey funnel: the columnar event log it reads, the bound steps of a board and the
 * figures per step. Times are epoch milliseconds; durations in the results are hours; money is in
 * the data's currency (whatever `clv` and `revenue` are in).
 */

/** Events as parallel columns, so five million of them cost five million array slots, not objects. Rows in any order. */
export interface EventLog {
	/** Dense customer index 0…customerCount−1. */
	customer: Int32Array;
	/** Epoch ms. */
	at: Float64Array;
	/** Event type code: an index into eventTypes. */
	type: Int32Array;
	/** Channel code: an index into channels; −1 = unknown. */
	channel: Int32Array;
	eventTypes: string[];
	channels: string[];
	customerCount: number;
}

/** One bound card of a board. `stage` is the stage's position; steps sharing a stage are alternatives. */
export interface FunnelStep {
	id: string;
	stage: number;
	eventTypes: string[];
}

export interface FunnelOptions {
	/** Only events with from ≤ at ≤ to count (epoch ms, both ends inclusive). */
	from?: number;
	to?: number;
	/**
	 * Conversion window: a customer reaches the next stage only within this many ms of reaching
	 * the previous one; a later event of it no longer counts (they dropped off). Absent = no limit.
	 */
	maxGapMs?: number;
	/** Per customer: 1 = in the cut (customer group, persona); absent = everyone. */
	include?: Uint8Array;
	/** Per customer lifetime value, for clvMean and valueAtRisk. NaN = unknown (left out of both). */
	clv?: Float64Array;
	/**
	 * Channel cut: only customers who reached the first stage through this channel code (−1 =
	 * unknown). Channel belongs to events, not customers, so the entry channel is what "customers
	 * of a channel" can mean without cutting journeys that cross channels. Customers who never
	 * reached the first stage have no entry channel and drop out of the figures (also of skipped);
	 * customersInCut still counts the include cut.
	 */
	entryChannel?: number;
	/** Per customer revenue, for revenueMean (NaN = unknown, left out); whatIfValues turns it into value per final conversion. */
	revenue?: Float64Array;
}

export interface ChannelSwitch {
	from: string;
	to: string;
	/** Channel codes (−1 = unknown), as names can collide with the label used for unknown. */
	fromCode: number;
	toCode: number;
	customers: number;
}

export interface ChannelFigures {
	channel: string;
	/** −1 = unknown. */
	channelCode: number;
	reached: number;
	converted: number;
	conversion: number | null;
}

export interface StepMetrics {
	stepId: string;
	/** The stage position as given on the board. */
	stage: number;
	/** Position of the stage in the funnel (0 = first stage with bound steps). */
	stageIndex: number;
	eventTypes: string[];
	isLastStage: boolean;
	/** Customers credited to this step (see the ordering rule in index.ts). */
	reached: number;
	/** Of those, the customers who reached the next stage afterwards; 0 for the last stage (see conversion). */
	converted: number;
	/** converted / reached, 0…1; null for the last stage or when reached = 0. */
	conversion: number | null;
	/** 1 − conversion; null where conversion is null. */
	dropOff: number | null;
	/** reached − converted; null for the last stage. */
	dropOffCount: number | null;
	/** Median over converters of the hours from reaching this stage to reaching the next; null without converters. */
	medianHoursToNext: number | null;
	/** Mean CLV of the customers who reached the step (over those with a known CLV); null without clv or customers. */
	clvMean: number | null;
	/** Customers behind clvMean (reached customers with a known CLV). */
	clvN: number;
	/** Mean revenue of the customers who reached the step (over those with known revenue); null without revenue or customers. */
	revenueMean: number | null;
	revenueN: number;
	/** Summed CLV of the customers who dropped off here; null for the last stage or without clv. */
	valueAtRisk: number | null;
	/**
	 * Channel of the qualifying event here → channel of the qualifying event at the next stage, among
	 * converters; staying on the same channel is listed too (from = to), so the rows sum to converted.
	 * Most customers first.
	 */
	channelSwitches: ChannelSwitch[];
	/** Per channel of the qualifying event at this step; channels nobody reached the step through are left out. */
	byChannel: ChannelFigures[];
}

export interface StageMetrics {
	/** Stage position on the board. */
	stage: number;
	stageIndex: number;
	stepIds: string[];
	reached: number;
	/** Reached the next stage; 0 for the last stage. */
	converted: number;
	conversion: number | null;
	/** Customers with an in-window event of this stage who never reached the stage before ("entered mid-journey"). */
	skipped: number;
}

export interface FunnelResult {
	/** In funnel order: by stage, then the order the steps were given in. */
	steps: StepMetrics[];
	/** Customers per funnel stage (index = stageIndex). */
	stageReached: number[];
	/** Customers per funnel stage who had an event of the stage without reaching the stage before it. */
	stageSkipped: number[];
	stages: StageMetrics[];
	/** Customers in the cut (all customers without include), whether or not they had events. */
	customersInCut: number;
}
