import { and, desc, eq, gt, lte } from 'drizzle-orm';
import { getDb } from './connection';
import { rateLimitHits } from './schema';

/** The times (epoch ms) of a key's newest hits after `since`, newest first, at most `limit`. */
export function recentRateLimitHits(bucket: string, keyHash: string, since: number, limit: number): number[] {
	return getDb()
		.select({ at: rateLimitHits.at })
		.from(rateLimitHits)
		.where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.keyHash, keyHash), gt(rateLimitHits.at, since)))
		.orderBy(desc(rateLimitHits.at))
		.limit(limit)
		.all()
		.map((row) => row.at);
}

export function insertRateLimitHit(bucket: string, keyHash: string, at: number): void {
	getDb().insert(rateLimitHits).values({ bucket, keyHash, at }).run();
}

export function deleteRateLimitHits(bucket: string, keyHash: string): void {
	getDb()
		.delete(rateLimitHits)
		.where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.keyHash, keyHash)))
		.run();
}

/** Forgets the hits of a limit that lie outside its window. */
export function deleteRateLimitHitsBefore(bucket: string, before: number): void {
	getDb()
		.delete(rateLimitHits)
		.where(and(eq(rateLimitHits.bucket, bucket), lte(rateLimitHits.at, before)))
		.run();
}
