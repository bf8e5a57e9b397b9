import { parentPort } from 'node:worker_threads';
import { derivePersonas } from '../analytics/segmentation/derive';
import { SegmentationError } from '../analytics/segmentation/errors';
import { decodeInput, type FromWorker, type ToWorker, type WorkerFailure } from './cluster-protocol';
import { runInBackground } from '../workers/background-priority';

/*
 * Entry of the clustering worker thread: one derivation per worker. It takes one request, runs
 * the pure engine, reports progress and answers with the result (the assignments' buffer is
 * transferred) or with the error. The production build bundles this file on its own into
 * build/server/workers/persona-clustering.js (vite.config.ts); cluster-runner.ts starts it.
 * It imports only the pure engine and the protocol: the bundle holds no database, no framework.
 */

const port = parentPort;
if (port) {
	runInBackground();
	const send = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
	port.once('message', ({ input, options }: ToWorker) => {
		try {
			const result = derivePersonas(decodeInput(input), {
				...options,
				onProgress: (stage, fraction) => send({ type: 'progress', stage, fraction })
			});
			const { buffer } = result.assignments;
			const whole = result.assignments.byteOffset === 0 && result.assignments.byteLength === buffer.byteLength;
			send({ type: 'done', result }, whole && buffer instanceof ArrayBuffer ? [buffer] : []);
		} catch (error) {
			const failure: WorkerFailure =
				error instanceof SegmentationError
					? { kind: 'segmentation', code: error.code, message: error.message }
					: error instanceof Error
						? { kind: 'other', name: error.name, message: error.message, stack: error.stack }
						: { kind: 'other', name: 'Error', message: String(error) };
			send({ type: 'failed', error: failure });
		}
	});
}
