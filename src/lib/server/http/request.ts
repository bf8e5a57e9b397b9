import type { RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { createSession, setSessionCookie } from '../auth';
import type * as db from '../db';
import { parseInput } from './validation';

/**
 * The caller's address as adapter-node sees it (ADDRESS_HEADER behind a proxy). A missing
 * proxy header must not break sign-in, so it falls back to one shared bucket.
 */
export function clientAddress(event: RequestEvent): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

export const isHttps = (event: RequestEvent) => event.url.protocol === 'https:';

/** Opens a session for `user` and sends its cookie with the response. */
export function startSession(event: RequestEvent, user: db.User): void {
	const { token, session } = createSession(user.id, {
		userAgent: event.request.headers.get('user-agent'),
		ipAddress: clientAddress(event)
	});
	setSessionCookie(event.cookies, token, session.expiresAt, isHttps(event));
}

export const boardListQuerySchema = z.object({
	archived: z.enum(['true', 'false'], { error: 'error_boolean' }).optional()
});

/** `?archived=true` lists archived boards instead of active ones. */
export function readBoardListQuery(url: URL): { archived: boolean } {
	const { archived } = parseInput(boardListQuerySchema, {
		archived: url.searchParams.get('archived') ?? undefined
	});
	return { archived: archived === 'true' };
}

export const errorReportQuerySchema = z.object({
	delimiter: z
		.enum(['comma', 'semicolon'], { error: 'error_delimiter_invalid' })
		.optional()
		.describe('`semicolon` for spreadsheets set to Dutch (and other decimal-comma) conventions; default `comma`')
});

/** `?delimiter=semicolon` writes `;` between cells, as Dutch spreadsheets expect. */
export function readErrorReportQuery(url: URL): { delimiter: ',' | ';' } {
	const { delimiter } = parseInput(errorReportQuerySchema, { delimiter: url.searchParams.get('delimiter') ?? undefined });
	return { delimiter: delimiter === 'semicolon' ? ';' : ',' };
}

/** A window of whole days (yyyy-mm-dd, or exact ISO moments) as epoch ms; `to` includes its whole day. */
export function dayRange(from?: string, to?: string): { from: number | null; to: number | null } {
	return {
		from: from ? Date.parse(from) : null,
		to: to ? Date.parse(to) + (to.length === 10 ? 86_400_000 - 1 : 0) : null
	};
}
