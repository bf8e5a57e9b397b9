import { parentPort } from 'node:worker_threads';
import { judgedBgnbd, judgedGammaGamma } from '../analytics/judged-fits';
import { fitRatePrior } from '../analytics/pooling';
import { modelProfilesOf, rateHistoriesOf, type ValueFitsAnswer, type ValueFitsRequest, type ValueFitsResult } from './value-fits-protocol';
import { failureOf } from '../workers/one-answer';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of a value-fits worker thread: fits BG/NBD and Gamma-Gamma, or the formula's rate
 * prior, to one customer base and answers with the result. One request per worker. The
 * production build bundles this file into build/server/workers/value-fits.js (vite.config.ts);
 * value-fits.ts starts it.
 */

function fit(request: ValueFitsRequest): ValueFitsResult {
	if (request.kind === 'rate-prior') return { kind: 'rate-prior', prior: fitRatePrior(rateHistoriesOf(request)) };
	const customers = modelProfilesOf(request);
	return { kind: 'models', fits: { bgnbd: judgedBgnbd(customers), gammaGamma: judgedGammaGamma(customers) } };
}

const port = parentPort;
if (port) {
	runInBackground();
	port.once('message', (request: ValueFitsRequest) => {
		try {
			port.postMessage({ type: 'done', result: fit(request) } satisfies ValueFitsAnswer);
		} catch (error) {
			port.postMessage(failureOf(error) satisfies ValueFitsAnswer);
		}
	});
}
