import { createContext } from 'svelte';
import { moneyFormat, type Locale, type MoneyFormat } from '$lib/domain/format';

/**
 * The workspace's currency for every amount a page shows. The workspace layout (and the board
 * page, which has no workspace layout) provides it once; components read it with `useMoney()`
 * instead of taking a currency prop through every level. A context and not a module variable:
 * the server renders many workspaces' pages in one process.
 */
interface MoneySettings {
	locale: Locale;
	currency: string;
}

const [getSettings, setSettings] = createContext<() => MoneySettings>();

/** Call during component setup with a getter, so that a new currency reaches what is shown. */
export function provideMoney(settings: () => MoneySettings): void {
	setSettings(settings);
}

/**
 * Formatters bound to the workspace's currency and the page's language. They read the settings
 * each time they format, so templates and `$derived` values follow a currency change.
 */
export function useMoney(): MoneyFormat {
	const settings = getSettings();
	const current = () => {
		const { locale, currency } = settings();
		return moneyFormat(locale, currency);
	};
	return {
		get currency() {
			return settings().currency;
		},
		format: (value) => current().format(value),
		short: (value) => current().short(value)
	};
}
