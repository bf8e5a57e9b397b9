import { basename, join } from 'node:path';
import { rmSync } from 'node:fs';
import * as Y from 'yjs';
import { setTimeout as sleep } from 'node:timers/promises';
import { personaColour } from '$lib/charts/palette';
import { addCard, addGroupPersonas, applyTemplate, bindCard, readBoard } from '$lib/domain/board';
import { RFM_SEGMENTS, TOP_20_PRESET, type GroupRule } from '$lib/domain/groups';
import { newId } from '../ids';
import { generateDemoData } from '../demo-data';
import { collabServer } from '../collab';
import { importServerFile } from '../imports';
import { startDerivation } from '../personas';
import { writeDemoCsvFiles } from './csv-files';
import { config } from '../config';
import * as db from '../db';
import { hashPassword } from '../auth';

export const DEMO_EMAIL = 'demo@waymark.local';
export const DEMO_PASSWORD = 'waymark-demo';

/**
 * On a fresh, empty database, creates a demo account with a demo workspace so that a
 * newcomer has something to open. WAYMARK_DEMO=off turns this off (tests, real deployments).
 */
export async function seedDemoIfEmpty(): Promise<void> {
	if (!config.demo || db.countUsers() > 0) return;
	const user = db.insertUser({
		email: DEMO_EMAIL,
		name: 'Demo',
		passwordHash: await hashPassword(DEMO_PASSWORD)
	});
	const workspace = db.insertWorkspace('Demo workspace', user.id);
	const board = db.insertBoard(
		{ workspaceId: workspace.id, title: 'Online order journey', template: 'webshop', createdBy: user.id },
		demoBoardUpdate()
	);
	if (config.demoCustomers > 0) {
		seedDemoGroups(workspace.id, user.id);
		// In the background: the server answers at once, the data arrives in the demo workspace
		// through the ordinary import jobs (customers first, then what refers to them).
		void loadDemoCustomerData(workspace.id, user, config.demoCustomers)
			.then((loaded) => (loaded ? deriveDemoPersonas(workspace.id, user, board.id) : undefined))
			.catch((error) => console.error('[waymark] Could not load the demo customer data', error));
	}
	console.log(
		`[waymark] Demo account created — e-mail: ${DEMO_EMAIL}  password: ${DEMO_PASSWORD}` +
			' (set WAYMARK_DEMO=off to skip this)'
	);
}

const DEMO_IMPORT_ORDER = [
	['customer', 'customers'],
	['transaction', 'transactions'],
	['event', 'events'],
	['survey', 'surveys']
] as const;

/**
 * Generates the seeded demo retailer as Dutch CSV exports and imports them like any upload.
 * Resolves when the imports are over: true when every one of them went in.
 */
async function loadDemoCustomerData(workspaceId: string, user: db.User, customers: number): Promise<boolean> {
	const dir = join(config.imports.uploadDir, `demo-${workspaceId}`);
	const files = await writeDemoCsvFiles(generateDemoData({ customers, seed: 42 }), dir, 'nl');
	const importIds = DEMO_IMPORT_ORDER.map(
		([table, kind]) => importServerFile({ workspaceId, createdBy: user.id, kind, path: files[table].path, fileName: basename(files[table].path) }).id
	);
	rmSync(dir, { recursive: true, force: true });
	console.log(`[waymark] Demo customer data (${customers} customers) is being imported into the demo workspace`);
	const statuses = await Promise.all(importIds.map((id) => settled(() => db.findImport(id)?.status)));
	return statuses.every((status) => status === 'done');
}

/** The demo group whose personas the demo derives and puts on the demo map. */
export const DEMO_PERSONA_GROUP = TOP_20_PRESET.name.en;

/**
 * Derives the personas of the demo's most valuable customers, as a team would on the personas
 * page, and takes them onto the demo map (which is then about that group), so a newcomer sees
 * personas with their evidence and can cut the journey's figures by one.
 */
async function deriveDemoPersonas(workspaceId: string, user: db.User, boardId: string): Promise<void> {
	const group = db.findGroupByName(workspaceId, DEMO_PERSONA_GROUP);
	if (!group) return;
	const derivation = startDerivation(user, group.id, { k: 'auto', seed: 42 });
	if ((await settled(() => db.findDerivation(derivation.id)?.status)) !== 'done') return;
	const personas = db.listPersonas(group.id).map((persona, index) => ({
		personaId: persona.id,
		groupId: group.id,
		name: persona.name,
		color: personaColour(index)
	}));
	addGroupPersonas(collabServer().openRoom(boardId, workspaceId).doc, personas, DEMO_ORIGIN);
	console.log(`[waymark] Demo personas (${personas.length}) derived for "${DEMO_PERSONA_GROUP}" and added to the demo map`);
}

const DEMO_ORIGIN = 'demo';

/** Waits for a background job to end (any status but queued or running); undefined when it vanished. */
async function settled(status: () => string | undefined): Promise<string | undefined> {
	for (;;) {
		const current = status();
		if (current !== 'queued' && current !== 'running') return current;
		await sleep(500);
	}
}

/** Groups on each basis of the domain, so that the groups page shows what a team would build. */
function seedDemoGroups(workspaceId: string, userId: string): void {
	const handMade: { name: string; description: string; basis: db.GroupBasisValue; rule: GroupRule }[] = [
		{
			name: 'Home cooks',
			description: 'Customers who name cooking among their interests',
			basis: 'needs',
			rule: { match: 'all', conditions: [{ field: 'interests', op: 'includes', value: 'koken' }] }
		},
		{
			name: 'Loyalty members open to contact',
			description: 'In the loyalty programme and opted in: the relationship-willing',
			basis: 'relationship',
			rule: {
				match: 'all',
				conditions: [
					{ field: 'loyaltyMember', op: 'isTrue' },
					{ field: 'optIn', op: 'isTrue' }
				]
			}
		}
	];
	const presets = [TOP_20_PRESET, ...RFM_SEGMENTS].map((preset) => ({
		name: preset.name.en,
		description: preset.description.en,
		basis: preset.basis,
		rule: preset.rule
	}));
	for (const group of [...handMade, ...presets]) {
		db.insertGroup({ ...group, id: newId(), workspaceId, createdBy: userId });
	}
}

/**
 * The demo map: the webshop template with its online steps bound to the demo data's journey
 * events, so its metrics lane shows real figures from the first start.
 */
function demoBoardUpdate(): Uint8Array {
	const doc = new Y.Doc();
	applyTemplate(doc, 'webshop', 'en');
	const board = readBoard(doc);
	const cardWith = (text: string) => board.cards.find((card) => card.text === text)?.id;
	const stageId = (title: string) => board.stages.find((stage) => stage.title === title)?.id;
	const actions = board.lanes.find((lane) => lane.kind === 'actions')?.id;
	const product = cardWith('Lands on a product page from search');
	const checkout = cardWith('Checkout');
	if (product) bindCard(doc, product, ['visit_product_page']);
	if (actions && stageId('Consideration')) {
		const cart = addCard(doc, { type: 'action', stageId: stageId('Consideration')!, laneId: actions, text: 'Puts a product in the cart' });
		bindCard(doc, cart, ['add_to_cart']);
	}
	if (checkout) bindCard(doc, checkout, ['checkout_started']);
	if (actions && stageId('Use')) {
		const paid = addCard(doc, { type: 'action', stageId: stageId('Use')!, laneId: actions, text: 'Pays and receives the order' });
		bindCard(doc, paid, ['purchase']);
	}
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
