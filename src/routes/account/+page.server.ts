import { changePasswordSchema, profileSchema, tokenCreateSchema } from '$lib/schemas';
import { changePassword, createApiToken, revokeUserSession } from '$lib/server/auth';
import * as db from '$lib/server/db';
import { notFound } from '$lib/server/errors';
import { runForm, signedInUser } from '$lib/server/http/forms';
import { setLocaleCookie } from '$lib/server/http/locale';
import { parseInput } from '$lib/server/http/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const user = signedInUser(event);
	return {
		profile: { name: user.name, email: user.email, locale: user.locale },
		currentSessionId: event.locals.session?.id ?? null,
		sessions: db.listUserSessions(user.id).map((session) => ({
			id: session.id,
			userAgent: session.userAgent,
			ipAddress: session.ipAddress,
			lastSeenAt: session.lastSeenAt
		})),
		tokens: db.listApiTokens(user.id, { limit: 100 }).items
	};
};

export const actions: Actions = {
	profile: (event) =>
		runForm(event, 'profile', (fields) => {
			const user = signedInUser(event);
			const { name, locale } = parseInput(profileSchema, { name: fields.name, locale: fields.locale });
			db.updateUser(user.id, { name, locale });
			if (locale) setLocaleCookie(event.cookies, locale, event.url);
			// A new language needs a full page load: the client renders in the page's language.
			return { reload: !!locale && locale !== user.locale };
		}),
	password: (event) =>
		runForm(event, 'password', async (fields) => {
			const user = signedInUser(event);
			const { currentPassword, newPassword } = parseInput(changePasswordSchema, fields);
			await changePassword(user, event.locals.session?.id ?? null, currentPassword, newPassword);
		}),
	revokeSession: (event) =>
		runForm(event, 'revokeSession', (fields) => {
			const user = signedInUser(event);
			if (!revokeUserSession(user.id, fields.sessionId ?? '')) throw notFound('Session');
		}),
	createToken: (event) =>
		runForm(event, 'createToken', (fields) => {
			const user = signedInUser(event);
			const { name } = parseInput(tokenCreateSchema, fields);
			const created = createApiToken(user.id, name);
			return { token: { name: created.name, secret: created.token } };
		}),
	revokeToken: (event) =>
		runForm(event, 'revokeToken', (fields) => {
			const user = signedInUser(event);
			if (!db.deleteApiToken(user.id, fields.tokenId ?? '')) throw notFound('API token');
		})
};
