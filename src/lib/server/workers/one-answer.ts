import type { Transferable, Worker } from 'node:worker_threads';

/*
 * Workers that take one request and give one answer (the event readers, the measure builder, the
 * value fits): what they send back when they fail, and how the server thread asks them.
 */

/** How such a worker reports an error it threw: enough to throw it again in the server thread. */
export interface WorkerFailure {
	type: 'failed';
	name: string;
	message: string;
	stack?: string;
}

/** The answer for an error a worker caught (for its `postMessage`). */
export function failureOf(error: unknown): WorkerFailure {
	const failure = error instanceof Error ? error : new Error(String(error));
	return { type: 'failed', name: failure.name, message: failure.message, stack: failure.stack };
}

/**
 * The error a worker reported, as an error of this thread. A RangeError stays one: the models say
 * with it what the data lacks, and callers tell that from a defect.
 */
export function rethrown(answer: WorkerFailure): Error {
	const error = answer.name === 'RangeError' ? new RangeError(answer.message) : new Error(answer.message);
	if (answer.name !== 'RangeError') error.name = answer.name;
	if (answer.stack) error.stack = answer.stack;
	return error;
}

export interface AskOptions<Answer extends { type: 'done' }, T> {
	/** Workers still running, for a shutdown to terminate; the worker is in it until it settles. */
	running: Set<Worker>;
	/** What its answer gives the caller. */
	value: (answer: Answer) => T;
	/** The error for a worker that stopped without an answer (it crashed or was terminated). */
	stopped: (message: string, cause?: Error) => Error;
	/** The worker as messages name it: "The measure builder". */
	name: string;
	transfer?: readonly Transferable[];
}

/** Posts `request` to a worker started for it and settles with its one answer; the worker is terminated then. */
export function askOnce<Answer extends { type: 'done' }, T>(worker: Worker, request: unknown, options: AskOptions<Answer, T>): Promise<T> {
	options.running.add(worker);
	return new Promise<T>((resolve, reject) => {
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			options.running.delete(worker);
			void worker.terminate();
			outcome();
		};
		worker.once('message', (answer: Answer | WorkerFailure) =>
			settle(() => (answer.type === 'done' ? resolve(options.value(answer as Answer)) : reject(rethrown(answer as WorkerFailure))))
		);
		worker.once('error', (error) => settle(() => reject(options.stopped(`${options.name} failed: ${error.message}`, error))));
		worker.once('exit', (code) => settle(() => reject(options.stopped(`${options.name} exited (code ${code}) before it answered`))));
		worker.postMessage(request, options.transfer);
	});
}
