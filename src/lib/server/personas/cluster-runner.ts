import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import {
	derivePersonas,
	SegmentationError,
	type DeriveOptions,
	type PersonaDerivation,
	type PersonaInput
} from '../analytics/segmentation';
import { builtWorkerFile } from '../workers/locate';
import { encodeRequest, type FromWorker } from './cluster-protocol';

/*
 * Runs derivePersonas off the event loop. The clustering takes seconds at 100,000+ customers
 * and is one synchronous call; in a worker thread it neither stalls HTTP requests nor the
 * collaboration websocket, and it uses a second core. One worker per derivation: it is started,
 * answers once and is terminated, so its memory goes with it.
 */

/** The worker stopped without an answer (crashed, ran out of memory, or was terminated). */
export class ClusterWorkerStopped extends Error {
	constructor(message: string, options?: ErrorOptions) {
		super(message, options);
		this.name = 'ClusterWorkerStopped';
	}
}

const running = new Set<Worker>();

/**
 * Clusters in a worker started by `spawn`: the input's columns go over as transferred typed
 * arrays, progress comes back to `options.onProgress`, a SegmentationError comes back as the
 * same SegmentationError (code and message), any other error as an Error with its message, and
 * a worker that dies or is stopped through `signal` as ClusterWorkerStopped. The worker is
 * terminated in every case.
 */
export function deriveInWorker(
	input: PersonaInput,
	options: DeriveOptions,
	spawn: () => Worker,
	signal?: AbortSignal
): Promise<PersonaDerivation> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(new ClusterWorkerStopped('The clustering was stopped before it started'));
			return;
		}
		const { message, transfer } = encodeRequest(input, options);
		const worker = spawn();
		running.add(worker);
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			running.delete(worker);
			signal?.removeEventListener('abort', onAbort);
			void worker.terminate();
			outcome();
		};
		const onAbort = () => settle(() => reject(new ClusterWorkerStopped('The clustering was stopped (the server is shutting down)')));
		signal?.addEventListener('abort', onAbort, { once: true });

		worker.on('message', (answer: FromWorker) => {
			if (answer.type === 'progress') options.onProgress?.(answer.stage, answer.fraction);
			else if (answer.type === 'done') settle(() => resolve(answer.result));
			else {
				const failure = answer.error;
				settle(() => {
					if (failure.kind === 'segmentation') reject(new SegmentationError(failure.code, failure.message));
					else {
						const error = new Error(failure.message);
						error.name = failure.name;
						if (failure.stack) error.stack = failure.stack;
						reject(error);
					}
				});
			}
		});
		worker.on('error', (error) =>
			settle(() => reject(new ClusterWorkerStopped(`The clustering worker failed: ${error.message}`, { cause: error })))
		);
		worker.on('exit', (code) =>
			settle(() => reject(new ClusterWorkerStopped(`The clustering worker exited (code ${code}) before it finished`)))
		);
		worker.postMessage(message, transfer);
	});
}

/**
 * Derives personas without holding the event loop: in the bundled worker when there is one.
 * Without it (`vite dev`, where the engine is TypeScript that a plain worker cannot load) the
 * call runs inline after a yield, holding the loop for its duration as it did before workers.
 */
export async function derivePersonasOffLoop(
	input: PersonaInput,
	options: DeriveOptions,
	signal?: AbortSignal
): Promise<PersonaDerivation> {
	const file = builtWorkerFile('persona-clustering');
	if (file) {
		// An optional cap on the worker's heap: a derivation too big for it fails on its own,
		// without taking the server's memory (the default: no cap beyond Node's own).
		const memoryMb = Number(process.env.WAYMARK_PERSONA_WORKER_MEMORY_MB) || undefined;
		const spawn = () =>
			new Worker(file, { name: 'persona-clustering', resourceLimits: memoryMb ? { maxOldGenerationSizeMb: memoryMb } : undefined });
		return deriveInWorker(input, options, spawn, signal);
	}
	await yieldToEventLoop();
	if (signal?.aborted) throw new ClusterWorkerStopped('The clustering was stopped before it started');
	return derivePersonas(input, options);
}

/** Terminates every clustering worker still running (server shutdown). */
export async function terminateClusterWorkers(): Promise<void> {
	await Promise.all([...running].map((worker) => worker.terminate()));
}
