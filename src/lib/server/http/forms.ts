import { error, fail, isHttpError, isRedirect, redirect, type RequestEvent } from '@sveltejs/kit';
import type { User } from '../db';
import { AppError, type FieldErrors } from '../errors';

/** Fields whose typed value is never sent back to the browser after a failed submit. */
const SECRET_FIELDS = new Set(['password', 'currentPassword', 'newPassword', 'confirmName']);

export type FormFields = Record<string, string>;

export interface FormFailure<F extends string = string> {
	form: F;
	/** Field name → message key; `_` is the form as a whole. */
	errors: FieldErrors;
	/** Message key for the form as a whole. */
	message: string;
	/** Seconds to wait, when the failure was a rate limit. */
	retryAfter?: number;
	/** Values for the placeholders of the message keys. */
	inputs?: Record<string, string>;
	values: FormFields;
}

/** Message key for an error without field errors, by its code: `error_forbidden`, ... */
export const messageKeyOf = (error: AppError): string => error.fields?._ ?? `error_${error.code}`;

/**
 * Runs one form action the same way everywhere: reads the posted fields, runs `body`, and turns
 * an AppError into `fail(status, {form, errors, message, values})` so that the page can show each
 * field's message beside its field. Redirects and SvelteKit errors pass through untouched.
 * `form` names which form on the page answered, for pages with several forms.
 */
export async function runForm<F extends string, T extends object = object>(
	event: RequestEvent,
	form: F,
	body: (fields: FormFields) => T | void | Promise<T | void>
) {
	const fields = readFields(await event.request.formData());
	try {
		const result = await body(fields);
		return { form, ok: true as const, ...(result ?? {}) } as { form: F; ok: true } & T;
	} catch (thrown) {
		if (isRedirect(thrown) || isHttpError(thrown)) throw thrown;
		if (!(thrown instanceof AppError)) throw thrown;
		// A signed-out visitor (session expired) goes to log in; wrong credentials, also a 401,
		// carry a message for the form and stay on it.
		if (thrown.status === 401 && !thrown.fields) throw redirect(303, loginUrl(event.url));
		const retryAfter = Number(thrown.headers?.['Retry-After']) || undefined;
		const failure: FormFailure<F> = {
			form,
			errors: thrown.fields ?? {},
			message: messageKeyOf(thrown),
			values: withoutSecrets(fields),
			...(retryAfter ? { retryAfter } : {}),
			...(thrown.inputs ? { inputs: thrown.inputs } : {})
		};
		return fail(thrown.status, failure);
	}
}

function readFields(data: FormData): FormFields {
	const fields: FormFields = {};
	for (const [name, value] of data) if (typeof value === 'string') fields[name] = value;
	return fields;
}

function withoutSecrets(fields: FormFields): FormFields {
	return Object.fromEntries(Object.entries(fields).filter(([name]) => !SECRET_FIELDS.has(name)));
}

/** A form checkbox/boolean field: present and "true"/"on" means yes. */
export const isChecked = (value: string | undefined): boolean => value === 'true' || value === 'on';

/**
 * Only paths on this site may be redirect targets, so a crafted link cannot send a user who
 * just logged in to another site (`//evil.example`, `/\evil.example` and absolute URLs are refused).
 */
export function sameSitePath(target: string | null | undefined, fallback = '/workspaces'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) {
		return fallback;
	}
	return target;
}

export function loginUrl(url: URL): string {
	return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in user, or a redirect to the login page that comes back here. */
export function signedInUser(event: RequestEvent): User {
	if (!event.locals.user) throw redirect(303, loginUrl(event.url));
	return event.locals.user;
}

/**
 * Runs a page load: an AppError becomes the error page with its status (a non-member sees the
 * same 404 as for something that does not exist), and a signed-out visitor goes to log in.
 */
export async function loadPage<T>(event: RequestEvent, body: () => T | Promise<T>): Promise<T> {
	try {
		return await body();
	} catch (thrown) {
		if (thrown instanceof AppError) {
			if (thrown.status === 401) throw redirect(303, loginUrl(event.url));
			throw error(thrown.status, { message: thrown.message, code: thrown.code });
		}
		throw thrown;
	}
}
