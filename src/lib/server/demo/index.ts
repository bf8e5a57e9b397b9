import { basename, join } from 'node:path';
import { rmSync } from 'node:fs';
import { templateUpdate } from '$lib/domain/board';
import { generateDemoData } from '../demo-data';
import { importServerFile } from '../imports';
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
	db.insertBoard(
		{ workspaceId: workspace.id, title: 'Online order journey', template: 'webshop', createdBy: user.id },
		templateUpdate('webshop', 'en')
	);
	if (config.demoCustomers > 0) {
		// In the background: the server answers at once, the data arrives in the demo workspace
		// through the ordinary import jobs (customers first, then what refers to them).
		void loadDemoCustomerData(workspace.id, user.id, config.demoCustomers).catch((error) =>
			console.error('[waymark] Could not load the demo customer data', error)
		);
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

/** Generates the seeded demo retailer as Dutch CSV exports and imports them like any upload. */
async function loadDemoCustomerData(workspaceId: string, userId: string, customers: number): Promise<void> {
	const dir = join(config.imports.uploadDir, `demo-${workspaceId}`);
	const files = await writeDemoCsvFiles(generateDemoData({ customers, seed: 42 }), dir, 'nl');
	for (const [table, kind] of DEMO_IMPORT_ORDER) {
		importServerFile({ workspaceId, createdBy: userId, kind, path: files[table].path, fileName: basename(files[table].path) });
	}
	rmSync(dir, { recursive: true, force: true });
	console.log(`[waymark] Demo customer data (${customers} customers) is being imported into the demo workspace`);
}
