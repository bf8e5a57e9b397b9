import { describe, expect, it } from 'vitest';
import { issueRenderToken, redeemRenderToken, revokeRenderToken } from './render-tokens';

const PATH = '/w/ws1/insights/report';

describe('a render token', () => {
	it('lets one GET of its route and one of its data in as its user, each once', () => {
		const token = issueRenderToken('u1', PATH, 'nl');
		expect(redeemRenderToken(token, 'GET', PATH)).toEqual({ userId: 'u1', locale: 'nl' });
		expect(redeemRenderToken(token, 'GET', PATH)).toBeNull();
		expect(redeemRenderToken(token, 'GET', `${PATH}/__data.json`)).toEqual({ userId: 'u1', locale: 'nl' });
		expect(redeemRenderToken(token, 'GET', `${PATH}/__data.json`)).toBeNull();
	});

	it('grants nothing for another route or method, and stays unspent for its own', () => {
		const token = issueRenderToken('u1', PATH, 'en');
		expect(redeemRenderToken(token, 'GET', '/w/ws2/insights/report')).toBeNull();
		expect(redeemRenderToken(token, 'POST', PATH)).toBeNull();
		expect(redeemRenderToken(token, 'GET', '/api/v1/me')).toBeNull();
		expect(redeemRenderToken(token, 'GET', PATH)).toEqual({ userId: 'u1', locale: 'en' });
	});

	it('expires after a couple of minutes, and a revoked one is gone', () => {
		const issuedAt = 1_000_000;
		const late = issueRenderToken('u1', PATH, 'en', issuedAt);
		expect(redeemRenderToken(late, 'GET', PATH, issuedAt + 121_000)).toBeNull();
		const revoked = issueRenderToken('u1', PATH, 'en');
		revokeRenderToken(revoked);
		expect(redeemRenderToken(revoked, 'GET', PATH)).toBeNull();
		expect(redeemRenderToken('guessed', 'GET', PATH)).toBeNull();
	});
});
