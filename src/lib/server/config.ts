import { resolve } from 'node:path';

function intFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number.parseInt(raw, 10);
	if (!Number.isFinite(value) || value < 0) {
		throw new Error(`${name} must be a non-negative whole number, got "${raw}"`);
	}
	return value;
}

/** Every setting Waymark reads from the environment; README.md documents each one. */
export const config = {
	databasePath: process.env.DATABASE_PATH || './data/waymark.db',
	migrationsPath: resolve(process.env.WAYMARK_MIGRATIONS_PATH || './drizzle'),
	demo: (process.env.WAYMARK_DEMO ?? 'on').toLowerCase() !== 'off',
	rateLimits: {
		loginPerIp: intFromEnv('WAYMARK_LOGIN_LIMIT_PER_IP', 30),
		loginPerAccount: intFromEnv('WAYMARK_LOGIN_LIMIT_PER_ACCOUNT', 5),
		loginWindowSeconds: intFromEnv('WAYMARK_LOGIN_WINDOW_SECONDS', 15 * 60),
		signupPerIp: intFromEnv('WAYMARK_SIGNUP_LIMIT_PER_IP', 10),
		signupWindowSeconds: intFromEnv('WAYMARK_SIGNUP_WINDOW_SECONDS', 60 * 60)
	},
	inviteLifetimeHours: intFromEnv('WAYMARK_INVITE_LIFETIME_HOURS', 7 * 24)
};
