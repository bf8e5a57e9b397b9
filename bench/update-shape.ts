/**
 * npx tsx bench/update-shape.ts — how long inspectUpdate (the byte scanner) holds the server's
 * thread, next to inspectDecoded (the same verdict through Y.decodeUpdate, as before the
 * scanner), for the hostile nested maps, for ordinary one-card edits on a board of 300 cards and
 * for a room load's check of its stored state (pruneOverDeep).
 * Prints figures; asserts nothing. (No build needed: it runs the source.)
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { containerDepths, createdDepth, decodeStructs, inspectDecoded } from '../src/lib/server/collab/decoded-shape';
import { pruneOverDeep } from '../src/lib/server/collab/stored-state';
import { inspectUpdate, type ShapeLimits, type UpdateShape } from '../src/lib/server/collab/update-shape';
import { nestedMaps, updateOf } from '../test/integration/hostile-updates';

const limits = { maxDepth: 32, maxStructs: 100_000 };

function board(cards: number): { server: Y.Doc; client: Y.Doc } {
	const client = new Y.Doc();
	client.transact(() => {
		for (let i = 0; i < cards; i++) {
			const card = new Y.Map<unknown>();
			for (const [key, value] of Object.entries({ type: 'step', stageId: `s${i % 8}`, laneId: `l${i % 5}`, order: `a${i}`, color: 'blue', severity: 2, createdBy: 'u1' }))
				card.set(key, value);
			const text = new Y.Text();
			text.insert(0, `Card ${i}: the customer looks for the checkout button`);
			card.set('text', text);
			client.getMap('cards').set(`card-${i}`, card);
		}
	});
	const server = new Y.Doc();
	Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
	return { server, client };
}

/** Milliseconds per call: the median and the 99th percentile of `runs`, after a warm-up. */
function time(label: string, runs: number, call: () => unknown) {
	for (let i = 0; i < Math.min(runs, 20); i++) call();
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const started = performance.now();
		call();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const median = times[Math.floor(times.length / 2)]!;
	const verdict = JSON.stringify(call());
	console.log(`${label.padEnd(56)} median ${median.toFixed(3).padStart(9)} ms   p99 ${times[Math.floor(times.length * 0.99)]!.toFixed(3).padStart(9)} ms   ${verdict}`);
}

function both(label: string, runs: number, update: Uint8Array, doc: Y.Doc) {
	const inspections: Array<[string, (u: Uint8Array, d: Y.Doc, l: ShapeLimits) => UpdateShape]> = [
		['decoded', inspectDecoded],
		['scanned', inspectUpdate]
	];
	for (const [name, inspect] of inspections) time(`${label}, ${name}`, runs, () => inspect(update, doc, limits));
}

for (const levels of [20_000, 100_000]) {
	const { nest } = nestedMaps(levels);
	const doc = new Y.Doc();
	both(`nestedMaps(${levels}) ${(nest.length / 1024).toFixed(0)} KB`, levels > 20_000 ? 5 : 15, nest, doc);
}

const { server } = board(300);
/** A member's copy of the board, to make one edit on. */
function editor(): Y.Map<Y.Map<unknown>> {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
	return doc.getMap<Y.Map<unknown>>('cards');
}
let cards = editor();
const addCard = updateOf(cards.doc!, () => {
	const card = new Y.Map<unknown>();
	for (const [key, value] of Object.entries({ type: 'step', stageId: 's1', laneId: 'l1', order: 'b0', color: 'red', createdBy: 'u2' })) card.set(key, value);
	const text = new Y.Text();
	text.insert(0, 'A new card');
	card.set('text', text);
	cards.set('card-new', card);
});
cards = editor();
const typeChar = updateOf(cards.doc!, () => (cards.get('card-7')!.get('text') as Y.Text).insert(5, 'x'));
cards = editor();
const move = updateOf(cards.doc!, () => cards.get('card-9')!.set('order', 'a9x'));
both(`add a card (${addCard.length} B)`, 5000, addCard, server);
both(`type a character (${typeChar.length} B)`, 5000, typeChar, server);
both(`move a card (${move.length} B)`, 5000, move, server);

// A room load checks its stored state for over-deep types (pruneOverDeep) before applying it.
const stored = Y.encodeStateAsUpdate(board(3000).server);
time(`room load check, 3,000 cards (${(stored.length / 1024).toFixed(0)} KB), decoded`, 30, () => {
	const { structs } = decodeStructs(stored);
	const depths = containerDepths(structs, null, limits.maxDepth);
	return structs.filter((s) => (depths.get(s) ?? 0) > limits.maxDepth || (createdDepth(s, depths) ?? 0) > limits.maxDepth).length;
});
time(`room load check, 3,000 cards (${(stored.length / 1024).toFixed(0)} KB), scanned`, 30, () => pruneOverDeep(stored, limits.maxDepth).pruned);
