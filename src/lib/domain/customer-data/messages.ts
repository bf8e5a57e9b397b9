import * as m from '$lib/paraglide/messages';

/*
 * What an import says about a file — a row that is not valid, a column that is missing — as a
 * message code with parameters. The import stores the code with a plain English text (for
 * scripts); the browser renders the code in the reader's language.
 */

export type ImportMessageParams = Record<string, string | number>;

export interface ImportMessage {
	/** A key of messages/*.json; a parameter named `expected` holds the key of what was expected. */
	code: string;
	params: ImportMessageParams;
}

type MessageFn = (inputs?: Record<string, unknown>, options?: { locale?: 'en' | 'nl' }) => string;

const lookup = (code: string): MessageFn | undefined => (m as unknown as Record<string, MessageFn | undefined>)[code];

export interface RenderOptions {
	/** Without it, the current language of the page (Paraglide's runtime). */
	locale?: 'en' | 'nl';
	/** How a field name shows: the API keeps `customerId`, the UI shows "Customer number". */
	fieldLabel?: (field: string) => string;
}

export function renderImportMessage({ code, params }: ImportMessage, options: RenderOptions = {}): string {
	const message = lookup(code);
	if (!message) return code;
	const locale = options.locale ? { locale: options.locale } : undefined;
	const inputs: Record<string, unknown> = { ...params };
	if (typeof params.expected === 'string') {
		inputs.expected = lookup(params.expected)?.(params, locale) ?? params.expected;
	}
	if (typeof params.field === 'string' && options.fieldLabel) inputs.field = options.fieldLabel(params.field);
	return message(inputs, locale);
}

/** The English text the API returns beside the code. */
export const englishImportMessage = (message: ImportMessage) => renderImportMessage(message, { locale: 'en' });
