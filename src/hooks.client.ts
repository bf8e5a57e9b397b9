import { defineCustomClientStrategy } from '$lib/paraglide/runtime';

// The server decides the language (account setting, cookie, browser) and writes it into
// <html lang>; the client follows it so hydration never switches language.
defineCustomClientStrategy('custom-account', {
	getLocale: () => document.documentElement.lang || undefined,
	setLocale: () => {}
});
