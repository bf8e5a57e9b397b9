import { describe, expect, it } from 'vitest';
import { demoLocaleFrom } from './locale';

describe('the language the demo is seeded in', () => {
	it('is the one WAYMARK_DEMO_LOCALE names, whatever the system says', () => {
		expect(demoLocaleFrom({ WAYMARK_DEMO_LOCALE: 'en', LANG: 'nl_NL.UTF-8' })).toBe('en');
		expect(demoLocaleFrom({ WAYMARK_DEMO_LOCALE: 'NL', LANG: 'en_GB.UTF-8' })).toBe('nl');
	});

	it('refuses any other value with a clear message', () => {
		expect(() => demoLocaleFrom({ WAYMARK_DEMO_LOCALE: 'de' })).toThrow('WAYMARK_DEMO_LOCALE must be "nl" or "en", got "de"');
	});

	it('follows the system locale when it is English or Dutch, LC_ALL first', () => {
		expect(demoLocaleFrom({ LANG: 'en_US.UTF-8' })).toBe('en');
		expect(demoLocaleFrom({ LANG: 'nl_BE.UTF-8' })).toBe('nl');
		expect(demoLocaleFrom({ LC_ALL: 'en_GB.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('en');
		expect(demoLocaleFrom({ LC_MESSAGES: 'en', LANG: 'nl_NL' })).toBe('en');
	});

	it('is Dutch otherwise: no locale, C/POSIX, or another language', () => {
		expect(demoLocaleFrom({})).toBe('nl');
		expect(demoLocaleFrom({ LANG: 'C.UTF-8' })).toBe('nl');
		expect(demoLocaleFrom({ LANG: 'POSIX' })).toBe('nl');
		expect(demoLocaleFrom({ LANG: 'de_DE.UTF-8' })).toBe('nl');
		expect(demoLocaleFrom({ LANG: 'english' })).toBe('nl');
	});
});
