import { parentPort } from 'node:worker_threads';
import { judgedBgnbd, judgedGammaGamma } from '../analytics/judged-fits';
import { profilesOf, type ValueFitsAnswer, type ValueFitsRequest } from './value-fits-protocol';

/*
 * Entry of a value-fits worker thread: fits BG/NBD and Gamma-Gamma to one customer base and
 * answers with both judged fits. One request per worker. The production build bundles this file
 * into build/server/workers/value-fits.js (vite.config.ts); value-fits.ts starts it.
 */

const port = parentPort;
if (port) {
	port.once('message', (request: ValueFitsRequest) => {
		try {
			const customers = profilesOf(request);
			const answer: ValueFitsAnswer = { type: 'done', fits: { bgnbd: judgedBgnbd(customers), gammaGamma: judgedGammaGamma(customers) } };
			port.postMessage(answer);
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			port.postMessage({ type: 'failed', name: failure.name, message: failure.message, stack: failure.stack } satisfies ValueFitsAnswer);
		}
	});
}
