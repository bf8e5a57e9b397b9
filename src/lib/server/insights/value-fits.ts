import { Worker } from 'node:worker_threads';
import { judgedBgnbd, judgedGammaGamma } from '../analytics/judged-fits';
import { fitRatePrior, type RatePrior } from '../analytics/pooling';
import type { CustomerSummary } from '../analytics/summary';
import { builtWorkerFile } from '../workers/locate';
import { askOnce } from '../workers/one-answer';
import { yieldToEventLoop } from './cache';
import { rateHistoriesOf, type ModelFits, type ValueFitsAnswer, type ValueFitsRequest, type ValueFitsResult } from './value-fits-protocol';

/*
 * The fits of the customer-value report — BG/NBD and Gamma-Gamma, and the formula's rate prior —
 * are seconds to tens of seconds of optimisation at 20,000+ customers, each one synchronous
 * call, so they run in a worker thread and the server keeps answering (and its keep-alive
 * sockets stay open) meanwhile. Without the bundled worker (`vite dev`, vitest) they run here,
 * the event loop yielded between them.
 */

const running = new Set<Worker>();

/** The request's columns are transferred, not copied. */
function fitInWorker<K extends ValueFitsRequest['kind']>(
	file: URL,
	request: Extract<ValueFitsRequest, { kind: K }>,
	columns: Float64Array<ArrayBuffer>[]
): Promise<Extract<ValueFitsResult, { kind: K }>> {
	return askOnce(new Worker(file, { name: 'value-fits' }), request, {
		running,
		value: (answer: Extract<ValueFitsAnswer, { type: 'done' }>) => answer.result as Extract<ValueFitsResult, { kind: K }>,
		stopped: (message, cause) => new Error(message, { cause }),
		name: 'The value-fits worker',
		transfer: columns.map((column) => column.buffer)
	});
}

/** BG/NBD and Gamma-Gamma fitted to the customers, judged; `report` hears when the first is done (in this thread only). */
export async function modelFits(summaries: readonly CustomerSummary[], report: (progress: number) => void): Promise<ModelFits> {
	const file = builtWorkerFile('value-fits');
	if (file) {
		const request = {
			kind: 'models' as const,
			x: Float64Array.from(summaries, (s) => s.x),
			tx: Float64Array.from(summaries, (s) => s.tx),
			T: Float64Array.from(summaries, (s) => s.T),
			monetaryValue: Float64Array.from(summaries, (s) => s.monetaryValue)
		};
		const result = await fitInWorker<'models'>(file, request, [request.x, request.tx, request.T, request.monetaryValue]);
		return result.fits;
	}
	const bgnbd = judgedBgnbd(summaries);
	report(0.5);
	await yieldToEventLoop();
	return { bgnbd, gammaGamma: judgedGammaGamma(summaries) };
}

/** The purchase histories the formula's rate prior is fitted to, as columns: repeat purchases x and exposure t per customer. */
export interface RateColumns {
	x: Float64Array<ArrayBuffer>;
	t: Float64Array<ArrayBuffer>;
}

/**
 * The formula's prior of the purchase rates (fitRatePrior of the histories), fitted off this
 * thread when it can be; the columns are transferred to the worker (unusable here after).
 */
export async function ratePriorOffLoop(histories: RateColumns): Promise<RatePrior> {
	const request = { kind: 'rate-prior' as const, x: histories.x, t: histories.t };
	const file = builtWorkerFile('value-fits');
	if (file) {
		const result = await fitInWorker<'rate-prior'>(file, request, [request.x, request.t]);
		return result.prior;
	}
	await yieldToEventLoop();
	return fitRatePrior(rateHistoriesOf(request));
}

/** Terminates every value-fits worker still running (server shutdown). */
export async function terminateValueFits(): Promise<void> {
	await Promise.all([...running].map((worker) => worker.terminate()));
}
