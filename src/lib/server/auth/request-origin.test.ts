import { describe, expect, it } from 'vitest';
import { isCrossOriginWrite } from './request-origin';

const OWN = 'https://waymark.example.com';
const request = (method: string, headers: Record<string, string>) =>
	new Request(`${OWN}/api/v1/workspaces/w1`, { method, headers });

describe('a state-changing request from another origin', () => {
	it('is refused when the browser says same-site (a sibling subdomain), with or without an Origin header', () => {
		expect(isCrossOriginWrite(request('PATCH', { 'sec-fetch-site': 'same-site' }), OWN)).toBe(true);
		expect(isCrossOriginWrite(request('PATCH', { 'sec-fetch-site': 'same-site', origin: OWN }), OWN)).toBe(true);
	});

	it('is refused when the browser says cross-site, or the Origin is another one', () => {
		expect(isCrossOriginWrite(request('POST', { 'sec-fetch-site': 'cross-site' }), OWN)).toBe(true);
		expect(isCrossOriginWrite(request('DELETE', { origin: 'https://evil.example' }), OWN)).toBe(true);
		expect(isCrossOriginWrite(request('PUT', { origin: 'null' }), OWN)).toBe(true);
		expect(isCrossOriginWrite(request('POST', { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }), OWN)).toBe(true);
	});

	it('goes on when the browser says same-origin, or the user started it, or no browser says anything', () => {
		expect(isCrossOriginWrite(request('PATCH', { 'sec-fetch-site': 'same-origin', origin: OWN }), OWN)).toBe(false);
		expect(isCrossOriginWrite(request('POST', { 'sec-fetch-site': 'none' }), OWN)).toBe(false);
		expect(isCrossOriginWrite(request('POST', { origin: OWN }), OWN)).toBe(false);
		expect(isCrossOriginWrite(request('POST', {}), OWN)).toBe(false);
	});

	it('does not concern reads', () => {
		expect(isCrossOriginWrite(request('GET', { 'sec-fetch-site': 'cross-site' }), OWN)).toBe(false);
	});
});
