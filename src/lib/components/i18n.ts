import * as messages from '$lib/paraglide/messages';
import { BOARD_TEMPLATES, type BoardTemplate } from '$lib/domain/board/templates/types';

type MessageFn = (inputs?: Record<string, unknown>) => string;

/**
 * Translates a message key that arrived as data (field errors from the server are keys such as
 * `error_required`), in the current language. An unknown key shows as itself, never as blank.
 */
export function translate(key: string, inputs: Record<string, unknown> = {}): string {
	const message = (messages as unknown as Record<string, MessageFn | undefined>)[key];
	return typeof message === 'function' ? message(inputs) : key;
}

export type RoleName = 'owner' | 'editor' | 'viewer';

export function roleLabel(role: RoleName): string {
	return translate(`role_${role}`);
}

export const roleOptions = (): { value: RoleName; label: string }[] =>
	(['owner', 'editor', 'viewer'] as const).map((role) => ({ value: role, label: roleLabel(role) }));

/** The form-level message of a failed action, with the wait in minutes for a rate limit. */
export function failureMessage(failure: { message?: string; retryAfter?: number; inputs?: Record<string, string> }): string {
	if (!failure.message) return '';
	const minutes = Math.max(1, Math.ceil((failure.retryAfter ?? 60) / 60));
	return translate(failure.message, { minutes, ...failure.inputs });
}

export const templateOptions = (): { value: BoardTemplate; label: string }[] =>
	BOARD_TEMPLATES.map((template) => ({ value: template, label: translate(`template_${template.replace('-', '_')}`) }));
