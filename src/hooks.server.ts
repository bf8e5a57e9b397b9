import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { defineCustomServerStrategy } from '$lib/paraglide/runtime';
import {
	isCrossOriginWrite,
	SESSION_COOKIE,
	setSessionCookie,
	validateApiToken,
	validateSessionToken
} from '$lib/server/auth';
import { attachCollab, collabServer } from '$lib/server/collab';
import { closeDb, getDb, terminateEventReaders, terminateMeasureBuilders, terminateOffLoopReads, terminateTransactionReaders } from '$lib/server/db';
import { demoLogIn, seedDemoIfEmpty } from '$lib/server/demo';
import { errorResponse } from '$lib/server/http/api';
import { warmMeasuresOnDatasetChange } from '$lib/server/groups/warm-measures';
import { recoverOnce as recoverInterruptedImports } from '$lib/server/imports';
import { recoverOnce as recoverInterruptedDerivations, stopDerivations } from '$lib/server/personas';
import { AppError } from '$lib/server/errors';
import { closePrinter, RENDER_TOKEN_HEADER, renderAccess } from '$lib/server/reports';

declare global {
	// Set by server.js (production) and the Vite plugin (dev, preview): see vite.config.ts.
	var __waymarkHttpServer: import('node:http').Server | undefined;
	var __waymarkShutdownHooks: Array<() => void | Promise<void>> | undefined;
	// Set by server.js: lines it prints after the address, as the last of the start-up.
	var __waymarkStartupNotes: string[] | undefined;
}

/** Says something a newcomer needs once the server is up; under `vite dev` at once. */
function startupNote(line: string): void {
	if (globalThis.__waymarkStartupNotes) globalThis.__waymarkStartupNotes.push(line);
	else console.log(`[waymark] ${line}`);
}

export const init: ServerInit = async () => {
	getDb(); // opens the file and applies migrations before the first request
	// An import a crashed or killed process left behind is marked failed; nothing of it was kept.
	recoverInterruptedImports();
	// Likewise a persona derivation: its results are written in one transaction, so none were kept.
	recoverInterruptedDerivations();
	const stopWarming = warmMeasuresOnDatasetChange();
	await seedDemoIfEmpty();
	const logIn = await demoLogIn();
	if (logIn) startupNote(logIn);
	const httpServer = globalThis.__waymarkHttpServer;
	if (httpServer) attachCollab(httpServer);
	// A running persona clustering's worker is stopped first, while its derivation can still be marked;
	// event reader, measure builder, read and transaction reader workers before the database closes (their work fails, none starts over).
	(globalThis.__waymarkShutdownHooks ??= []).push(stopWarming, closePrinter, stopDerivations, terminateEventReaders, terminateMeasureBuilders, terminateOffLoopReads, terminateTransactionReaders, () => {
		collabServer().shutdown();
		closeDb();
	});
};

const accountLocale = new WeakMap<Request, string>();
defineCustomServerStrategy('custom-account', {
	getLocale: (request) => (request ? accountLocale.get(request) : undefined)
});

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.apiTokenId = null;

	const authorization = event.request.headers.get('authorization');
	if (authorization) {
		const [scheme, token] = authorization.split(' ');
		const found = scheme?.toLowerCase() === 'bearer' && token ? validateApiToken(token) : null;
		if (!found) {
			return errorResponse(new AppError(401, 'unauthenticated', 'The API token is not valid'));
		}
		event.locals.user = found.user;
		event.locals.apiTokenId = found.tokenId;
		return resolve(event);
	}

	// The report's headless Chromium, as the user who asked for the report (reports/render-tokens.ts).
	const renderToken = event.request.headers.get(RENDER_TOKEN_HEADER);
	if (renderToken) {
		const granted = renderAccess(renderToken, event.request.method, event.isDataRequest ? `${event.url.pathname}/__data.json` : event.url.pathname);
		if (granted) {
			event.locals.user = granted.user;
			accountLocale.set(event.request, granted.locale);
		}
		return resolve(event);
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const found = validateSessionToken(token);
		if (found) {
			event.locals.user = found.user;
			event.locals.session = found.session;
			if (found.renewed) {
				setSessionCookie(event.cookies, token, found.session.expiresAt, event.url.protocol === 'https:');
			}
			if (found.user.locale) accountLocale.set(event.request, found.user.locale);
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}
	return resolve(event);
};

/**
 * Cookie-authenticated writes only from this site's own pages, for JSON endpoints and form
 * actions alike (SvelteKit's own check looks at the Origin of form posts only), so another site
 * — a sibling subdomain included — cannot make a signed-in browser act. Bearer tokens are not
 * sent by browsers on their own, so scripts using one are not concerned.
 */
const refuseCrossOriginWrites: Handle = async ({ event, resolve }) => {
	if (!event.locals.apiTokenId && isCrossOriginWrite(event.request, event.url.origin)) {
		if (event.url.pathname.startsWith('/api/')) {
			return errorResponse(new AppError(403, 'cross_origin', 'Cross-origin requests are not allowed'));
		}
		return new Response('Cross-origin requests are not allowed', { status: 403, headers: { 'content-type': 'text/plain' } });
	}
	return resolve(event);
};

const localise: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		})
	);

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.pathname.startsWith('/api/')) {
		// Answers that chose their own caching (persona photos, with an ETag) keep it.
		if (!response.headers.has('cache-control')) response.headers.set('Cache-Control', 'no-store');
		if (!response.headers.has('content-security-policy')) {
			response.headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
		}
	}
	return response;
};

export const handle = sequence(securityHeaders, authenticate, refuseCrossOriginWrites, localise);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) console.error(`[server] ${event.request.method} ${event.url.pathname}`, error);
	return { message: status >= 500 ? 'Something went wrong on our side' : message };
};
