import { describe, expect, it } from 'vitest';
import { sameSitePath } from './forms';

describe('redirect targets after logging in', () => {
	it('keeps paths on this site, with their query', () => {
		expect(sameSitePath('/invite/abc')).toBe('/invite/abc');
		expect(sameSitePath('/w/1?archived=1')).toBe('/w/1?archived=1');
	});
	it('refuses other sites and falls back to the workspaces', () => {
		for (const target of ['https://evil.example', '//evil.example', '/\\evil.example', 'evil', '', null]) {
			expect(sameSitePath(target)).toBe('/workspaces');
		}
	});
});
