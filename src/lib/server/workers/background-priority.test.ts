import { existsSync } from 'node:fs';
import { getPriority } from 'node:os';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BACKGROUND_NICE } from './background-priority';
import { spawnSourceWorker } from './source';

describe.runIf(existsSync('/proc/thread-self'))('a background thread', () => {
	it('runs at a lower priority than the server thread, which keeps its own', async () => {
		const before = getPriority(process.pid);
		const worker = spawnSourceWorker(new URL('./background-priority.fixture.ts', import.meta.url), 'background-priority');
		const [answer] = (await once(worker, 'message')) as [{ lowered: boolean; thread: number; process: number }];
		await worker.terminate();
		expect(answer.lowered).toBe(true);
		expect(answer.thread).toBe(Math.max(before, BACKGROUND_NICE));
		expect(answer.process).toBe(before);
		expect(getPriority(process.pid)).toBe(before);
	});
});
