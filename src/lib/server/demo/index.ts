import { basename, join } from 'node:path';
import { rmSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { personaColour } from '$lib/charts/palette';
import { addGroupPersonas } from '$lib/domain/board';
import { newId } from '../ids';
import { generateDemoData, type TableKind } from '../demo-data';
import { announceBatch, type BatchHandle } from '../arrivals';
import { collabServer } from '../collab';
import { importServerFile } from '../imports';
import { startDerivation } from '../personas';
import { writeDemoCsvFiles } from './csv-files';
import { demoBoardUpdate } from './board';
import { demoGroups } from './groups';
import type { DemoLocale } from './locale';
import { config } from '../config';
import * as db from '../db';
import { hashPassword, verifyPassword } from '../auth';

export const DEMO_EMAIL = 'demo@waymark.local';
export const DEMO_PASSWORD = 'waymark-demo';

const WORDS = {
	workspace: { en: 'Demo workspace', nl: 'Demowerkruimte' },
	board: { en: 'Online order journey', nl: 'Klantreis online bestelling' }
} satisfies Record<string, Record<DemoLocale, string>>;

/**
 * On a fresh, empty database, creates a demo account with a demo workspace so that a newcomer
 * has something to open, in the demo's language (WAYMARK_DEMO_LOCALE). WAYMARK_DEMO=off turns
 * this off (tests, real deployments).
 */
export async function seedDemoIfEmpty(): Promise<void> {
	if (!config.demo || db.countUsers() > 0) return;
	const locale = config.demoLocale;
	const user = db.insertUser({ email: DEMO_EMAIL, name: 'Demo', passwordHash: await hashPassword(DEMO_PASSWORD) });
	const workspace = db.insertWorkspace(WORDS.workspace[locale], user.id);
	const board = db.insertBoard(
		{ workspaceId: workspace.id, title: WORDS.board[locale], template: 'webshop', createdBy: user.id },
		demoBoardUpdate(locale)
	);
	console.log(`[waymark] Demo account created, in ${locale === 'nl' ? 'Dutch' : 'English'} (WAYMARK_DEMO_LOCALE)`);
	if (config.demoCustomers === 0) return;
	let personaGroupId: string | null = null;
	for (const { personas, ...group } of demoGroups(locale)) {
		const created = db.insertGroup({ ...group, id: newId(), workspaceId: workspace.id, createdBy: user.id });
		if (personas) personaGroupId = created.id;
	}
	// Announced before the server answers: from the first page on, the data is shown as on its way.
	const arrival = announceBatch(workspace.id, DEMO_IMPORT_ORDER.map(([, kind]) => kind));
	// In the background: the server answers at once, the data arrives in the demo workspace through
	// the ordinary import jobs (customers first, then what refers to them).
	void loadDemoCustomerData(workspace.id, user, config.demoCustomers, locale, arrival)
		.then((loaded) => (loaded && personaGroupId ? deriveDemoPersonas(workspace.id, user, board.id, personaGroupId) : undefined))
		.catch((error) => console.error('[waymark] Could not load the demo customer data', error))
		.finally(() => arrival.end());
	console.log(`[waymark] Demo customer data (${config.demoCustomers} customers) is on its way into the demo workspace`);
}

/**
 * The demo log-in, to print as the last lines of the start-up: while the demo account exists and
 * still has its published password (not once someone changed it).
 */
export async function demoLogIn(): Promise<string | null> {
	if (!config.demo) return null;
	const user = db.findUserByEmail(DEMO_EMAIL);
	if (!user || !(await verifyPassword(user.passwordHash, DEMO_PASSWORD))) return null;
	return `Demo log-in — e-mail: ${DEMO_EMAIL}  password: ${DEMO_PASSWORD} (WAYMARK_DEMO=off skips the demo)`;
}

/** Generated tables and the import kind each goes in as, in the order they must go in. */
const DEMO_IMPORT_ORDER: [TableKind, db.ImportKind][] = [
	['customer', 'customers'],
	['transaction', 'transactions'],
	['event', 'events'],
	['survey', 'surveys'],
	// What each customer spends in a category at all shops: the demo's share of wallet.
	['categorySpend', 'category_spend']
];

/**
 * Generates the seeded demo retailer as CSV exports — a Dutch Excel export for a Dutch demo,
 * English headers otherwise — and imports them like any upload. Resolves when the imports are
 * over: true when every one of them went in.
 */
async function loadDemoCustomerData(
	workspaceId: string,
	user: db.User,
	customers: number,
	locale: DemoLocale,
	arrival: BatchHandle
): Promise<boolean> {
	const dir = join(config.imports.uploadDir, `demo-${workspaceId}`);
	let written = 0;
	const files = await writeDemoCsvFiles(generateDemoData({ customers, seed: 42 }), dir, locale, async () => {
		arrival.preparing(++written / customers);
	});
	const importIds = DEMO_IMPORT_ORDER.map(
		([table, kind]) =>
			importServerFile({ workspaceId, createdBy: user.id, kind, path: files[table].path, fileName: basename(files[table].path) }).id
	);
	arrival.importing(importIds);
	rmSync(dir, { recursive: true, force: true });
	const statuses = await Promise.all(importIds.map((id) => settled(() => db.findImport(id)?.status)));
	return statuses.every((status) => status === 'done');
}

/**
 * Derives the personas of the demo's most valuable customers, as a team would on the personas
 * page, and takes them onto the demo map (which is then about that group), so a newcomer sees
 * personas with their evidence and can cut the journey's figures by one.
 */
async function deriveDemoPersonas(workspaceId: string, user: db.User, boardId: string, groupId: string): Promise<void> {
	const derivation = await startDerivation(user, groupId, { k: 'auto', seed: 42 });
	if ((await settled(() => db.findDerivation(derivation.id)?.status)) !== 'done') return;
	const personas = db.listPersonas(groupId).map((persona, index) => ({
		personaId: persona.id,
		groupId,
		name: persona.name,
		color: personaColour(index)
	}));
	addGroupPersonas(collabServer().openRoom(boardId, workspaceId).doc, personas, DEMO_ORIGIN);
	console.log(`[waymark] Demo personas (${personas.length}) derived and added to the demo map`);
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
