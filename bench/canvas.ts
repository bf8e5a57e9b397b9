/**
 * npm run bench:canvas — a 1,000-card board (12 stages × 10 lanes) opened in headless
 * Chromium: first render, document load, JS heap, frame times while panning and zooming,
 * and how long a remote edit takes to appear. Prints figures; asserts nothing.
 */
import { chromium } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard, addLane, addStage, CARD_TYPES, setCardText, stampSchemaVersion } from '../src/lib/domain/board/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/chromium';
import { sleep, startWaymark } from './support';

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;

async function main() {
	const server = await startWaymark();
	try {
		const boardId = await server.newRoom();
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(server.url, boardId, doc, {
			WebSocketPolyfill: WebSocket as never,
			params: server.params,
			disableBc: true
		});
		await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		let firstCard = '';
		doc.transact(() => {
			// Replace the template with the benchmark grid.
			for (const name of ['stages', 'lanes', 'cards', 'emotions']) {
				const map = doc.getMap(name);
				for (const key of [...map.keys()]) map.delete(key);
			}
			stampSchemaVersion(doc);
			const stages = Array.from({ length: 12 }, (_, i) => addStage(doc, { title: `Stage ${i + 1}` }));
			const lanes = Array.from({ length: 10 }, (_, i) => addLane(doc, { title: `Lane ${i + 1}`, kind: i === 0 ? 'actions' : 'touchpoints' }));
			for (let i = 0; i < 1000; i++) {
				const id = addCard(doc, {
					type: CARD_TYPES[i % CARD_TYPES.length]!,
					stageId: stages[i % 12]!,
					laneId: lanes[Math.floor(i / 12) % 10]!,
					text: `Card ${i + 1}: a step customers take in this stage`
				});
				if (i === 0) firstCard = id;
			}
		});
		await sleep(1000);

		const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
		// The app's CSP forbids eval; the measuring scripts are the benchmark's, not the app's.
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
		const [name, value] = server.cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: server.origin }]);
		const page = await context.newPage();
		const started = Date.now();
		await page.goto(`${server.origin}/b/${boardId}`);
		await page.waitForFunction(`document.querySelectorAll('.card').length >= 1000`, null, { timeout: 30_000 });
		const firstRender = Date.now() - started;
		// Scripts run in the page as strings: the TypeScript runner's helpers do not exist there.
		const timing = (await page.evaluate(
			`({ domContentLoaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })`
		)) as { domContentLoaded: number };
		const heap = (await page.evaluate(`performance.memory ? performance.memory.usedJSHeapSize : NaN`)) as number;

		// Frame times while panning (drag) and zooming (wheel) for five seconds.
		await page.evaluate(`(() => {
			window.frames_ = [];
			let last = performance.now();
			const tick = (now) => {
				window.frames_.push(now - last);
				last = now;
				requestAnimationFrame(tick);
			};
			requestAnimationFrame(tick);
		})()`);
		const box = (await page.locator('.viewport').boundingBox())!;
		const cx = box.x + box.width / 2;
		const cy = box.y + box.height / 2;
		const until = Date.now() + 5000;
		let step = 0;
		while (Date.now() < until) {
			if (step % 2 === 0) {
				await page.mouse.move(cx, cy);
				await page.mouse.down();
				for (let i = 0; i < 10; i++) await page.mouse.move(cx + (i % 2 ? -1 : 1) * i * 15, cy + i * 5);
				await page.mouse.up();
			} else {
				await page.mouse.move(cx, cy);
				for (let i = 0; i < 6; i++) await page.mouse.wheel(0, i < 3 ? -120 : 120);
			}
			step++;
		}
		const frames = ((await page.evaluate('window.frames_')) as number[]).slice(1).sort((a, b) => a - b);

		// A remote edit: a node client changes a card's text; the page shows it.
		const sentAt = Date.now();
		setCardText(doc, firstCard, 'Edited remotely');
		await page.waitForFunction(`document.body.innerText.includes('Edited remotely')`, null, { polling: 'raf' });
		const remoteEdit = Date.now() - sentAt;

		console.log(
			JSON.stringify(
				{
					cards: 1000,
					'first full render (navigation → 1,000 cards)': `${firstRender} ms`,
					'DOM content loaded': `${timing.domContentLoaded.toFixed(0)} ms`,
					'JS heap': `${(heap / 1024 / 1024).toFixed(1)} MiB`,
					'frame time while panning/zooming median / p95': `${quantile(frames, 0.5).toFixed(1)} ms / ${quantile(frames, 0.95).toFixed(1)} ms (${frames.length} frames)`,
					'remote edit visible after': `${remoteEdit} ms`
				},
				null,
				2
			)
		);
		await page.screenshot({ path: 'screenshots/canvas-1000-cards.png' });
		await page.mouse.wheel(0, 600);
		await page.getByRole('button', { name: 'Zoom to fit' }).click();
		await sleep(300);
		await page.screenshot({ path: 'screenshots/canvas-1000-cards-fit.png' });
		await browser.close();
		provider.destroy();
	} finally {
		server.process.kill('SIGTERM');
		await sleep(300);
		server.cleanup();
	}
	process.exit(0);
}

void main();
