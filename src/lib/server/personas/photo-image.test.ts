import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PHOTO_MAX_BYTES, PHOTO_SIZE } from '$lib/domain/persona';
import { AppError } from '../errors';
import { processPhoto } from './photo-image';

const solid = (width: number, height: number, colour = '#3a7d44') =>
	sharp({ create: { width, height, channels: 3, background: colour } });

/** A JPEG as a phone writes it after a workshop: with the camera and the GPS position in EXIF. */
const workshopJpeg = () =>
	solid(1200, 900)
		.jpeg()
		.withExif({
			IFD0: { Make: 'WorkshopCam', Model: 'Phone 12' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' }
		})
		.toBuffer();

/** A PNG whose header claims `width` × `height` pixels: a few bytes that would decode to gigabytes. */
function pngClaiming(width: number, height: number): Buffer {
	const crcTable = Array.from({ length: 256 }, (_, n) => {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		return c >>> 0;
	});
	const crc = (bytes: Buffer) => {
		let c = 0xffffffff;
		for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
		return (c ^ 0xffffffff) >>> 0;
	};
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc(body), body.length + 4);
		return out;
	};
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.alloc(1024))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

async function refusal(input: Buffer): Promise<AppError> {
	const error = await processPhoto(input).then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(AppError);
	return error as AppError;
}

describe('a persona photo', () => {
	it('becomes a 512×512 WebP, whatever the shape of the upload', async () => {
		for (const input of [await solid(1600, 900).png().toBuffer(), await solid(300, 700).webp().toBuffer()]) {
			const photo = await processPhoto(input);
			const stored = await sharp(photo.data).metadata();
			expect(stored).toMatchObject({ format: 'webp', width: PHOTO_SIZE, height: PHOTO_SIZE });
			expect(photo).toMatchObject({ mime: 'image/webp', width: PHOTO_SIZE, height: PHOTO_SIZE });
			expect(photo.version).toMatch(/^[0-9a-f]{16}$/);
		}
	});

	it('loses the EXIF of the original, GPS position and camera included', async () => {
		const original = await workshopJpeg();
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const photo = await processPhoto(original);
		const stored = await sharp(photo.data).metadata();
		expect(stored.exif).toBeUndefined();
		expect(stored.xmp).toBeUndefined();
		expect(stored.icc).toBeUndefined();
		expect(photo.data.includes(Buffer.from('WorkshopCam'))).toBe(false);
	});

	it('is turned upright from the EXIF orientation before it is cropped', async () => {
		// Stored sideways (top half red, bottom half blue) with orientation 6: upright, red is on the left.
		const sideways = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#0000ff' } })
			.composite([{ input: await solid(400, 200, '#ff0000').png().toBuffer(), top: 0, left: 0 }])
			.jpeg()
			.withMetadata({ orientation: 6 })
			.toBuffer();
		const photo = await processPhoto(sideways);
		const { data } = await sharp(photo.data).raw().toBuffer({ resolveWithObject: true });
		const pixel = (x: number, y: number) => [...data.subarray((y * PHOTO_SIZE + x) * 3, (y * PHOTO_SIZE + x) * 3 + 3)];
		// Orientation 6 means "rotate 90° clockwise to show": the stored top ends up on the right.
		expect(pixel(PHOTO_SIZE - 20, 256)[0]).toBeGreaterThan(200);
		expect(pixel(20, 256)[2]).toBeGreaterThan(200);
	});

	it('refuses what is not a JPEG, PNG or WebP with 415', async () => {
		expect(await refusal(Buffer.from('name,email\nAnna,anna@example.test\n'))).toMatchObject({ status: 415 });
		const gif = await refusal(await solid(40, 40).gif().toBuffer());
		expect(gif).toMatchObject({ status: 415, code: 'unsupported_media_type' });
		expect(gif.message).toContain('GIF');
	});

	it('refuses a damaged image with 400', async () => {
		const jpeg = await solid(800, 600).jpeg().toBuffer();
		expect(await refusal(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toMatchObject({ status: 400, code: 'bad_request' });
	});

	it('refuses a decompression bomb from its header, without decoding it', async () => {
		const bomb = pngClaiming(20_000, 20_000);
		expect(bomb.length).toBeLessThan(2000);
		const error = await refusal(bomb);
		expect(error).toMatchObject({ status: 413, code: 'payload_too_large' });
		expect(error.message).toContain('20000 × 20000');
	});

	it('refuses an empty or oversized upload', async () => {
		expect(await refusal(Buffer.alloc(0))).toMatchObject({ status: 400 });
		expect(await refusal(Buffer.alloc(PHOTO_MAX_BYTES + 1))).toMatchObject({ status: 413 });
	});
});
