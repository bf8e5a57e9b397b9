import * as Y from 'yjs';
import { readBoard, readEstimate, readEvidence } from './read';
import {
	boardRoot,
	cardsMap,
	CURRENT_SCHEMA_VERSION,
	emotionKey,
	emotionsMap,
	lanesMap,
	linksMap,
	newEntityId,
	newEntry,
	parseEmotionKey,
	personasMap,
	stagesMap,
	type Entry
} from './shape';
import { orderKeyAt } from './order';
import {
	BINDABLE_CARD_TYPES,
	DEFAULT_STAGE_WIDTH,
	EMOTION_MAX,
	EMOTION_MIN,
	MAX_STAGE_WIDTH,
	MIN_STAGE_WIDTH,
	type Card,
	type CardType,
	type LaneKind,
	type OpportunityEstimate,
	type DriverEvidence
} from './types';

/*
 * Every mutation is one `doc.transact`, so undo and history see one step per user action.
 * `origin` tells an undo manager whose change it is (the local user by default).
 */
type Origin = unknown;

const sortedOrders = (map: Y.Map<Entry>, exceptId?: string) =>
	[...map.entries()]
		.filter(([id, entry]) => id !== exceptId && entry instanceof Y.Map)
		.map(([id, entry]) => ({ id, order: String(entry.get('order') ?? id) }))
		.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : 1))
		.map((e) => e.order);

function requireEntry(map: Y.Map<Entry>, id: string, what: string): Entry {
	const entry = map.get(id);
	if (!(entry instanceof Y.Map)) throw new Error(`${what} ${id} does not exist`);
	return entry;
}

const clampWidth = (width: number) => Math.round(Math.min(MAX_STAGE_WIDTH, Math.max(MIN_STAGE_WIDTH, width)));

// Stages ---------------------------------------------------------------------------------------

export function addStage(doc: Y.Doc, input: { title: string; index?: number; width?: number }, origin?: Origin): string {
	const id = newEntityId();
	doc.transact(() => {
		const map = stagesMap(doc);
		const orders = sortedOrders(map);
		map.set(
			id,
			newEntry({
				title: input.title,
				order: orderKeyAt(orders, input.index ?? orders.length),
				width: clampWidth(input.width ?? DEFAULT_STAGE_WIDTH)
			})
		);
	}, origin);
	return id;
}

export function renameStage(doc: Y.Doc, id: string, title: string, origin?: Origin): void {
	doc.transact(() => requireEntry(stagesMap(doc), id, 'stage').set('title', title), origin);
}

export function resizeStage(doc: Y.Doc, id: string, width: number, origin?: Origin): void {
	doc.transact(() => requireEntry(stagesMap(doc), id, 'stage').set('width', clampWidth(width)), origin);
}

export function moveStage(doc: Y.Doc, id: string, toIndex: number, origin?: Origin): void {
	doc.transact(() => {
		const map = stagesMap(doc);
		requireEntry(map, id, 'stage').set('order', orderKeyAt(sortedOrders(map, id), toIndex));
	}, origin);
}

/** Deletes a stage with everything in its column: cards, their links, emotions. */
export function deleteStage(doc: Y.Doc, id: string, origin?: Origin): void {
	doc.transact(() => {
		const cards = [...cardsMap(doc).entries()]
			.filter(([, entry]) => entry instanceof Y.Map && entry.get('stageId') === id)
			.map(([cardId]) => cardId);
		removeCards(doc, cards);
		for (const key of [...emotionsMap(doc).keys()]) {
			if (parseEmotionKey(key)?.stageId === id) emotionsMap(doc).delete(key);
		}
		stagesMap(doc).delete(id);
	}, origin);
}

// Lanes ----------------------------------------------------------------------------------------

export function addLane(doc: Y.Doc, input: { title: string; kind: LaneKind; index?: number }, origin?: Origin): string {
	const id = newEntityId();
	doc.transact(() => {
		const map = lanesMap(doc);
		const orders = sortedOrders(map);
		map.set(id, newEntry({ title: input.title, kind: input.kind, order: orderKeyAt(orders, input.index ?? orders.length), hidden: false }));
	}, origin);
	return id;
}

export function renameLane(doc: Y.Doc, id: string, title: string, origin?: Origin): void {
	doc.transact(() => requireEntry(lanesMap(doc), id, 'lane').set('title', title), origin);
}

export function setLaneHidden(doc: Y.Doc, id: string, hidden: boolean, origin?: Origin): void {
	doc.transact(() => requireEntry(lanesMap(doc), id, 'lane').set('hidden', hidden), origin);
}

export function moveLane(doc: Y.Doc, id: string, toIndex: number, origin?: Origin): void {
	doc.transact(() => {
		const map = lanesMap(doc);
		requireEntry(map, id, 'lane').set('order', orderKeyAt(sortedOrders(map, id), toIndex));
	}, origin);
}

export function deleteLane(doc: Y.Doc, id: string, origin?: Origin): void {
	doc.transact(() => {
		const cards = [...cardsMap(doc).entries()]
			.filter(([, entry]) => entry instanceof Y.Map && entry.get('laneId') === id)
			.map(([cardId]) => cardId);
		removeCards(doc, cards);
		lanesMap(doc).delete(id);
	}, origin);
}

// Cards ----------------------------------------------------------------------------------------

/**
 * What a card carries besides its place, text and author: the fields `updateCard` may change.
 * An opportunity's estimate is changed only through attachEstimate / detachEstimate; a cause
 * card's driver evidence is set once, by addDriverCause.
 */
export type CardProperties = Omit<Card, 'id' | 'stageId' | 'laneId' | 'order' | 'text' | 'createdBy' | 'estimate' | 'evidence'>;

export interface NewCard extends Partial<CardProperties> {
	type: CardType;
	stageId: string;
	laneId: string;
	text?: string;
	/** Position within its cell; the end when left out. */
	index?: number;
	createdBy?: string | null;
}

function cellOrders(doc: Y.Doc, stageId: string, laneId: string, exceptIds: Set<string> = new Set()) {
	return readBoard(doc)
		.cards.filter((c) => c.stageId === stageId && c.laneId === laneId && !exceptIds.has(c.id))
		.map((c) => c.order);
}

function cardEntry(fields: Omit<Card, 'id' | 'text' | 'estimate' | 'evidence'> & { text: string }): Entry {
	const text = new Y.Text();
	if (fields.text) text.insert(0, fields.text);
	return newEntry({ ...fields, text });
}

export function addCard(doc: Y.Doc, input: NewCard, origin?: Origin): string {
	const id = newEntityId();
	doc.transact(() => {
		requireEntry(stagesMap(doc), input.stageId, 'stage');
		requireEntry(lanesMap(doc), input.laneId, 'lane');
		const orders = cellOrders(doc, input.stageId, input.laneId);
		cardsMap(doc).set(
			id,
			cardEntry({
				type: input.type,
				stageId: input.stageId,
				laneId: input.laneId,
				order: orderKeyAt(orders, input.index ?? orders.length),
				text: input.text ?? '',
				color: input.color ?? 'default',
				tags: input.tags ?? [],
				personaIds: input.personaIds ?? [],
				severity: input.severity ?? null,
				dropOffCategory: input.dropOffCategory ?? null,
				lever: input.lever ?? null,
				effort: input.effort ?? null,
				impact: input.impact ?? null,
				status: input.status ?? null,
				ownerId: input.ownerId ?? null,
				eventTypes: input.eventTypes ?? [],
				createdBy: input.createdBy ?? null
			})
		);
	}, origin);
	return id;
}

export function updateCard(doc: Y.Doc, id: string, changes: Partial<CardProperties>, origin?: Origin): void {
	doc.transact(() => {
		const entry = requireEntry(cardsMap(doc), id, 'card');
		for (const [key, value] of Object.entries(changes)) {
			if (value !== undefined) entry.set(key, Array.isArray(value) ? [...value] : value);
		}
	}, origin);
}

/** The card's text as a shared type, for editing in place with other people typing too. */
/**
 * Binds a touchpoint or customer-action card to event types of the imported events (an empty
 * list unbinds it): the card becomes a measured step of the journey.
 */
export function bindCard(doc: Y.Doc, id: string, eventTypes: string[], origin?: Origin): void {
	doc.transact(() => {
		const entry = requireEntry(cardsMap(doc), id, 'card');
		const type = entry.get('type');
		if (!BINDABLE_CARD_TYPES.includes(type as CardType)) throw new Error(`a ${String(type)} card cannot be bound to events`);
		entry.set('eventTypes', [...new Set(eventTypes.map((t) => t.trim()).filter(Boolean))]);
	}, origin);
}

// Opportunity estimates ------------------------------------------------------------------------

function estimateValue(doc: Y.Doc, estimate: OpportunityEstimate): OpportunityEstimate {
	const step = requireEntry(cardsMap(doc), estimate.stepCardId, 'card');
	if (!BINDABLE_CARD_TYPES.includes(step.get('type') as CardType)) throw new Error(`card ${estimate.stepCardId} is not a journey step`);
	const stored = readEstimate({ ...estimate, snapshot: { ...estimate.snapshot } });
	if (!stored) throw new Error('the estimate is malformed');
	return stored;
}

/** Gives an opportunity card the value of a what-if (replacing any it had). One undo step. */
export function attachEstimate(doc: Y.Doc, opportunityId: string, estimate: OpportunityEstimate, origin?: Origin): void {
	doc.transact(() => {
		const entry = requireEntry(cardsMap(doc), opportunityId, 'card');
		if (entry.get('type') !== 'opportunity') throw new Error(`a ${String(entry.get('type'))} card cannot carry an estimate`);
		entry.set('estimate', estimateValue(doc, estimate));
	}, origin);
}

/** Creates an opportunity card carrying a what-if, in one transaction (one undo step); returns its id. */
export function addOpportunityWithEstimate(
	doc: Y.Doc,
	input: { stageId: string; laneId: string; text: string; createdBy?: string | null },
	estimate: OpportunityEstimate,
	origin?: Origin
): string {
	let id = '';
	doc.transact(() => {
		const value = estimateValue(doc, estimate);
		id = addCard(doc, { type: 'opportunity', stageId: input.stageId, laneId: input.laneId, text: input.text, createdBy: input.createdBy ?? null });
		requireEntry(cardsMap(doc), id, 'card').set('estimate', value);
	}, origin);
	return id;
}

export function detachEstimate(doc: Y.Doc, opportunityId: string, origin?: Origin): void {
	doc.transact(() => requireEntry(cardsMap(doc), opportunityId, 'card').delete('estimate'), origin);
}

export function cardText(doc: Y.Doc, id: string): Y.Text | null {
	const entry = cardsMap(doc).get(id);
	const text = entry instanceof Y.Map ? entry.get('text') : null;
	return text instanceof Y.Text ? text : null;
}

export function setCardText(doc: Y.Doc, id: string, value: string, origin?: Origin): void {
	doc.transact(() => {
		const entry = requireEntry(cardsMap(doc), id, 'card');
		let text = entry.get('text');
		if (!(text instanceof Y.Text)) {
			text = new Y.Text();
			entry.set('text', text);
		}
		applyTextChange(text as Y.Text, value);
	}, origin);
}

/**
 * Turns a whole new value into the smallest edit (common prefix and suffix kept), so that
 * someone typing elsewhere in the same card keeps their characters.
 */
export function applyTextChange(text: Y.Text, value: string): void {
	const current = text.toString();
	if (current === value) return;
	let start = 0;
	const shortest = Math.min(current.length, value.length);
	while (start < shortest && current[start] === value[start]) start++;
	let end = 0;
	while (
		end < shortest - start &&
		current[current.length - 1 - end] === value[value.length - 1 - end]
	) {
		end++;
	}
	const removed = current.length - start - end;
	if (removed > 0) text.delete(start, removed);
	const inserted = value.slice(start, value.length - end);
	if (inserted) text.insert(start, inserted);
}

/** Moves cards into one cell, keeping their relative order, starting at `index`. */
export function moveCards(
	doc: Y.Doc,
	ids: string[],
	target: { stageId: string; laneId: string; index?: number },
	origin?: Origin
): void {
	doc.transact(() => {
		requireEntry(stagesMap(doc), target.stageId, 'stage');
		requireEntry(lanesMap(doc), target.laneId, 'lane');
		const moving = new Set(ids);
		const orders = cellOrders(doc, target.stageId, target.laneId, moving);
		let index = target.index ?? orders.length;
		for (const id of ids) {
			const entry = requireEntry(cardsMap(doc), id, 'card');
			const order = orderKeyAt(orders, index);
			orders.splice(index, 0, order);
			index += 1;
			entry.set('stageId', target.stageId);
			entry.set('laneId', target.laneId);
			entry.set('order', order);
		}
	}, origin);
}

function removeCards(doc: Y.Doc, ids: string[]) {
	const gone = new Set(ids);
	for (const id of ids) cardsMap(doc).delete(id);
	for (const [linkId, link] of [...linksMap(doc).entries()]) {
		if (!(link instanceof Y.Map) || gone.has(String(link.get('from'))) || gone.has(String(link.get('to')))) {
			linksMap(doc).delete(linkId);
		}
	}
}

export function deleteCards(doc: Y.Doc, ids: string[], origin?: Origin): void {
	doc.transact(() => removeCards(doc, ids), origin);
}

/** A card as it travels on the clipboard: plain data, no ids, no author, no estimate or evidence (they belong to their card and its step). */
export type ClipboardCard = Omit<Card, 'id' | 'stageId' | 'laneId' | 'order' | 'createdBy' | 'estimate' | 'evidence'> & {
	laneKind: LaneKind;
};

export function copyCards(doc: Y.Doc, ids: string[]): ClipboardCard[] {
	const board = readBoard(doc);
	const laneKind = new Map(board.lanes.map((l) => [l.id, l.kind]));
	const wanted = new Set(ids);
	return board.cards
		.filter((card) => wanted.has(card.id))
		.map(({ id: _id, stageId: _s, laneId, order: _o, createdBy: _c, estimate: _e, evidence: _v, ...rest }) => ({
			...rest,
			laneKind: laneKind.get(laneId) ?? 'actions'
		}));
}

/** Pastes clipboard cards (from this or another board) into one cell; persona marks are dropped across boards. */
export function pasteCards(
	doc: Y.Doc,
	cards: ClipboardCard[],
	target: { stageId: string; laneId: string },
	createdBy: string | null = null,
	origin?: Origin
): string[] {
	const ids: string[] = [];
	doc.transact(() => {
		const personaIds = new Set(personasMap(doc).keys());
		for (const { laneKind: _kind, ...card } of cards) {
			ids.push(
				addCard(doc, {
					...card,
					personaIds: card.personaIds.filter((p) => personaIds.has(p)),
					stageId: target.stageId,
					laneId: target.laneId,
					createdBy
				})
			);
		}
	}, origin);
	return ids;
}

export function duplicateCards(doc: Y.Doc, ids: string[], createdBy: string | null = null, origin?: Origin): string[] {
	const copies: string[] = [];
	doc.transact(() => {
		const board = readBoard(doc);
		for (const card of board.cards.filter((c) => ids.includes(c.id))) {
			const { id: _id, order: _order, createdBy: _author, estimate: _estimate, evidence: _evidence, ...rest } = card;
			const cell = board.cards.filter((c) => c.stageId === card.stageId && c.laneId === card.laneId);
			copies.push(addCard(doc, { ...rest, index: cell.findIndex((c) => c.id === card.id) + 1, createdBy }));
		}
	}, origin);
	return copies;
}

/**
 * A drop-off cause card for a measured step, from one of its drop-off drivers: in the step's stage,
 * in the board's first drop-off lane (a new one titled `laneTitle` when there is none), linked to
 * the step, keeping the driver's evidence. Its cause (of the four) is left for people to choose.
 */
export function addDriverCause(
	doc: Y.Doc,
	input: { stepCardId: string; text: string; evidence: DriverEvidence; laneTitle: string; createdBy: string | null },
	origin?: Origin
): string {
	const evidence = readEvidence({ ...input.evidence, trait: { ...input.evidence.trait }, period: { ...input.evidence.period } });
	if (!evidence || evidence.stepCardId !== input.stepCardId) throw new Error('the driver evidence is malformed');
	let id = '';
	doc.transact(() => {
		const step = requireEntry(cardsMap(doc), input.stepCardId, 'card');
		if (!BINDABLE_CARD_TYPES.includes(step.get('type') as CardType)) throw new Error(`card ${input.stepCardId} is not a journey step`);
		const board = readBoard(doc);
		const laneId = board.lanes.find((lane) => lane.kind === 'dropoffs')?.id ?? addLane(doc, { title: input.laneTitle, kind: 'dropoffs' });
		id = addCard(doc, { type: 'dropoff', stageId: step.get('stageId') as string, laneId, text: input.text, createdBy: input.createdBy });
		requireEntry(cardsMap(doc), id, 'card').set('evidence', evidence);
		linkCards(doc, input.stepCardId, id);
	}, origin);
	return id;
}

export function linkCards(doc: Y.Doc, fromCardId: string, toCardId: string, origin?: Origin): string {
	if (fromCardId === toCardId) throw new Error('a card cannot link to itself');
	const id = newEntityId();
	doc.transact(() => {
		requireEntry(cardsMap(doc), fromCardId, 'card');
		requireEntry(cardsMap(doc), toCardId, 'card');
		linksMap(doc).set(id, newEntry({ from: fromCardId, to: toCardId }));
	}, origin);
	return id;
}

export function unlinkCards(doc: Y.Doc, linkId: string, origin?: Origin): void {
	doc.transact(() => linksMap(doc).delete(linkId), origin);
}

// Emotion curve --------------------------------------------------------------------------------

/** Sets (or with `null` clears) the emotion score of a stage, for the board or one persona. */
export function setEmotion(doc: Y.Doc, stageId: string, personaId: string | null, score: number | null, origin?: Origin): void {
	doc.transact(() => {
		requireEntry(stagesMap(doc), stageId, 'stage');
		const key = emotionKey(stageId, personaId);
		if (score === null) emotionsMap(doc).delete(key);
		else emotionsMap(doc).set(key, Math.round(Math.min(EMOTION_MAX, Math.max(EMOTION_MIN, score)) * 10) / 10);
	}, origin);
}

// Personas -------------------------------------------------------------------------------------

export function addPersona(doc: Y.Doc, input: { name: string; color: string }, origin?: Origin): string {
	const id = newEntityId();
	doc.transact(() => personasMap(doc).set(id, newEntry(input)), origin);
	return id;
}

/**
 * Takes personas of a customer group onto the board: adds each one (name and colour) that the
 * board does not have yet, in one transaction (one undo step), and scopes the board to the group
 * when it had no scope. Returns the new board persona ids. The figures stay on the server; the
 * board only keeps which persona it stands for.
 */
export function addGroupPersonas(
	doc: Y.Doc,
	personas: readonly { personaId: string; groupId: string; name: string; color: string }[],
	origin?: Origin
): string[] {
	const present = new Set<unknown>([...personasMap(doc).values()].map((entry) => entry.get('sourcePersonaId')));
	const added: string[] = [];
	doc.transact(() => {
		for (const persona of personas) {
			if (present.has(persona.personaId)) continue;
			present.add(persona.personaId);
			const id = newEntityId();
			personasMap(doc).set(
				id,
				newEntry({ name: persona.name, color: persona.color, sourcePersonaId: persona.personaId, sourceGroupId: persona.groupId })
			);
			added.push(id);
		}
		const root = boardRoot(doc);
		const groupIds = new Set(personas.map((p) => p.groupId));
		if (typeof root.get('scopeGroupId') !== 'string' && groupIds.size === 1) root.set('scopeGroupId', [...groupIds][0]!);
	}, origin);
	return added;
}

/** The customer group the map is about (null: the whole workspace). */
export function setBoardScope(doc: Y.Doc, groupId: string | null, origin?: Origin): void {
	doc.transact(() => {
		if (groupId === null) boardRoot(doc).delete('scopeGroupId');
		else boardRoot(doc).set('scopeGroupId', groupId);
	}, origin);
}

/**
 * Brings the board's copies of a group's personas in line with the group as the server has it
 * now: names follow renames, and a persona no longer in the group (`current` lacks it; pass an
 * empty list when the group itself is gone) is marked missing — or unmarked when it came back.
 * Writes only what differs, so editors that run it at the same time agree and add nothing.
 * Returns whether anything changed.
 */
export function followGroupPersonas(
	doc: Y.Doc,
	groupId: string,
	current: readonly { personaId: string; name: string }[],
	origin?: Origin
): boolean {
	const byId = new Map(current.map((p) => [p.personaId, p.name]));
	let changed = false;
	doc.transact(() => {
		for (const entry of personasMap(doc).values()) {
			if (!(entry instanceof Y.Map) || entry.get('sourceGroupId') !== groupId) continue;
			const name = byId.get(entry.get('sourcePersonaId') as string);
			const missing = name === undefined;
			if (missing !== (entry.get('sourceMissing') === true)) {
				if (missing) entry.set('sourceMissing', true);
				else entry.delete('sourceMissing');
				changed = true;
			}
			if (name !== undefined && name.trim() && entry.get('name') !== name) {
				entry.set('name', name);
				changed = true;
			}
		}
	}, origin);
	return changed;
}

export function renamePersona(doc: Y.Doc, id: string, name: string, origin?: Origin): void {
	doc.transact(() => requireEntry(personasMap(doc), id, 'persona').set('name', name), origin);
}

/** Removes a persona and every mark of it: on cards and on the emotion curve. */
export function deletePersona(doc: Y.Doc, id: string, origin?: Origin): void {
	doc.transact(() => {
		personasMap(doc).delete(id);
		for (const entry of cardsMap(doc).values()) {
			if (!(entry instanceof Y.Map)) continue;
			const marks = entry.get('personaIds');
			if (Array.isArray(marks) && marks.includes(id)) entry.set('personaIds', marks.filter((p) => p !== id));
		}
		for (const key of [...emotionsMap(doc).keys()]) {
			if (parseEmotionKey(key)?.personaId === id) emotionsMap(doc).delete(key);
		}
	}, origin);
}

// Whole board ----------------------------------------------------------------------------------

export function isEmptyBoard(doc: Y.Doc): boolean {
	return stagesMap(doc).size === 0 && lanesMap(doc).size === 0 && cardsMap(doc).size === 0;
}

export function stampSchemaVersion(doc: Y.Doc): void {
	boardRoot(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
}
