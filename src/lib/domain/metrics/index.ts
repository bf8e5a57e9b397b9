import type { SharedBinding } from '../board/journey';

/**
 * The figures of a measured journey step as the API sends them and the canvas shows them: one
 * definition for the server that computes them and the browser that draws them.
 */

/**
 * The customer-value estimates a figure may rest on, in the order they are trusted: BG/NBD +
 * Gamma-Gamma when their fits are usable, else the pooled formula KW = (T × A × P) − K.
 */
export const TRUSTED_CLV_MODELS = ['bgnbd', 'formula'] as const;
export type TrustedClvModel = (typeof TRUSTED_CLV_MODELS)[number];

/** A survey figure with its number of answers; `lowN` when too few to read much into. */
export interface RespondentFigure {
	value: number | null;
	n: number;
	lowN: boolean;
}

/** What customers said near a step: survey comments tagged with it (no one named), and who complained. */
export interface StepVoices {
	comments: { kind: 'nps' | 'csat' | 'ces'; score: number; comment: string; at: number }[];
	/** Customers who complained or contacted service within the conversion window after reaching the step. */
	complainants: number;
}

export interface StepFigures {
	cardId: string;
	/** Position among the measured stages (0 = first). */
	stage: number;
	eventTypes: string[];
	reached: number;
	/** Null at the last stage. */
	converted: number | null;
	conversion: number | null;
	dropOff: number | null;
	dropOffCount: number | null;
	medianHoursToNext: number | null;
	clvMean: number | null;
	valueAtRisk: number | null;
	revenueMean: number | null;
	csat: RespondentFigure;
	ces: RespondentFigure;
	nps: RespondentFigure;
	channelSwitches: { from: string; to: string; customers: number }[];
	byChannel: { channel: string; reached: number; converted: number; conversion: number | null }[];
	voices: StepVoices;
	/**
	 * Event types of this step that other steps are bound to as well: one event moves a customer
	 * one stage only, so they change what the later step (or the second alternative) counts.
	 */
	sharedBindings: SharedBinding[];
}

export interface StageFigures {
	stage: number;
	stageId: string;
	reached: number;
	/** Had an event of the stage without reaching the stage before (entered mid-journey). */
	skipped: number;
}
export * from './people';
