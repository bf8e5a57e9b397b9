import type { BgnbdFit } from '../analytics/bgnbd';
import type { GammaGammaFit } from '../analytics/gamma-gamma';
import type { Judged } from '../analytics/judged-fits';
import type { RatePrior } from '../analytics/pooling';
import type { WorkerFailure } from '../workers/one-answer';

/**
 * What a value-fits worker is sent, as columns: each customer's x, t_x, T and mean spend for
 * BG/NBD and Gamma-Gamma, or each one's repeat purchases and exposure for the formula's rate prior.
 */
export type ValueFitsRequest =
	| { kind: 'models'; x: Float64Array<ArrayBuffer>; tx: Float64Array<ArrayBuffer>; T: Float64Array<ArrayBuffer>; monetaryValue: Float64Array<ArrayBuffer> }
	| { kind: 'rate-prior'; x: Float64Array<ArrayBuffer>; t: Float64Array<ArrayBuffer> };

export interface ModelFits {
	bgnbd: Judged<BgnbdFit>;
	gammaGamma: Judged<GammaGammaFit>;
}

export type ValueFitsResult = { kind: 'models'; fits: ModelFits } | { kind: 'rate-prior'; prior: RatePrior };

export type ValueFitsAnswer = { type: 'done'; result: ValueFitsResult } | WorkerFailure;

/** The customers as the model fits read them, from the columns. */
export const modelProfilesOf = (request: Extract<ValueFitsRequest, { kind: 'models' }>) =>
	Array.from(request.x, (x, i) => ({ x, tx: request.tx[i]!, T: request.T[i]!, monetaryValue: request.monetaryValue[i]! }));

/** The histories the rate prior is fitted to, from the columns. */
export const rateHistoriesOf = (request: Extract<ValueFitsRequest, { kind: 'rate-prior' }>) => Array.from(request.x, (x, i) => ({ x, t: request.t[i]! }));
