import { randomBytes } from 'node:crypto';

/*
 * How the report's headless Chromium is let in as the user who asked for the report.
 *
 * Chosen over handing Chromium the user's session cookie: a session is a long-lived credential
 * for every page and endpoint (and its copy would sit in a browser profile); a render token is
 * only in this process's memory, is good for one print route (one workspace) as one user — one
 * GET of the page and one of its data (`__data.json`: the route renders in the browser) — within
 * a couple of minutes, and each use is gone once used. It travels in a request header that
 * Chromium sends to this server only (the printer refuses every other host), so it appears in no
 * URL, log or history. A request the token was not issued for spends nothing and is let in as no one.
 */

export const RENDER_TOKEN_HEADER = 'x-waymark-render-token';

/** Long enough for a busy two-core machine to start Chromium; short enough to be useless later. */
const LIFETIME_MS = 120_000;

interface Grant {
	userId: string;
	/** The paths still to be asked for once each: the page, then its data. */
	paths: Set<string>;
	locale: 'en' | 'nl';
	expiresAt: number;
}

const grants = new Map<string, Grant>();

function dropExpired(now: number): void {
	for (const [token, grant] of grants) if (grant.expiresAt <= now) grants.delete(token);
}

/** A token that lets one GET of the page at `path` and one of its data in as the user, in the reader's language. */
export function issueRenderToken(userId: string, path: string, locale: 'en' | 'nl', now = Date.now()): string {
	dropExpired(now);
	const token = randomBytes(32).toString('base64url');
	grants.set(token, { userId, paths: new Set([path, `${path}/__data.json`]), locale, expiresAt: now + LIFETIME_MS });
	return token;
}

/** Whom a token lets in for this request (spending it), or null. */
export function redeemRenderToken(token: string, method: string, path: string, now = Date.now()): { userId: string; locale: 'en' | 'nl' } | null {
	const grant = grants.get(token);
	if (!grant || method !== 'GET' || !grant.paths.has(path)) return null;
	grant.paths.delete(path);
	if (!grant.paths.size) grants.delete(token);
	if (grant.expiresAt <= now) return null;
	return { userId: grant.userId, locale: grant.locale };
}

/** Forgets a token that was not used (the print failed before Chromium asked). */
export const revokeRenderToken = (token: string) => void grants.delete(token);
