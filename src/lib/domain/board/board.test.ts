import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	addCard,
	addDriverCause,
	type DriverEvidence,
	addOpportunityWithEstimate,
	attachEstimate,
	bindCard,
	detachEstimate,
	estimateStepState,
	journeySteps,
	type OpportunityEstimate,
	addGroupPersonas,
	followGroupPersonas,
	setBoardScope,
	addLane,
	addPersona,
	addStage,
	applyTemplate,
	copyCards,
	CURRENT_SCHEMA_VERSION,
	deleteCards,
	deleteLane,
	deletePersona,
	deleteStage,
	duplicateCards,
	linkCards,
	migrateBoard,
	moveCards,
	moveLane,
	moveStage,
	pasteCards,
	readBoard,
	renameLane,
	renamePersona,
	renameStage,
	resizeStage,
	setCardText,
	setEmotion,
	setLaneHidden,
	unlinkCards,
	updateCard,
	cardText,
	BOARD_TEMPLATES,
	MAX_STAGE_WIDTH
} from './index';

function grid() {
	const doc = new Y.Doc();
	const stages = ['Orientation', 'Purchase', 'Service'].map((title) => addStage(doc, { title }));
	const lanes = [addLane(doc, { title: 'Website', kind: 'touchpoints' }), addLane(doc, { title: 'Pain points', kind: 'painpoints' })];
	return { doc, stages: stages as [string, string, string], lanes: lanes as [string, string] };
}

const titles = (doc: Y.Doc) => readBoard(doc).stages.map((s) => s.title);
const cellTexts = (doc: Y.Doc, stageId: string, laneId: string) =>
	readBoard(doc).cards.filter((c) => c.stageId === stageId && c.laneId === laneId).map((c) => c.text);

/** Two replicas that exchange every update, like two browsers on one board. */
function pair() {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'));
	b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'));
	return { a, b };
}

describe('stages', () => {
	it('are added in order, inserted at an index, renamed, resized within bounds, moved and deleted', () => {
		const { doc, stages } = grid();
		addStage(doc, { title: 'Consideration', index: 1 });
		expect(titles(doc)).toEqual(['Orientation', 'Consideration', 'Purchase', 'Service']);
		renameStage(doc, stages[0], 'Oriëntatie');
		resizeStage(doc, stages[1], 10_000);
		moveStage(doc, stages[2], 0);
		expect(titles(doc)).toEqual(['Service', 'Oriëntatie', 'Consideration', 'Purchase']);
		expect(readBoard(doc).stages.find((s) => s.id === stages[1])!.width).toBe(MAX_STAGE_WIDTH);
		deleteStage(doc, stages[0]);
		expect(titles(doc)).toEqual(['Service', 'Consideration', 'Purchase']);
	});

	it('take their cards, links and emotion scores with them when deleted', () => {
		const { doc, stages, lanes } = grid();
		const gone = addCard(doc, { type: 'touchpoint', stageId: stages[0], laneId: lanes[0], text: 'Ad' });
		const kept = addCard(doc, { type: 'painpoint', stageId: stages[1], laneId: lanes[1], text: 'Slow' });
		linkCards(doc, kept, gone);
		setEmotion(doc, stages[0], null, 1);
		deleteStage(doc, stages[0]);
		const board = readBoard(doc);
		expect(board.cards.map((c) => c.id)).toEqual([kept]);
		expect(board.links).toEqual([]);
		expect(board.emotions).toEqual([]);
	});

	it('moved concurrently by two people never duplicate or vanish', () => {
		const { a, b } = pair();
		const ids = ['S1', 'S2', 'S3', 'S4'].map((title) => addStage(a, { title }));
		moveStage(a, ids[0]!, 3);
		moveStage(b, ids[0]!, 1);
		moveStage(b, ids[3]!, 0);
		expect(titles(a)).toEqual(titles(b));
		expect([...titles(a)].sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
	});
});

describe('lanes', () => {
	it('are added, renamed, hidden, moved and deleted with their cards', () => {
		const { doc, stages, lanes } = grid();
		addCard(doc, { type: 'painpoint', stageId: stages[0], laneId: lanes[1], text: 'x' });
		const chat = addLane(doc, { title: 'Chat', kind: 'touchpoints', index: 0 });
		renameLane(doc, lanes[0], 'Webshop');
		setLaneHidden(doc, lanes[0], true);
		moveLane(doc, chat, 2);
		expect(readBoard(doc).lanes.map((l) => [l.title, l.hidden])).toEqual([
			['Webshop', true],
			['Pain points', false],
			['Chat', false]
		]);
		deleteLane(doc, lanes[1]);
		expect(readBoard(doc).lanes.map((l) => l.title)).toEqual(['Webshop', 'Chat']);
		expect(readBoard(doc).cards).toEqual([]);
	});
});

describe('cards', () => {
	it('are created in a cell with their properties and edited', () => {
		const { doc, stages, lanes } = grid();
		const id = addCard(doc, {
			type: 'dropoff',
			stageId: stages[1],
			laneId: lanes[1],
			text: 'Delivery costs unclear',
			dropOffCategory: 'unclear_information',
			severity: 3,
			createdBy: 'user-1'
		});
		updateCard(doc, id, { color: 'pink', tags: ['checkout'], severity: 2 });
		setCardText(doc, id, 'Delivery costs shown too late');
		cardText(doc, id)!.insert(0, '⚠ ');
		const card = readBoard(doc).cards[0]!;
		expect(card).toMatchObject({
			type: 'dropoff',
			text: '⚠ Delivery costs shown too late',
			color: 'pink',
			tags: ['checkout'],
			severity: 2,
			dropOffCategory: 'unclear_information',
			createdBy: 'user-1'
		});
	});

	it('refuse to be placed in a stage or lane that does not exist', () => {
		const { doc, stages } = grid();
		expect(() => addCard(doc, { type: 'note', stageId: stages[0], laneId: 'nope' })).toThrow(/lane nope/);
	});

	it('move across cells keeping their relative order, and within a cell to an index', () => {
		const { doc, stages, lanes } = grid();
		const [a, b, c] = ['a', 'b', 'c'].map((text) => addCard(doc, { type: 'note', stageId: stages[0], laneId: lanes[0], text }));
		addCard(doc, { type: 'note', stageId: stages[1], laneId: lanes[1], text: 'z' });
		moveCards(doc, [c!, a!], { stageId: stages[1], laneId: lanes[1], index: 0 });
		expect(cellTexts(doc, stages[1], lanes[1])).toEqual(['c', 'a', 'z']);
		expect(cellTexts(doc, stages[0], lanes[0])).toEqual(['b']);
		moveCards(doc, [b!], { stageId: stages[1], laneId: lanes[1], index: 1 });
		expect(cellTexts(doc, stages[1], lanes[1])).toEqual(['c', 'b', 'a', 'z']);
	});

	it('are duplicated next to the original, deleted with their links, and linked', () => {
		const { doc, stages, lanes } = grid();
		const a = addCard(doc, { type: 'touchpoint', stageId: stages[0], laneId: lanes[0], text: 'a', tags: ['t'] });
		const b = addCard(doc, { type: 'touchpoint', stageId: stages[0], laneId: lanes[0], text: 'b' });
		const [copy] = duplicateCards(doc, [a], 'me');
		expect(cellTexts(doc, stages[0], lanes[0])).toEqual(['a', 'a', 'b']);
		expect(readBoard(doc).cards.find((c) => c.id === copy)).toMatchObject({ tags: ['t'], createdBy: 'me' });
		const link = linkCards(doc, a, b);
		expect(readBoard(doc).links).toEqual([{ id: link, fromCardId: a, toCardId: b }]);
		unlinkCards(doc, link);
		linkCards(doc, a, b);
		deleteCards(doc, [a]);
		expect(readBoard(doc).links).toEqual([]);
		expect(() => linkCards(doc, b, b)).toThrow();
	});

	it('copy to plain data and paste into another board, dropping unknown persona marks', () => {
		const source = grid();
		const persona = addPersona(source.doc, { name: 'Anna', color: '#f00' });
		addCard(source.doc, { type: 'painpoint', stageId: source.stages[0], laneId: source.lanes[1], text: 'slow', severity: 3, personaIds: [persona] });
		const clipboard = JSON.parse(JSON.stringify(copyCards(source.doc, readBoard(source.doc).cards.map((c) => c.id))));
		const target = grid();
		const [pasted] = pasteCards(target.doc, clipboard, { stageId: target.stages[2], laneId: target.lanes[0] }, 'me');
		expect(readBoard(target.doc).cards.find((c) => c.id === pasted)).toMatchObject({
			text: 'slow',
			severity: 3,
			personaIds: [],
			stageId: target.stages[2],
			createdBy: 'me'
		});
	});

	it('keep a concurrent edit elsewhere in the text when a whole new value is set', () => {
		const { doc: a, stages, lanes } = grid();
		const id = addCard(a, { type: 'note', stageId: stages[0], laneId: lanes[0], text: 'the checkout page' });
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		setCardText(a, id, 'the slow checkout page');
		setCardText(b, id, 'the checkout page!');
		Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		expect(readBoard(a).cards[0]!.text).toBe('the slow checkout page!');
		expect(readBoard(b).cards[0]!.text).toBe('the slow checkout page!');
	});

	it('edited in the same text by two people keep both edits', () => {
		const { a, b } = pair();
		const stage = addStage(a, { title: 'S' });
		const lane = addLane(a, { title: 'L', kind: 'actions' });
		const id = addCard(a, { type: 'note', stageId: stage, laneId: lane, text: 'checkout' });
		cardText(a, id)!.insert(0, 'slow ');
		cardText(b, id)!.insert(cardText(b, id)!.length, ' page');
		expect(readBoard(a).cards[0]!.text).toBe('slow checkout page');
		expect(readBoard(b).cards[0]!.text).toBe('slow checkout page');
	});
});

describe('emotion curve and personas', () => {
	it('keeps one score per stage and persona, clamped to −2…+2, and clears it', () => {
		const { doc, stages } = grid();
		const anna = addPersona(doc, { name: 'Anna', color: '#f00' });
		setEmotion(doc, stages[0], null, 5);
		setEmotion(doc, stages[0], anna, -1.26);
		setEmotion(doc, stages[1], null, 1);
		setEmotion(doc, stages[1], null, null);
		expect(readBoard(doc).emotions).toEqual([
			{ stageId: stages[0], personaId: null, score: 2 },
			{ stageId: stages[0], personaId: anna, score: -1.3 }
		]);
	});

	it('renames personas, and deleting one removes its marks from cards and the curve', () => {
		const { doc, stages, lanes } = grid();
		const anna = addPersona(doc, { name: 'Anna', color: '#f00' });
		const bram = addPersona(doc, { name: 'Bram', color: '#00f' });
		renamePersona(doc, anna, 'Anna (student)');
		addCard(doc, { type: 'note', stageId: stages[0], laneId: lanes[0], personaIds: [anna, bram] });
		setEmotion(doc, stages[0], anna, 1);
		deletePersona(doc, anna);
		const board = readBoard(doc);
		expect(board.personas.map((p) => p.name)).toEqual(['Bram']);
		expect(board.cards[0]!.personaIds).toEqual([bram]);
		expect(board.emotions).toEqual([]);
	});

	it("takes a group's personas onto the board once, in one transaction, remembering which persona each stands for", () => {
		const { doc } = grid();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		const group = [
			{ personaId: 'p1', groupId: 'g1', name: 'App regulars', color: '#1f6f8b' },
			{ personaId: 'p2', groupId: 'g1', name: 'Store spenders', color: '#d1495b' }
		];
		expect(addGroupPersonas(doc, group)).toHaveLength(2);
		expect(transactions).toBe(1);
		expect(addGroupPersonas(doc, group)).toEqual([]);
		const personas = readBoard(doc).personas;
		expect(personas.map((p) => [p.name, p.source])).toEqual([
			['App regulars', { personaId: 'p1', groupId: 'g1', missing: false }],
			['Store spenders', { personaId: 'p2', groupId: 'g1', missing: false }]
		]);
		expect(readBoard(doc).scopeGroupId).toBe('g1');
		addPersona(doc, { name: 'Hand-drawn', color: '#000' });
		expect(readBoard(doc).personas.find((p) => p.name === 'Hand-drawn')?.source).toBeNull();
	});

	it('keeps the scope it has when personas of another group are added, and can be cleared', () => {
		const { doc } = grid();
		addGroupPersonas(doc, [{ personaId: 'p1', groupId: 'g1', name: 'A', color: '#000' }]);
		addGroupPersonas(doc, [{ personaId: 'q1', groupId: 'g2', name: 'B', color: '#000' }]);
		expect(readBoard(doc).scopeGroupId).toBe('g1');
		setBoardScope(doc, 'g2');
		expect(readBoard(doc).scopeGroupId).toBe('g2');
		setBoardScope(doc, null);
		expect(readBoard(doc).scopeGroupId).toBeNull();
	});

	it("follows the group's personas: renames, personas that left the group and came back; writes only what differs", () => {
		const { doc } = grid();
		addGroupPersonas(doc, [
			{ personaId: 'p1', groupId: 'g1', name: 'Persona A', color: '#000' },
			{ personaId: 'p2', groupId: 'g1', name: 'Persona B', color: '#111' }
		]);
		const own = addPersona(doc, { name: 'Persona A', color: '#222' });
		let transactionsWithChanges = 0;
		doc.on('afterTransaction', (tr: Y.Transaction) => {
			if (tr.changed.size) transactionsWithChanges++;
		});
		expect(followGroupPersonas(doc, 'g1', [{ personaId: 'p1', name: 'Weekend browsers' }])).toBe(true);
		const after = readBoard(doc).personas;
		expect(after.map((p) => [p.name, p.source?.missing ?? null]).sort()).toEqual([
			['Persona A', null],
			['Persona B', true],
			['Weekend browsers', false]
		]);
		expect(after.find((p) => p.id === own)?.name).toBe('Persona A');
		// The same state again changes nothing and writes nothing.
		expect(followGroupPersonas(doc, 'g1', [{ personaId: 'p1', name: 'Weekend browsers' }])).toBe(false);
		expect(transactionsWithChanges).toBe(1);
		followGroupPersonas(doc, 'g1', [
			{ personaId: 'p1', name: 'Weekend browsers' },
			{ personaId: 'p2', name: 'Persona B' }
		]);
		expect(readBoard(doc).personas.every((p) => !p.source?.missing)).toBe(true);
		// Another group's follow leaves these alone.
		followGroupPersonas(doc, 'g2', []);
		expect(readBoard(doc).personas.every((p) => !p.source?.missing)).toBe(true);
	});
});

describe('reading malformed documents', () => {
	it('leaves out what is broken, lists it, and never throws', () => {
		const { doc, stages, lanes } = grid();
		addCard(doc, { type: 'note', stageId: stages[0], laneId: lanes[0], text: 'fine' });
		doc.transact(() => {
			doc.getMap('cards').set('junk', 42);
			const noType = new Y.Map();
			noType.set('stageId', stages[0]);
			noType.set('laneId', lanes[0]);
			doc.getMap('cards').set('no-type', noType);
			const orphan = new Y.Map();
			orphan.set('type', 'note');
			orphan.set('stageId', 'gone');
			orphan.set('laneId', lanes[0]);
			doc.getMap('cards').set('orphan', orphan);
			const weird = new Y.Map();
			weird.set('title', 7);
			weird.set('width', 'wide');
			doc.getMap('stages').set('weird', weird);
			doc.getMap('emotions').set('nonsense', 9);
			doc.getMap('emotions').set(`${stages[0]}|*`, 'high');
		});
		const board = readBoard(doc);
		expect(board.cards.map((c) => c.text)).toEqual(['fine']);
		expect(board.problems).toHaveLength(3);
		expect(board.stages.find((s) => s.id === 'weird')).toMatchObject({ title: '', width: 280 });
		expect(board.emotions).toEqual([]);
	});
});

describe('schema versions', () => {
	it('migrates a pre-release document (plain-string card text, no stage width) in one step', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			const stage = new Y.Map();
			stage.set('title', 'Old stage');
			stage.set('order', 'a0');
			doc.getMap('stages').set('s', stage);
			const lane = new Y.Map();
			lane.set('title', 'Old lane');
			lane.set('kind', 'actions');
			lane.set('order', 'a0');
			doc.getMap('lanes').set('l', lane);
			const card = new Y.Map();
			card.set('type', 'note');
			card.set('stageId', 's');
			card.set('laneId', 'l');
			card.set('text', 'typed long ago');
			doc.getMap('cards').set('c', card);
		});
		expect(readBoard(doc).cards[0]!.text).toBe('typed long ago');
		const updates: Uint8Array[] = [];
		doc.on('update', (u: Uint8Array) => updates.push(u));
		expect(migrateBoard(doc)).toBe('migrated');
		expect(updates).toHaveLength(1);
		expect(cardText(doc, 'c')!.toString()).toBe('typed long ago');
		expect(readBoard(doc).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
		expect(doc.getMap('stages').get('s') instanceof Y.Map && (doc.getMap('stages').get('s') as Y.Map<unknown>).get('width')).toBe(280);
		expect(migrateBoard(doc)).toBe('current');
	});

	it('leaves a document from a newer version alone', () => {
		const doc = new Y.Doc();
		doc.getMap('board').set('schemaVersion', CURRENT_SCHEMA_VERSION + 1);
		expect(migrateBoard(doc)).toBe('newer');
	});
});

describe('templates', () => {
	it.each(BOARD_TEMPLATES)('%s builds a valid board in English and Dutch', (template) => {
		for (const locale of ['en', 'nl'] as const) {
			const doc = new Y.Doc();
			applyTemplate(doc, template, locale);
			const board = readBoard(doc);
			expect(board.problems).toEqual([]);
			expect(board.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
			expect(board.stages.length).toBeGreaterThanOrEqual(5);
			expect(board.lanes.length).toBeGreaterThanOrEqual(5);
		}
	});

	it('speaks the chosen language', () => {
		const doc = new Y.Doc();
		applyTemplate(doc, 'webshop', 'nl');
		expect(readBoard(doc).stages.map((s) => s.title)).toContain('Oriëntatie');
		expect(readBoard(doc).lanes.map((l) => l.title)).toContain('Afhaakredenen');
	});
});

describe('the measured journey', () => {
	it('binds touchpoints and actions to event types and lists them as steps in stage order, alternatives together', () => {
		const doc = new Y.Doc();
		const [first, second, third] = [0, 1, 2].map((index) => addStage(doc, { title: `S${index}`, index }));
		const web = addLane(doc, { title: 'Web', kind: 'touchpoints' });
		const app = addLane(doc, { title: 'App', kind: 'touchpoints' });
		const pains = addLane(doc, { title: 'Pains', kind: 'painpoints' });
		const viewWeb = addCard(doc, { type: 'touchpoint', stageId: first!, laneId: web });
		const viewApp = addCard(doc, { type: 'touchpoint', stageId: first!, laneId: app });
		addCard(doc, { type: 'touchpoint', stageId: second!, laneId: web }); // not bound: stage skipped
		const buy = addCard(doc, { type: 'action', stageId: third!, laneId: app });
		const pain = addCard(doc, { type: 'painpoint', stageId: third!, laneId: pains });

		bindCard(doc, viewApp, ['view_product', ' view_product ', 'app_open']);
		bindCard(doc, viewWeb, ['view_product']);
		bindCard(doc, buy, ['purchase']);
		expect(() => bindCard(doc, pain, ['complaint'])).toThrow(/cannot be bound/);

		const steps = journeySteps(readBoard(doc));
		expect(steps).toEqual([
			{ cardId: viewWeb, stageId: first, laneId: web, stage: 0, eventTypes: ['view_product'] },
			{ cardId: viewApp, stageId: first, laneId: app, stage: 0, eventTypes: ['view_product', 'app_open'] },
			{ cardId: buy, stageId: third, laneId: app, stage: 1, eventTypes: ['purchase'] }
		]);
		bindCard(doc, viewWeb, []);
		expect(journeySteps(readBoard(doc)).map((s) => s.cardId)).toEqual([viewApp, buy]);
	});
});

describe('opportunities carrying a what-if', () => {
	function measured() {
		const doc = new Y.Doc();
		const stage = addStage(doc, { title: 'Consider' });
		const web = addLane(doc, { title: 'Web', kind: 'touchpoints' });
		const chances = addLane(doc, { title: 'Opportunities', kind: 'opportunities' });
		const step = addCard(doc, { type: 'touchpoint', stageId: stage, laneId: web, text: 'Compare' });
		bindCard(doc, step, ['compare']);
		return { doc, stage, web, chances, step };
	}
	const estimate = (stepCardId: string): OpportunityEstimate => ({
		stepCardId,
		lever: 'csat',
		points: 10,
		horizonDays: 90,
		groupId: 'g1',
		personaId: null,
		channel: null,
		snapshot: { extraReachedNext: 85.5, extraFinalConversions: 40, extraRevenue: 4000, extraClv: 12300, computedAt: '2026-05-04T10:00:00.000Z', datasetVersion: 3 }
	});

	it('stores only the question and a snapshot of figures on the opportunity, and undoes the new card in one step', () => {
		const { doc, stage, chances, step } = measured();
		const undo = new Y.UndoManager([...doc.share.values()] as Y.AbstractType<unknown>[], { trackedOrigins: new Set(['me']) });
		const id = addOpportunityWithEstimate(doc, { stageId: stage, laneId: chances, text: 'Raise CSAT at comparing', createdBy: 'u1' }, estimate(step), 'me');
		const card = readBoard(doc).cards.find((c) => c.id === id)!;
		expect(card).toMatchObject({ type: 'opportunity', stageId: stage, laneId: chances, text: 'Raise CSAT at comparing', createdBy: 'u1' });
		expect(card.estimate).toEqual(estimate(step));
		undo.undo();
		expect(readBoard(doc).cards.map((c) => c.id)).toEqual([step]);
		undo.redo();
		expect(readBoard(doc).cards.find((c) => c.id === id)?.estimate).toEqual(estimate(step));
	});

	it('attaches to an existing opportunity (replacing its estimate), detaches, and refuses other cards', () => {
		const { doc, stage, chances, web, step } = measured();
		const chance = addCard(doc, { type: 'opportunity', stageId: stage, laneId: chances, text: 'Clearer delivery costs' });
		const undo = new Y.UndoManager([...doc.share.values()] as Y.AbstractType<unknown>[], { trackedOrigins: new Set(['me']) });
		attachEstimate(doc, chance, estimate(step), 'me');
		undo.stopCapturing();
		attachEstimate(doc, chance, { ...estimate(step), lever: 'drop-off', points: 5 }, 'me');
		expect(readBoard(doc).cards.find((c) => c.id === chance)?.estimate).toMatchObject({ lever: 'drop-off', points: 5 });
		undo.undo();
		expect(readBoard(doc).cards.find((c) => c.id === chance)?.estimate).toMatchObject({ lever: 'csat', points: 10 });
		detachEstimate(doc, chance);
		expect(readBoard(doc).cards.find((c) => c.id === chance)?.estimate).toBeNull();

		const note = addCard(doc, { type: 'note', stageId: stage, laneId: web });
		expect(() => attachEstimate(doc, note, estimate(step))).toThrow(/cannot carry an estimate/);
		expect(() => attachEstimate(doc, chance, estimate('gone'))).toThrow(/does not exist/);
		expect(() => attachEstimate(doc, chance, estimate(note))).toThrow(/not a journey step/);
		expect(() => attachEstimate(doc, chance, { ...estimate(step), horizonDays: 0 })).toThrow(/malformed/);
		expect(() => addOpportunityWithEstimate(doc, { stageId: stage, laneId: chances, text: '' }, estimate('gone'))).toThrow();
		expect(readBoard(doc).cards.filter((c) => c.type === 'opportunity')).toHaveLength(1);
	});

	it('keeps the estimate with its card: copies and duplicates go without it', () => {
		const { doc, stage, chances, step } = measured();
		const id = addOpportunityWithEstimate(doc, { stageId: stage, laneId: chances, text: 'Chance' }, estimate(step));
		expect(copyCards(doc, [id])[0]).not.toHaveProperty('estimate');
		const [copy] = duplicateCards(doc, [id]);
		expect(readBoard(doc).cards.find((c) => c.id === copy)?.estimate).toBeNull();
	});

	it('says when the step behind an estimate was unbound or deleted', () => {
		const { doc, stage, chances, step } = measured();
		const id = addOpportunityWithEstimate(doc, { stageId: stage, laneId: chances, text: 'Chance' }, estimate(step));
		const stored = () => readBoard(doc).cards.find((c) => c.id === id)!.estimate!;
		expect(estimateStepState(readBoard(doc), stored())).toBe('measured');
		bindCard(doc, step, []);
		expect(estimateStepState(readBoard(doc), stored())).toBe('unbound');
		deleteCards(doc, [step]);
		expect(estimateStepState(readBoard(doc), stored())).toBe('deleted');
		// The snapshot stays readable after its step is gone.
		expect(stored().snapshot.extraClv).toBe(12300);
	});

	it('reads a malformed estimate from an old or broken client as none', () => {
		const { doc, stage, chances, step } = measured();
		const id = addOpportunityWithEstimate(doc, { stageId: stage, laneId: chances, text: 'Chance' }, estimate(step));
		const entry = doc.getMap<Y.Map<unknown>>('cards').get(id)!;
		for (const broken of ['yes', [1], { ...estimate(step), lever: 'price' }, { ...estimate(step), snapshot: { extraClv: 'lots' } }, { ...estimate(step), points: Number.NaN }]) {
			entry.set('estimate', broken);
			expect(readBoard(doc).cards.find((c) => c.id === id)?.estimate).toBeNull();
		}
	});
});

describe('drop-off cause cards from a driver', () => {
	const evidence = (stepCardId: string): DriverEvidence => ({
		stepCardId,
		trait: { kind: 'event', eventType: 'contact_customer_service', atLeast: 2 },
		oddsRatio: 3.8,
		low: 3.3,
		high: 4.4,
		dropOffWith: 0.36,
		dropOffWithout: 0.12,
		customersWith: 1455,
		customersWithout: 4545,
		period: { from: '2026-01-01', to: '2026-03-31' },
		groupId: null,
		personaId: null,
		channel: 'web',
		computedAt: '2026-04-01T09:00:00.000Z',
		datasetVersion: 4
	});
	function measured() {
		const doc = new Y.Doc();
		const stage = addStage(doc, { title: 'Visit' });
		const web = addLane(doc, { title: 'Web', kind: 'touchpoints' });
		const step = addCard(doc, { type: 'touchpoint', stageId: stage, laneId: web, text: 'Visit' });
		bindCard(doc, step, ['visit']);
		return { doc, stage, web, step };
	}

	it('puts the card in the step’s stage, in a new drop-off lane, linked to the step, with its evidence — one undo step', () => {
		const { doc, stage, step } = measured();
		const undo = new Y.UndoManager([...doc.share.values()] as Y.AbstractType<unknown>[], { trackedOrigins: new Set(['me']) });
		const id = addDriverCause(doc, { stepCardId: step, text: 'Contacted service twice', evidence: evidence(step), laneTitle: 'Drop-off', createdBy: 'u1' }, 'me');
		const board = readBoard(doc);
		const card = board.cards.find((c) => c.id === id)!;
		const lane = board.lanes.find((l) => l.id === card.laneId)!;
		expect(lane).toMatchObject({ kind: 'dropoffs', title: 'Drop-off' });
		expect(card).toMatchObject({ type: 'dropoff', stageId: stage, text: 'Contacted service twice', dropOffCategory: null, createdBy: 'u1' });
		expect(card.evidence).toEqual(evidence(step));
		expect(board.links.some((l) => l.fromCardId === step && l.toCardId === id)).toBe(true);
		undo.undo();
		expect(readBoard(doc).cards.map((c) => c.id)).toEqual([step]);
		expect(readBoard(doc).lanes.some((l) => l.kind === 'dropoffs')).toBe(false);
	});

	it('uses the board’s drop-off lane when it has one, and refuses evidence of another step or a card that is no step', () => {
		const { doc, stage, web, step } = measured();
		const dropoffs = addLane(doc, { title: 'Afhakers', kind: 'dropoffs' });
		const id = addDriverCause(doc, { stepCardId: step, text: 'x', evidence: evidence(step), laneTitle: 'Drop-off', createdBy: null });
		expect(readBoard(doc).cards.find((c) => c.id === id)?.laneId).toBe(dropoffs);
		const note = addCard(doc, { type: 'note', stageId: stage, laneId: web });
		expect(() => addDriverCause(doc, { stepCardId: step, text: 'x', evidence: evidence('other'), laneTitle: 'D', createdBy: null })).toThrow(/malformed/);
		expect(() => addDriverCause(doc, { stepCardId: note, text: 'x', evidence: evidence(note), laneTitle: 'D', createdBy: null })).toThrow(/not a journey step/);
		expect(() => addDriverCause(doc, { stepCardId: step, text: 'x', evidence: { ...evidence(step), oddsRatio: Number.NaN }, laneTitle: 'D', createdBy: null })).toThrow(/malformed/);
		expect(readBoard(doc).cards.filter((c) => c.type === 'dropoff')).toHaveLength(1);
	});

	it('keeps the evidence with its card: copies and duplicates go without it', () => {
		const { doc, step } = measured();
		const id = addDriverCause(doc, { stepCardId: step, text: 'x', evidence: evidence(step), laneTitle: 'D', createdBy: null });
		expect(copyCards(doc, [id])[0]).not.toHaveProperty('evidence');
		const [copy] = duplicateCards(doc, [id]);
		expect(readBoard(doc).cards.find((c) => c.id === copy)?.evidence).toBeNull();
	});
});
