import { z } from 'zod';
import { BOARD_TEMPLATES } from '$lib/domain/board/templates/types';
import { IMPORT_KINDS } from '$lib/domain/customer-data/kinds';

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

// ── customer data imports ────────────────────────────────────────────────────────────────

export { IMPORT_KINDS };
export const importKind = z.enum(IMPORT_KINDS, { error: 'error_import_kind_invalid' });

/** Field → header name, or 1-based column position (files without a header); `null` leaves the field out. */
export const columnMapping = z.record(
	z.string().min(1).max(40),
	z.union([z.string().trim().min(1).max(200), z.number().int().min(1).max(1000), z.null()]),
	{ error: 'error_mapping_invalid' }
);

export const fileFormat = z.object(
	{
		/** `auto` reads it from the first line; `whitespace` splits on runs of spaces and tabs. */
		delimiter: z.enum(['auto', ',', ';', '\t', '|', 'whitespace'], { error: 'error_format_invalid' }).default('auto'),
		header: z.boolean({ error: 'error_format_invalid' }).default(true)
	},
	{ error: 'error_format_invalid' }
);

/** A multipart text field holding JSON. */
const jsonField = <S extends z.ZodType>(schema: S, error: string) =>
	z
		.string()
		.transform((text, ctx) => {
			try {
				return JSON.parse(text) as unknown;
			} catch {
				ctx.addIssue({ code: 'custom', message: error });
				return z.NEVER;
			}
		})
		.pipe(schema);

/** The text fields of `POST /workspaces/:id/imports` (the file comes as the `file` part). */
export const importFormSchema = z.object({
	kind: importKind,
	mapping: jsonField(columnMapping, 'error_mapping_invalid').optional(),
	format: jsonField(fileFormat, 'error_format_invalid').optional(),
	mappingId: z.string().trim().min(1).max(40).optional(),
	/** The sheet of an Excel workbook to read; the first without it. */
	sheet: z.string().trim().min(1).max(200).optional(),
	skipInvalid: z
		.enum(['true', 'false', '1', '0', 'on', 'off'], { error: 'error_boolean' })
		.optional()
		.transform((value) => value === 'true' || value === '1' || value === 'on')
});

/** The text fields of `POST /workspaces/:id/imports/preview`: an import's, without skipping. */
export const importPreviewFormSchema = importFormSchema.omit({ skipInvalid: true });

export const mappingCreateSchema = z.object({
	name: requiredText(80),
	kind: importKind,
	mapping: columnMapping,
	format: fileFormat.optional().transform((value) => value ?? { delimiter: 'auto' as const, header: true })
});
