import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { PHOTO_MAX_BYTES, PHOTO_MAX_PIXELS, PHOTO_MIME, PHOTO_SIZE } from '$lib/domain/persona';
import { AppError } from '../errors';

/*
 * Turns an uploaded photo into the stored one: decoded by libvips (through sharp), turned
 * upright, cropped to a square around what draws the eye, resized and encoded as WebP. Nothing of
 * the original file survives but its pixels: EXIF (a workshop photo's GPS position, the camera),
 * XMP, IPTC and colour profiles are all dropped.
 */

// Uploads are one-off: libvips' operation cache would only hold on to memory.
sharp.cache(false);

export interface ProcessedPhoto {
	data: Buffer;
	mime: typeof PHOTO_MIME;
	width: number;
	height: number;
	/** First 16 hex digits of the SHA-256 of `data`. */
	version: string;
}

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);
const FORMAT_NAMES: Record<string, string> = { heif: 'HEIC/AVIF', gif: 'GIF', tiff: 'TIFF', svg: 'SVG', jp2: 'JPEG 2000', jxl: 'JPEG XL' };

const unsupported = (what: string) =>
	new AppError(415, 'unsupported_media_type', `${what}; upload a JPEG, PNG or WebP photo`);
const unreadable = () =>
	new AppError(400, 'bad_request', 'The photo could not be read: the file is damaged or not an image');

export const photoTooLarge = () =>
	new AppError(413, 'payload_too_large', `The photo is larger than ${PHOTO_MAX_BYTES / 1024 / 1024} MB`);

export async function processPhoto(input: Buffer): Promise<ProcessedPhoto> {
	if (input.length === 0) throw new AppError(400, 'bad_request', 'The photo is empty');
	if (input.length > PHOTO_MAX_BYTES) throw photoTooLarge();
	let metadata: Metadata;
	try {
		// Reads the header only: the format and dimensions are known before anything is decoded.
		metadata = await sharp(input, { limitInputPixels: false }).metadata();
	} catch {
		throw unsupported('The file is not a JPEG, PNG or WebP image');
	}
	if (!ACCEPTED_FORMATS.has(metadata.format)) {
		throw unsupported(`A ${FORMAT_NAMES[metadata.format] ?? metadata.format.toUpperCase()} file is not accepted`);
	}
	const { width, height } = metadata;
	if (!width || !height) throw unreadable();
	if (width * height > PHOTO_MAX_PIXELS) {
		throw new AppError(
			413,
			'payload_too_large',
			`The photo is ${width} × ${height} pixels; at most ${PHOTO_MAX_PIXELS / 1_000_000} megapixels are accepted`
		);
	}
	try {
		// The default `failOn: 'warning'` refuses truncated and corrupt data instead of guessing.
		const { data, info } = await sharp(input, { limitInputPixels: PHOTO_MAX_PIXELS })
			.autoOrient()
			.resize(PHOTO_SIZE, PHOTO_SIZE, { fit: 'cover', position: 'attention' })
			.webp({ quality: 82, effort: 4 })
			.toBuffer({ resolveWithObject: true });
		return {
			data,
			mime: PHOTO_MIME,
			width: info.width,
			height: info.height,
			version: createHash('sha256').update(data).digest('hex').slice(0, 16)
		};
	} catch {
		throw unreadable();
	}
}
