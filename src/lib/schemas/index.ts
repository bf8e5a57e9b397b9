import { z } from 'zod';
import { BOARD_TEMPLATES } from '$lib/domain/board/templates/types';

/*
 * One set of schemas validates both the JSON API and the form actions. Error messages are
 * message keys (messages/*.json); the API answers them in English, pages in the user's language.
 */

export const PASSWORD_MIN_LENGTH = 10;

const requiredText = (max: number) =>
	z
		.string({ error: 'error_required' })
		.trim()
		.min(1, { error: 'error_required' })
		.max(max, { error: 'error_too_long' });

export const email = z
	.string({ error: 'error_required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'error_required' })
	.max(254, { error: 'error_too_long' })
	.pipe(z.email({ error: 'error_email_invalid' }));

export const newPassword = z
	.string({ error: 'error_required' })
	.min(PASSWORD_MIN_LENGTH, { error: 'error_password_too_short' })
	.max(256, { error: 'error_too_long' });

export const role = z.enum(['owner', 'editor', 'viewer'], { error: 'error_role_invalid' });
export const locale = z.enum(['en', 'nl'], { error: 'error_locale_invalid' });
export const boardTemplate = z.enum(BOARD_TEMPLATES, { error: 'error_template_invalid' });

export const signupSchema = z.object({
	email,
	password: newPassword,
	name: requiredText(100)
});

export const loginSchema = z.object({
	email,
	password: z.string({ error: 'error_required' }).min(1, { error: 'error_required' }).max(256, { error: 'error_too_long' })
});

export const changePasswordSchema = z.object({
	currentPassword: z.string({ error: 'error_required' }).min(1, { error: 'error_required' }),
	newPassword
});

export const profileSchema = z.object({
	name: requiredText(100).optional(),
	locale: locale.nullable().optional()
});

export const tokenCreateSchema = z.object({ name: requiredText(80) });

export const workspaceCreateSchema = z.object({ name: requiredText(80) });
export const workspaceUpdateSchema = z
	.object({
		name: requiredText(80).optional(),
		viewersMayComment: z.boolean({ error: 'error_boolean' }).optional()
	})
	.refine((value) => value.name !== undefined || value.viewersMayComment !== undefined, {
		error: 'error_nothing_to_change'
	});

export const memberAddSchema = z.object({ email, role });
export const memberUpdateSchema = z.object({ role });

export const boardCreateSchema = z.object({
	title: requiredText(120),
	template: boardTemplate.optional()
});

export const boardUpdateSchema = z
	.object({
		title: requiredText(120).optional(),
		archived: z.boolean({ error: 'error_boolean' }).optional()
	})
	.refine((value) => value.title !== undefined || value.archived !== undefined, {
		error: 'error_nothing_to_change'
	});

export const boardDuplicateSchema = z.object({ title: requiredText(120).optional() });

export const MAX_PAGE_LIMIT = 100;
export const pageQuerySchema = z.object({
	limit: z.coerce
		.number({ error: 'error_limit_invalid' })
		.int({ error: 'error_limit_invalid' })
		.min(1, { error: 'error_limit_invalid' })
		.max(MAX_PAGE_LIMIT, { error: 'error_limit_invalid' })
		.optional(),
	cursor: z.string().max(500, { error: 'error_cursor_invalid' }).optional()
});

export type SignupInput = z.infer<typeof signupSchema>;
export type LoginInput = z.infer<typeof loginSchema>;

export const versionCreateSchema = z.object({
	label: z.string().trim().max(120, { error: 'error_too_long' }).optional()
});
