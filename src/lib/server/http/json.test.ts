import { describe, expect, it } from 'vitest';
import { boardJson, userJson, workspaceDetailJson } from './json';

const at = new Date('2026-01-02T03:04:05.678Z');

describe('API output', () => {
	it('never carries the password hash, and sends dates as ISO-8601 strings', () => {
		const user = userJson({ id: 'u1', email: 'a@example.test', name: 'A', passwordHash: '$argon2id$secret', locale: null, createdAt: at });
		expect(user).toEqual({ id: 'u1', email: 'a@example.test', name: 'A', locale: null, createdAt: '2026-01-02T03:04:05.678Z' });
	});

	it('tells whether a board is archived', () => {
		const base = { id: 'b1', workspaceId: 'w1', title: 'T', template: 'blank', createdBy: null, createdAt: at, updatedAt: at };
		expect(boardJson({ ...base, archivedAt: null })).toMatchObject({ archived: false, archivedAt: null });
		expect(boardJson({ ...base, archivedAt: at })).toMatchObject({ archived: true, archivedAt: at.toISOString() });
	});

	it("gives a viewer's workspace permissions read-only", () => {
		const detail = workspaceDetailJson({ id: 'w1', name: 'W', viewersMayComment: false, currency: 'EUR', minimumSegmentCustomers: 10, createdAt: at }, 'viewer');
		expect(detail.permissions).toMatchObject({ 'boards:read': true, 'boards:write': false, 'members:manage': false });
	});
});
