import type { Worker } from 'node:worker_threads';
import { spawnSourceWorker as spawnFromSource } from '../workers/source';

/** A clustering worker from cluster.worker.ts, for unit tests and benches (see ../workers/source.ts). */
export const spawnSourceWorker = (): Worker => spawnFromSource(new URL('./cluster.worker.ts', import.meta.url), 'persona-clustering');
