import { Worker } from 'node:worker_threads';
import { judgedBgnbd, judgedGammaGamma } from '../analytics/judged-fits';
import type { CustomerSummary } from '../analytics/summary';
import { builtWorkerFile } from '../workers/locate';
import { yieldToEventLoop } from './cache';
import type { ValueFits, ValueFitsAnswer, ValueFitsRequest } from './value-fits-protocol';

/*
 * The BG/NBD and Gamma-Gamma fits of the customer-value report: seconds to tens of seconds of
 * optimisation at 20,000+ customers, one synchronous call each, so they run in a worker thread
 * and the server keeps answering (and its keep-alive sockets stay open) meanwhile. Without the
 * bundled worker (`vite dev`, vitest) they run here, the event loop yielded between the two.
 */

const running = new Set<Worker>();

function fitInWorker(file: URL, summaries: readonly CustomerSummary[]): Promise<ValueFits> {
	const request: ValueFitsRequest = {
		x: Float64Array.from(summaries, (s) => s.x),
		tx: Float64Array.from(summaries, (s) => s.tx),
		T: Float64Array.from(summaries, (s) => s.T),
		monetaryValue: Float64Array.from(summaries, (s) => s.monetaryValue)
	};
	const worker = new Worker(file, { name: 'value-fits' });
	running.add(worker);
	return new Promise<ValueFits>((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			running.delete(worker);
			void worker.terminate();
			outcome();
		};
		worker.once('message', (answer: ValueFitsAnswer) =>
			settle(() => {
				if (answer.type === 'done') return resolve(answer.fits);
				// The models say what they lack in a RangeError: it reaches the report as one.
				const error = answer.name === 'RangeError' ? new RangeError(answer.message) : new Error(answer.message);
				if (answer.name !== 'RangeError') error.name = answer.name;
				if (answer.stack) error.stack = answer.stack;
				reject(error);
			})
		);
		worker.once('error', (error) => settle(() => reject(new Error(`The value-fits worker failed: ${error.message}`, { cause: error }))));
		worker.once('exit', (code) => settle(() => reject(new Error(`The value-fits worker exited (code ${code}) before it answered`))));
		worker.postMessage(request, [request.x.buffer, request.tx.buffer, request.T.buffer, request.monetaryValue.buffer]);
	});
}

/** Both fits of the customers, judged; `report` hears when the first is done (in this thread only). */
export async function valueFits(summaries: readonly CustomerSummary[], report: (progress: number) => void): Promise<ValueFits> {
	const file = builtWorkerFile('value-fits');
	if (file) return fitInWorker(file, summaries);
	const bgnbd = judgedBgnbd(summaries);
	report(0.5);
	await yieldToEventLoop();
	return { bgnbd, gammaGamma: judgedGammaGamma(summaries) };
}

/** Terminates every value-fits worker still running (server shutdown). */
export async function terminateValueFits(): Promise<void> {
	await Promise.all([...running].map((worker) => worker.terminate()));
}
