import type { BgnbdFit } from '../analytics/bgnbd';
import type { GammaGammaFit } from '../analytics/gamma-gamma';
import type { Judged } from '../analytics/judged-fits';

/** What a value-fits worker is sent: each customer's x, t_x, T and mean spend, as columns. */
export interface ValueFitsRequest {
	x: Float64Array<ArrayBuffer>;
	tx: Float64Array<ArrayBuffer>;
	T: Float64Array<ArrayBuffer>;
	monetaryValue: Float64Array<ArrayBuffer>;
}

export interface ValueFits {
	bgnbd: Judged<BgnbdFit>;
	gammaGamma: Judged<GammaGammaFit>;
}

export type ValueFitsAnswer = { type: 'done'; fits: ValueFits } | { type: 'failed'; name: string; message: string; stack?: string };

/** The customers as the fits read them, from the columns. */
export function profilesOf(request: ValueFitsRequest): { x: number; tx: number; T: number; monetaryValue: number }[] {
	return Array.from(request.x, (x, i) => ({ x, tx: request.tx[i]!, T: request.T[i]!, monetaryValue: request.monetaryValue[i]! }));
}
