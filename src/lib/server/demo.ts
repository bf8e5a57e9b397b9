import { templateUpdate } from '$lib/domain/board';
import { config } from './config';
import * as db from './db';
import { hashPassword } from './auth';

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
	console.log(
		`[waymark] Demo account created — e-mail: ${DEMO_EMAIL}  password: ${DEMO_PASSWORD}` +
			' (set WAYMARK_DEMO=off to skip this)'
	);
}
