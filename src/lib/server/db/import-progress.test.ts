import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, openDatabase, useDb } from './connection';
import { findImport, insertImport, reportImportProgress, updateImport } from './customer-data';
import { insertUser } from './users';
import { insertWorkspace } from './workspaces';

/*
 * A worker's progress report can reach the server's thread after the worker's move committed
 * (its messages and the move's commit are not ordered): it must not set a finished import back
 * to "running at 99%". Seen once on a clean clone in import-mapping; here in a fixed order.
 */

let workspaceId: string;
let userId: string;

beforeAll(() => {
	useDb(openDatabase(':memory:'));
	userId = insertUser({ email: 'progress@example.com', name: 'Progress', passwordHash: 'x' }).id;
	workspaceId = insertWorkspace('Progress', userId).id;
});

afterAll(() => closeDb());

const newImport = (id: string) => insertImport({ id, workspaceId, kind: 'events', fileName: 'events.csv', bytes: 100, createdBy: userId });

describe('import progress', () => {
	it('is written while the import runs', () => {
		newImport('running1');
		updateImport('running1', { status: 'running' });
		reportImportProgress('running1', { progress: 0.4, rowsTotal: 40 });
		expect(findImport('running1')).toMatchObject({ status: 'running', progress: 0.4, rowsTotal: 40 });
	});

	it('that arrives after the import finished changes nothing', () => {
		newImport('late1');
		updateImport('late1', { status: 'running' });
		updateImport('late1', { status: 'done', progress: 1, rowsTotal: 100, rowsImported: 100, finishedAt: new Date() });
		reportImportProgress('late1', { progress: 0.99, rowsTotal: 99 });
		expect(findImport('late1')).toMatchObject({ status: 'done', progress: 1, rowsTotal: 100, rowsImported: 100 });
	});

	it('of a cancelled or failed import changes nothing either', () => {
		for (const status of ['cancelled', 'failed'] as const) {
			newImport(`ended${status}`);
			updateImport(`ended${status}`, { status, finishedAt: new Date() });
			reportImportProgress(`ended${status}`, { progress: 0.5 });
			expect(findImport(`ended${status}`)).toMatchObject({ status, progress: 0 });
		}
	});
});
