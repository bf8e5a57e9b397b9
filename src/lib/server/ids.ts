import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { sha256 } from '@oslojs/crypto/sha2';

function randomBase32(bytes: number): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

/** A random, URL-safe identifier (80 bits) for rows that are addressed by id. */
export const newId = (): string => randomBase32(10);

/** A random secret (160 bits) for session cookies, API tokens and invite links. */
export const newSecret = (): string => randomBase32(20);

/** Secrets are stored only as their SHA-256. */
export const hashSecret = (secret: string): string =>
	encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
