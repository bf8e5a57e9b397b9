export type DemoLocale = 'en' | 'nl';

/**
 * The language the demo is seeded in: WAYMARK_DEMO_LOCALE when set, else the language of the
 * system locale the server was started under (LC_ALL, LC_MESSAGES, LANG — as `locale` reads them)
 * when it is English or Dutch, else Dutch: the demo retailer is Dutch.
 */
export function demoLocaleFrom(env: Record<string, string | undefined>): DemoLocale {
	const chosen = env.WAYMARK_DEMO_LOCALE?.trim().toLowerCase();
	if (chosen) {
		if (chosen === 'en' || chosen === 'nl') return chosen;
		throw new Error(`WAYMARK_DEMO_LOCALE must be "nl" or "en", got "${env.WAYMARK_DEMO_LOCALE}"`);
	}
	const system = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	const language = system.toLowerCase().match(/^([a-z]{2})(?:[_.@-]|$)/)?.[1];
	return language === 'en' ? 'en' : 'nl';
}
