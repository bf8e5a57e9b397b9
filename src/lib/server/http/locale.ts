import type { Cookies } from '@sveltejs/kit';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';

/** Remembers the language in Paraglide's own cookie, so it holds when signed out as well. */
export function setLocaleCookie(cookies: Cookies, locale: 'en' | 'nl', url: URL): void {
	cookies.set(cookieName, locale, {
		path: '/',
		maxAge: cookieMaxAge,
		sameSite: 'lax',
		httpOnly: false,
		secure: url.protocol === 'https:'
	});
}
