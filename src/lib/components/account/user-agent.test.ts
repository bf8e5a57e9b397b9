import { describe, expect, it } from 'vitest';
import { describeUserAgent } from './user-agent';

describe('sessions are recognisable by browser and system', () => {
	it('names Chrome on Windows', () => {
		const agent =
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
		expect(describeUserAgent(agent)).toBe('Chrome 131 · Windows');
	});
	it('tells Edge from the Chrome it is built on', () => {
		const agent =
			'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';
		expect(describeUserAgent(agent)).toBe('Edge 131 · Windows');
	});
	it('names Safari on an iPhone and Firefox on Linux', () => {
		expect(
			describeUserAgent(
				'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
			)
		).toBe('Safari 17 · iOS');
		expect(describeUserAgent('Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0')).toBe(
			'Firefox 133 · Linux'
		);
	});
	it('shows an unknown agent as it is', () => {
		expect(describeUserAgent('curl/8.5.0')).toBe('curl/8.5.0');
	});
});
