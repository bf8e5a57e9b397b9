/**
 * The generated journey of the server benches (bench:metrics, bench:insights) written into a
 * running Waymark's SQLite file as a finished import leaves it, and a board bound to its steps
 * over the collaboration websocket.
 */
import Database from 'better-sqlite3';
import { once } from 'node:events';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCard, addLane, addStage, bindCard, journeySteps, readBoard } from '../src/lib/domain/board/index';
import type { GeneratedJourney } from '../src/lib/server/analytics/funnel/synthetic';
import { recordImportsDone, sleep, type WaymarkTarget, type WrittenImport } from './support';

/** One customer in five lives in Utrecht: the group cut. */
export const inGroup = (c: number) => c % 5 === 2;
const OTHER_CITIES = ['Amsterdam', 'Rotterdam', 'Den Haag', 'Eindhoven'];

/** Writes customers and events into the server's database as a finished import would leave them. */
export function writeDataset(target: WaymarkTarget, generated: GeneratedJourney, extra?: (sqlite: Database.Database, customerIds: Int32Array) => { kind: WrittenImport['kind']; rows: number }[]): void {
	const { log } = generated;
	const sqlite = new Database(target.databasePath);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('cache_size = -262144');
	const ws = target.workspaceId;
	const userId = (sqlite.prepare('select id from users limit 1').pluck().get() as string) ?? null;
	const now = Date.now();
	sqlite.transaction(() => {
		const customer = sqlite.prepare('insert into customers (workspace_id, external_id, city, created_at) values (?, ?, ?, ?)');
		for (let c = 0; c < log.customerCount; c++) {
			customer.run(ws, `K${String(c).padStart(7, '0')}`, inGroup(c) ? 'Utrecht' : OTHER_CITIES[c % OTHER_CITIES.length]!, now);
		}
		const ids = Int32Array.from(sqlite.prepare('select id from customers where workspace_id = ? order by id').pluck().all(ws) as number[]);
		// Rows go in in the generator's shuffled order: like an import, which moves them in hash order.
		const event = sqlite.prepare(
			'insert into customer_events (workspace_id, customer_id, occurred_at, event_type, channel, row_hash) values (?, ?, ?, ?, ?, ?)'
		);
		for (let i = 0; i < log.customer.length; i++) {
			const channel = log.channel[i]!;
			event.run(ws, ids[log.customer[i]!]!, log.at[i]!, log.eventTypes[log.type[i]!]!, channel === -1 ? null : log.channels[channel]!, `${i.toString(16).padStart(8, '0')}:0`);
		}
		const more = extra?.(sqlite, ids) ?? [];
		recordImportsDone(sqlite, ws, userId, [
			{ id: 'benchcustomers', kind: 'customers', fileName: 'customers.csv', rows: log.customerCount },
			{ id: 'benchevents', kind: 'events', fileName: 'events.csv', rows: log.customer.length },
			...more.map(({ kind, rows }) => ({ id: `bench${kind}`, kind, fileName: `${kind}.csv`, rows }))
		]);
	})();
	sqlite.pragma('wal_checkpoint(TRUNCATE)');
	sqlite.close();
}

/** A board with the generator's 30 steps, bound over the collaboration websocket; card id → step index. */
export async function bindBoard(target: WaymarkTarget, boardId: string, generated: GeneratedJourney, stageCount: number, alternatives: number): Promise<Map<string, number>> {
	const connect = () => {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(target.url, boardId, doc, { WebSocketPolyfill: WebSocket as never, params: target.params, disableBc: true });
		return { doc, provider, close: () => (provider.destroy(), doc.destroy()) };
	};
	const editor = connect();
	if (!editor.provider.synced) await once(editor.provider, 'sync');
	const doc = editor.doc;
	const cardStep = new Map<string, number>();
	const stages = Array.from({ length: stageCount }, (_, s) => addStage(doc, { title: `Stage ${s + 1}` }));
	const lanes = Array.from({ length: alternatives }, (_, k) => addLane(doc, { title: `Route ${k + 1}`, kind: 'touchpoints' }));
	generated.steps.forEach((step, j) => {
		const s = step.stage / 10;
		const k = j - s * alternatives;
		const card = addCard(doc, { type: k === 1 ? 'action' : 'touchpoint', stageId: stages[s]!, laneId: lanes[k]!, text: step.id });
		bindCard(doc, card, step.eventTypes);
		cardStep.set(card, j);
	});
	// The server applies an update before it passes it on: a second client that syncs and sees
	// every binding proves the server's document has them.
	for (let attempt = 0; ; attempt++) {
		await sleep(100);
		const reader = connect();
		if (!reader.provider.synced) await once(reader.provider, 'sync');
		const bound = journeySteps(readBoard(reader.doc)).length;
		reader.close();
		if (bound === generated.steps.length) break;
		if (attempt > 50) throw new Error(`the server has ${bound} of ${generated.steps.length} bindings`);
	}
	editor.close();
	return cardStep;
}
