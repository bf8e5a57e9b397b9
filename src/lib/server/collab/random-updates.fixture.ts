import * as Y from 'yjs';

/*
 * Seeded random Yjs documents edited by several clients, and the v1 updates they send —
 * per transaction, whole states, diffs against what a server holds, merges of several
 * clients' updates with gaps between them — for holding the update scanner's verdicts against
 * the decoded ones (update-shape.test.ts).
 */

/** mulberry32: small, seedable, good enough to pick edits. */
export function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const below = (random: Random, n: number) => Math.floor(random() * n);

const WORDS = ['journey', 'Kasse', 'naïve', 'café', '日本語', '🙂', 'a\u0301', '', 'x'];

function randomValue(random: Random, depth = 0): unknown {
	switch (below(random, depth > 2 ? 6 : 9)) {
		case 0:
			return below(random, 1000) - 500;
		case 1:
			return random() * 1e6;
		case 2:
			return pick(random, WORDS);
		case 3:
			return random() < 0.5;
		case 4:
			return null;
		case 5:
			return 2 ** 40 + below(random, 10);
		case 6:
			return Array.from({ length: below(random, 4) }, () => randomValue(random, depth + 1));
		case 7:
			return Object.fromEntries(Array.from({ length: below(random, 4) }, (_, i) => [`k${i}${pick(random, WORDS)}`, randomValue(random, depth + 1)]));
		default:
			return new Uint8Array(Array.from({ length: below(random, 5) }, () => below(random, 256)));
	}
}

type AnyType = Y.AbstractType<unknown>;

function newType(random: Random): AnyType {
	switch (below(random, 7)) {
		case 0:
			return new Y.Map() as AnyType;
		case 1:
			return new Y.Array() as AnyType;
		case 2:
			return new Y.Text() as AnyType;
		case 3:
			return new Y.XmlElement(pick(random, ['p', 'h1', 'ünïcode'])) as unknown as AnyType;
		case 4:
			return new Y.XmlText() as unknown as AnyType;
		case 5:
			return new Y.XmlHook('hook') as unknown as AnyType;
		default:
			return new Y.XmlFragment() as unknown as AnyType;
	}
}

/** What goes into a map or an array: mostly plain values, sometimes a type, rarely a subdocument. */
function content(random: Random): unknown {
	const roll = random();
	if (roll < 0.3) return newType(random);
	if (roll < 0.32) return new Y.Doc({ guid: `sub-${below(random, 1e6)}` });
	return randomValue(random);
}

/** Every type of `doc` reachable from its roots, walked without recursion. */
function typesOf(doc: Y.Doc): AnyType[] {
	const roots: AnyType[] = [
		doc.getMap('m') as AnyType,
		doc.getArray('a') as AnyType,
		doc.getText('t') as AnyType,
		doc.getXmlFragment('x') as unknown as AnyType
	];
	const found: AnyType[] = [];
	const queue = [...roots];
	while (queue.length && found.length < 200) {
		const type = queue.shift()!;
		found.push(type);
		const children: unknown[] =
			type instanceof Y.Map ? [...type.values()] : type instanceof Y.Array ? type.toArray() : type instanceof Y.XmlFragment || type instanceof Y.XmlElement ? type.toArray() : [];
		for (const child of children) if (child instanceof Y.AbstractType) queue.push(child as AnyType);
	}
	return found;
}

function edit(random: Random, doc: Y.Doc): void {
	const type = pick(random, typesOf(doc));
	if (type instanceof Y.Map) {
		if (random() < 0.25 && type.size) type.delete(pick(random, [...type.keys()]));
		else type.set(pick(random, ['a', 'b', 'c', 'ключ', 'd']), content(random));
	} else if (type instanceof Y.Array) {
		if (random() < 0.25 && type.length) {
			const at = below(random, type.length);
			type.delete(at, 1 + below(random, Math.min(3, type.length - at)));
		} else type.insert(below(random, type.length + 1), Array.from({ length: 1 + below(random, 3) }, () => content(random)));
	} else if (type instanceof Y.XmlText || type instanceof Y.Text) {
		const length = type.length;
		const roll = random();
		if (roll < 0.2 && length) {
			const at = below(random, length);
			type.delete(at, 1 + below(random, Math.min(4, length - at)));
		} else if (roll < 0.35 && length) type.format(below(random, length), 1 + below(random, 3), { bold: random() < 0.7 ? true : null });
		else if (roll < 0.45) type.insertEmbed(below(random, length + 1), { image: pick(random, WORDS) });
		else type.insert(below(random, length + 1), pick(random, WORDS) + pick(random, WORDS), random() < 0.2 ? { italic: true } : undefined);
	} else if (type instanceof Y.XmlElement && random() < 0.3) {
		type.setAttribute(pick(random, ['class', 'id']), pick(random, WORDS));
	} else if (type instanceof Y.XmlFragment || type instanceof Y.XmlElement) {
		const child = random() < 0.5 ? new Y.XmlElement('li') : new Y.XmlText();
		type.insert(below(random, type.length + 1), [child as never]);
		if (child instanceof Y.XmlText) child.insert(0, pick(random, WORDS));
	}
	if (random() < 0.05) nestChain(random, doc);
}

/** A chain of maps a few levels deep: for limits that refuse some updates as too deep. */
function nestChain(random: Random, doc: Y.Doc): void {
	let map = doc.getMap<unknown>('m');
	for (let i = 1 + below(random, 6); i > 0; i--) {
		const child = new Y.Map<unknown>();
		map.set(`deep${below(random, 2)}`, child);
		map = child;
	}
}

export interface UpdateCase {
	label: string;
	update: Uint8Array;
	/** The document the update is judged against (a server's). */
	doc: Y.Doc;
}

/**
 * One scenario: 2–3 clients edit, now and then exchanging updates, a server takes some of
 * them in order; then every kind of update one of them could send it.
 */
export function randomCases(seed: number): UpdateCase[] {
	const random = seeded(seed);
	const clients = Array.from({ length: 2 + below(random, 2) }, () => new Y.Doc({ gc: random() < 0.7 }));
	const sent: Array<{ from: number; update: Uint8Array }> = [];
	clients.forEach((doc, from) => doc.on('update', (update: Uint8Array, origin: unknown) => origin !== 'sync' && sent.push({ from, update })));

	for (let round = 0, rounds = 3 + below(random, 12); round < rounds; round++) {
		const from = below(random, clients.length);
		const doc = clients[from]!;
		doc.transact(() => {
			for (let n = 1 + below(random, 4); n > 0; n--) edit(random, doc);
		});
		if (random() < 0.4) {
			const to = clients[below(random, clients.length)]!;
			if (to !== doc) Y.applyUpdate(to, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(to)), 'sync');
		}
	}

	const server = new Y.Doc();
	const taken = below(random, sent.length + 1);
	for (const { update } of sent.slice(0, taken)) Y.applyUpdate(server, update);
	const cases: UpdateCase[] = [];
	const against = (label: string, update: Uint8Array, doc: Y.Doc = server) => cases.push({ label: `seed ${seed}: ${label}`, update, doc });

	sent.forEach(({ update }, i) => against(`transaction ${i}${i < taken ? ' (already held)' : ''}`, update));
	sent.forEach(({ update }, i) => i % 3 === 0 && against(`transaction ${i} on an empty doc`, update, new Y.Doc()));
	clients.forEach((doc, i) => {
		against(`client ${i}'s state`, Y.encodeStateAsUpdate(doc));
		against(`client ${i}'s diff to the server`, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)));
		against(`client ${i}'s state on an empty doc`, Y.encodeStateAsUpdate(doc), new Y.Doc());
	});
	const later = sent.slice(taken);
	if (later.length > 1) {
		// Some of what the server does not hold yet, merged: skips where updates were left out.
		const chosen = later.filter(() => random() < 0.6);
		if (chosen.length) against(`${chosen.length} later transactions merged`, Y.mergeUpdates(chosen.map((s) => s.update)));
	}
	if (sent.length > 1) against('every transaction merged', Y.mergeUpdates(sent.map((s) => s.update)), new Y.Doc());
	return cases;
}

/** `update` with one byte changed, cut short, or with a byte put in: bytes no honest client sends. */
export function mutated(random: Random, update: Uint8Array): Uint8Array {
	const at = below(random, update.length);
	switch (below(random, 3)) {
		case 0: {
			const copy = update.slice();
			copy[at] = below(random, 256);
			return copy;
		}
		case 1:
			return update.slice(0, at);
		default:
			return Uint8Array.from([...update.subarray(0, at), below(random, 256), ...update.subarray(at)]);
	}
}
