/*
 * The rules of a persona's photo, shared by the upload form (to refuse early) and the server
 * (which decides). The server turns any accepted upload into one square WebP without metadata.
 */

/** Largest upload: a phone photo fits with room to spare; anything bigger is refused unread. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Largest image in pixels (a 64-megapixel camera's photo): a small file that decodes to a huge
 * image (a "decompression bomb") is refused from its header, before it is decoded.
 */
export const PHOTO_MAX_PIXELS = 64_000_000;
/** The stored photo: a square of this many pixels a side, cropped around what draws the eye. */
export const PHOTO_SIZE = 512;
export const PHOTO_MIME = 'image/webp';
/** What the upload may be; HEIC is not among them (the prebuilt image library cannot decode it). */
export const PHOTO_ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

const VERSION = /^[0-9a-f]{16}$/;

/** A photo version: the first 16 hex digits of the SHA-256 of the stored bytes. */
export function isPhotoVersion(value: unknown): value is string {
	return typeof value === 'string' && VERSION.test(value);
}

/** Where a photo is read; the version makes the address change with the photo, so it can be cached. */
export function personaPhotoUrl(personaId: string, version: string): string {
	return `/api/v1/personas/${personaId}/photo?v=${version}`;
}
