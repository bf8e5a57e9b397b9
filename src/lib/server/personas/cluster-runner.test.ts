import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { derivePersonas, SegmentationError, type DeriveOptions, type PersonaInput } from '../analytics/segmentation';
import { plantedCustomers } from '../analytics/segmentation/synthetic';
import { decodeInput, encodeRequest } from './cluster-protocol';
import { ClusterWorkerStopped, deriveInWorker } from './cluster-runner';
import { spawnSourceWorker } from './source-worker';

const FEATURES = ['customerLifetimeValue', 'monetaryValue', 'recencyDays', 'frequency', 'channelShareApp', 'nps', 'tenureDays', 'topCategory', 'loyaltyMember'];

/** Planted customers shaped as the job hands them over: plain arrays with nulls, and some typed columns. */
function jobShapedInput(customers: number, seed: number): PersonaInput {
	const data = plantedCustomers(customers, seed, 0.2);
	const columns: Record<string, ArrayLike<number | string | null>> = {};
	Object.entries(data.columns).forEach(([id, column], index) => {
		columns[id] =
			column instanceof Float64Array && index % 2 === 0 ? Array.from(column, (v) => (Number.isNaN(v) ? null : v)) : column;
	});
	const clv = Array.from(data.columns.customerLifetimeValue as Float64Array, (v, i) => (i % 7 === 0 ? null : v));
	return { customerCount: customers, columns: { ...columns, customerLifetimeValue: clv }, revenue: data.revenue, clv };
}

describe('cluster protocol', () => {
	it('gives the worker back exactly the values that went in', () => {
		const columns = {
			numbers: [1.5, null, -0, 0, Infinity, 3],
			withNaN: [1, NaN, null, 2, 3, 4],
			labels: ['a', null, '', 'b', 'a', undefined],
			flags: [true, false, null, true, 1, 'x'],
			typed: Float64Array.from([1, NaN, 2, 3, 4, 5]),
			unused: [1, 2, 3, 4, 5, 6]
		};
		const features = ['numbers', 'withNaN', 'labels', 'flags', 'typed', 'absent'];
		const { message, transfer } = encodeRequest({ customerCount: 6, columns, revenue: [1, 2, null, 4, 5, 6] }, { k: 3, features, onProgress: () => {} });
		expect(transfer.length).toBe(6);
		expect(Object.keys(message.input.columns).sort()).toEqual(['flags', 'labels', 'numbers', 'typed', 'withNaN']);
		expect(message.options).toEqual({ k: 3, features });
		// What the worker sees after a structured clone.
		const decoded = decodeInput(structuredClone(message.input));
		for (const id of ['numbers', 'withNaN', 'labels', 'flags']) {
			expect(Array.from(decoded.columns[id]!)).toEqual(columns[id as keyof typeof columns]);
		}
		expect(Object.is(decoded.columns.numbers![2], -0)).toBe(true);
		expect(decoded.columns.typed).toEqual(columns.typed);
		expect(Array.from(decoded.revenue!)).toEqual([1, 2, null, 4, 5, 6]);
		expect(decoded.clv).toBeUndefined();
		// The caller's columns are copies sent, not detached.
		expect(columns.typed.length).toBe(6);
	});
});

describe('deriveInWorker', () => {
	it('gives the same personas, progress and matching as the in-process call', async () => {
		const input = jobShapedInput(3000, 11);
		const first = derivePersonas(input, { k: 'auto', features: FEATURES, seed: 3 });
		const previousPersonas = first.clusters.slice(0, 3).map((c, i) => ({ id: `p${i}`, centroid: { ...c.centroid } }));
		const inlineProgress: [string, number][] = [];
		const options: DeriveOptions = { k: 'auto', features: FEATURES, seed: 5, previousPersonas, maxMatchDistance: 3 };
		const inline = derivePersonas(input, { ...options, onProgress: (stage, fraction) => inlineProgress.push([stage, fraction]) });

		const workerProgress: [string, number][] = [];
		const inWorker = await deriveInWorker(
			input,
			{ ...options, onProgress: (stage, fraction) => workerProgress.push([stage, fraction]) },
			spawnSourceWorker
		);
		expect(inWorker).toStrictEqual(inline);
		expect(inWorker.assignments).toBeInstanceOf(Int32Array);
		expect(inWorker.algorithm).toBe('k-prototypes');
		expect(inWorker.matching?.matches.length).toBeGreaterThan(0);
		expect(workerProgress).toEqual(inlineProgress);
		// The caller's data is untouched (copies were transferred).
		expect(input.revenue!.length).toBe(3000);
	}, 60_000);

	it('maps a SegmentationError back to the same SegmentationError', async () => {
		const input = jobShapedInput(50, 2);
		const options: DeriveOptions = { k: 3, features: ['householdSize', 'nope'] };
		const expected = (() => {
			try {
				derivePersonas(input, options);
			} catch (error) {
				return error as SegmentationError;
			}
		})();
		expect(expected).toBeInstanceOf(SegmentationError);
		const error = await deriveInWorker(input, options, spawnSourceWorker).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SegmentationError);
		expect(error).toMatchObject({ code: expected!.code, message: expected!.message, name: 'SegmentationError' });

		const tooFew = await deriveInWorker({ customerCount: 2, columns: {} }, { k: 3 }, spawnSourceWorker).catch((e: unknown) => e);
		expect(tooFew).toMatchObject({ code: 'too_few_customers' });
	}, 30_000);

	it('rejects with ClusterWorkerStopped when the worker dies or fails to start', async () => {
		const input = jobShapedInput(50, 2);
		const exited = await deriveInWorker(input, { k: 3 }, () => new Worker('process.exit(7)', { eval: true })).catch((e: unknown) => e);
		expect(exited).toBeInstanceOf(ClusterWorkerStopped);
		expect((exited as Error).message).toContain('code 7');

		const thrown = await deriveInWorker(input, { k: 3 }, () => new Worker('throw new Error("boom")', { eval: true })).catch((e: unknown) => e);
		expect(thrown).toBeInstanceOf(ClusterWorkerStopped);
		expect((thrown as Error).message).toContain('boom');
	});

	it('stops the worker when aborted', async () => {
		const input = jobShapedInput(20_000, 4);
		const controller = new AbortController();
		let exited: Promise<number> | undefined;
		const run = deriveInWorker(input, { k: 'auto', features: FEATURES, onProgress: () => controller.abort() }, () => {
			const worker = spawnSourceWorker();
			exited = new Promise((resolve) => worker.once('exit', resolve));
			return worker;
		}, controller.signal);
		const error = await run.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(ClusterWorkerStopped);
		expect((error as Error).message).toContain('stopped');
		// Terminated, not left clustering: this would hang (and time out) otherwise.
		await exited;
	}, 30_000);
});
