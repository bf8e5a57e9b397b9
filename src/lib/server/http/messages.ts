import * as m from '$lib/paraglide/messages';

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: 'en' | 'nl' }) => string;

/** Resolves a message key (as used in field errors) in English, for API clients. */
export function englishMessage(key: string, inputs: Record<string, string> = {}): string {
	const message = (m as unknown as Record<string, MessageFn | undefined>)[key];
	return message ? message(inputs, { locale: 'en' }) : key;
}
