import { describe, expect, it } from 'vitest';
import { Client, makeBoard, makeWorkspace, uniqueEmail } from './helpers';
import { startServer } from './server-process';

describe('a crashed server restarted on the same database', () => {
	it('keeps accounts, sessions and boards (kill -9, then start again)', async () => {
		const first = await startServer();
		let second: Awaited<ReturnType<typeof startServer>> | undefined;
		try {
			const client = new Client(first.baseUrl);
			const signup = await client.post('/api/v1/auth/signup', {
				email: uniqueEmail('crash'),
				password: 'survives a crash',
				name: 'Crash'
			});
			expect(signup.status).toBe(201);
			const workspace = await makeWorkspace(client);
			const board = await makeBoard(client, workspace.id, 'Durable');

			await first.stop('SIGKILL');
			second = await startServer({ databasePath: first.databasePath });

			const again = new Client(second.baseUrl, { ip: client.ip });
			again.cookies.set('waymark_session', client.sessionToken!);
			expect((await again.get('/api/v1/me')).body.user.id).toBe(signup.body.user.id);
			expect((await again.get(`/api/v1/boards/${board.id}`)).body.title).toBe('Durable');
		} finally {
			await second?.stop();
			await first.dispose(); // the database both servers used
		}
	});
});
