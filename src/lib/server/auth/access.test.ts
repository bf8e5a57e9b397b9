import { describe, expect, it } from 'vitest';
import { permissionsOf, roleAllows } from './access';

describe('role permissions', () => {
	it('lets viewers read but never write or manage', () => {
		expect(roleAllows('viewer', 'boards:read')).toBe(true);
		expect(roleAllows('viewer', 'boards:write')).toBe(false);
		expect(roleAllows('viewer', 'members:manage')).toBe(false);
	});

	it('lets editors change boards but not the team or the workspace', () => {
		expect(roleAllows('editor', 'boards:write')).toBe(true);
		expect(roleAllows('editor', 'members:manage')).toBe(false);
		expect(roleAllows('editor', 'workspace:rename')).toBe(false);
	});

	it('lets owners do everything', () => {
		expect(Object.values(permissionsOf('owner')).every(Boolean)).toBe(true);
	});
});
