import * as db from '../db';
import { hashSecret } from '../ids';
import type { HitStore } from './rate-limit';

/** Hits of one limit in the database: they outlive a restart; addresses and e-mails are stored hashed. */
export function databaseHitStore(bucket: string): HitStore {
	return {
		recent: (key, since, limit) => db.recentRateLimitHits(bucket, hashSecret(key), since, limit),
		add: (key, at) => db.insertRateLimitHit(bucket, hashSecret(key), at),
		clear: (key) => db.deleteRateLimitHits(bucket, hashSecret(key)),
		prune: (before) => db.deleteRateLimitHitsBefore(bucket, before)
	};
}
