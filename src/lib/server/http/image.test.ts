import { describe, expect, it } from 'vitest';
import { imageResponse } from './image';

const image = { data: Buffer.from('RIFF....WEBP'), mime: 'image/webp', version: '0123456789abcdef', updatedAt: new Date('2026-03-01T10:00:00Z') };
const get = (url: string, headers: Record<string, string> = {}) => imageResponse(new Request(url, { headers }), new URL(url), image);

describe('an image answer', () => {
	it('is sent with its type, an ETag and private revalidation at the bare address', async () => {
		const response = get('http://app.test/api/v1/personas/p/photo');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('etag')).toBe('"0123456789abcdef"');
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
		expect(Buffer.from(await response.arrayBuffer()).equals(image.data)).toBe(true);
	});

	it('may be kept for good at the address naming its version, but not at an old version', () => {
		expect(get('http://app.test/p/photo?v=0123456789abcdef').headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
		expect(get('http://app.test/p/photo?v=aaaaaaaaaaaaaaaa').headers.get('cache-control')).toBe('private, no-cache');
	});

	it('answers 304 without a body when the browser has this version', async () => {
		for (const tag of ['"0123456789abcdef"', 'W/"0123456789abcdef"', '"other", "0123456789abcdef"', '*']) {
			const response = get('http://app.test/p/photo', { 'if-none-match': tag });
			expect(response.status).toBe(304);
			expect(await response.text()).toBe('');
		}
		expect(get('http://app.test/p/photo', { 'if-none-match': '"aaaaaaaaaaaaaaaa"' }).status).toBe(200);
	});
});
