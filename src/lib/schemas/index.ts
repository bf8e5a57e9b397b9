import { z } from 'zod';
import { parseTraitKey } from '$lib/domain/insights/drivers';
import { BOARD_TEMPLATES } from '$lib/domain/board/templates/types';
import { isCurrencyCode } from '$lib/domain/currency';
import { GROUP_BASES, groupRuleSchema } from '$lib/domain/groups';
import { IMPORT_KINDS } from '$lib/domain/customer-data/kinds';
import { EVENT_TYPE_LABEL_MAX, eventTypeId } from '$lib/domain/customer-data/event-types';
import { PERSONA_FEATURE_IDS } from '$lib/domain/personas/phrasing';
import { MINIMUM_SEGMENT_CUSTOMERS, MINIMUM_SEGMENT_CUSTOMERS_BOUNDS } from '$lib/domain/insights/value-where';
import { SNAPSHOT_NAME_MAX } from '$lib/domain/insights/snapshot';
import { MAX_REPORT_MAPS, MAX_REPORT_PERSONAS, REPORT_SECTIONS } from '$lib/domain/insights/report';

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

/** An ISO 4217 code such as `EUR` or `USD` (lower case is read as upper case). */
export const currency = z
	.string({ error: 'error_currency_invalid' })
	.trim()
	.toUpperCase()
	.refine(isCurrencyCode, { error: 'error_currency_invalid' });

/** The fewest customers a group or persona needs for its figures to show (form fields send it as text). */
export const minimumSegmentCustomers = z.coerce
	.number({ error: 'error_minimum_group_size_invalid' })
	.int({ error: 'error_minimum_group_size_invalid' })
	.min(MINIMUM_SEGMENT_CUSTOMERS_BOUNDS.min, { error: 'error_minimum_group_size_invalid' })
	.max(MINIMUM_SEGMENT_CUSTOMERS_BOUNDS.max, { error: 'error_minimum_group_size_invalid' });

export const workspaceCreateSchema = z.object({ name: requiredText(80) });
export const workspaceUpdateSchema = z
	.object({
		name: requiredText(80).optional(),
		viewersMayComment: z.boolean({ error: 'error_boolean' }).optional(),
		currency: currency
			.optional()
			.describe("ISO 4217 code of the workspace's money. Changes how amounts are shown, never converts them."),
		minimumSegmentCustomers: minimumSegmentCustomers
			.optional()
			.describe(`Groups and personas with fewer customers show no figures on the insights page (${MINIMUM_SEGMENT_CUSTOMERS_BOUNDS.min}–${MINIMUM_SEGMENT_CUSTOMERS_BOUNDS.max}; ${MINIMUM_SEGMENT_CUSTOMERS} unless set)`)
	})
	.refine((value) => value.name !== undefined || value.viewersMayComment !== undefined || value.currency !== undefined || value.minimumSegmentCustomers !== undefined, {
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
export const jsonField = <S extends z.ZodType>(schema: S, error: string) =>
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

// ── customer groups ──────────────────────────────────────────────────────────────────────

export const groupBasis = z.enum(GROUP_BASES, { error: 'error_group_basis_invalid' });
const groupDescription = z.string().trim().max(500, { error: 'error_too_long' });

export const groupCreateSchema = z.object({
	name: requiredText(80),
	description: groupDescription.default(''),
	basis: groupBasis.default('combined'),
	rule: groupRuleSchema.default({ match: 'all', conditions: [] })
});

export const groupUpdateSchema = z.object({
	name: requiredText(80).optional(),
	description: groupDescription.optional(),
	basis: groupBasis.optional(),
	rule: groupRuleSchema.optional()
});

export const groupPreviewSchema = z.object({ rule: groupRuleSchema });

export const groupPresetSchema = z.object({
	preset: z.enum(['rfm', 'top-20'], { error: 'error_group_preset_invalid' }),
	/** Language of the group names; the account's language when left out. */
	locale: locale.optional()
});

/** The group editor's form: the rule builder sends its rule as one JSON field. */
export const groupFormSchema = z.object({
	name: requiredText(80),
	description: groupDescription.default(''),
	basis: groupBasis,
	rule: jsonField(groupRuleSchema, 'error_rule_invalid')
});

// ── analyses ─────────────────────────────────────────────────────────────────────────────

const isoDay = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, { error: 'error_date_invalid' })
	// Date.parse rolls 2026-02-30 over to 2 March: the day must come back as written.
	.refine((text) => {
		const day = Date.parse(`${text.slice(0, 10)}T00:00:00Z`);
		return !Number.isNaN(Date.parse(text)) && !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === text.slice(0, 10);
	}, { error: 'error_date_invalid' });

export const clvQuerySchema = pageQuerySchema.extend({
	model: z.enum(['formula', 'discounted', 'bgnbd'], { error: 'error_clv_model_invalid' }).default('bgnbd'),
	groupId: z.string().trim().min(1).max(40).optional(),
	/** A persona of a customer group (its members at the latest derivation). */
	personaId: z.string().trim().min(1).max(40).optional(),
	/** Last day of the calibration period; the last transaction day when left out. Later data is the holdout. */
	calibrationEnd: isoDay.optional(),
	timeUnit: z.enum(['day', 'week', 'month'], { error: 'error_time_unit_invalid' }).default('week'),
	/** In time units; one year when left out. */
	horizon: z.coerce.number({ error: 'error_number_invalid' }).int({ error: 'error_number_invalid' }).min(1, { error: 'error_number_invalid' }).max(3660, { error: 'error_number_invalid' }).optional(),
	/** Per time unit; 10% a year when left out. */
	discountRate: z.coerce.number({ error: 'error_number_invalid' }).min(0, { error: 'error_number_invalid' }).max(1, { error: 'error_number_invalid' }).optional(),
	/** Contribution as a share of revenue, 0–1; when left out, the transactions' own margin if they carry one, else 1 (revenue). */
	margin: z.coerce.number({ error: 'error_number_invalid' }).min(0, { error: 'error_number_invalid' }).max(1, { error: 'error_number_invalid' }).optional()
});

const minimumRespondents = z.coerce
	.number({ error: 'error_number_invalid' })
	.int({ error: 'error_number_invalid' })
	.min(1, { error: 'error_number_invalid' })
	.max(10_000, { error: 'error_number_invalid' })
	.default(30);
const calendarPeriod = z.enum(['day', 'week', 'month', 'quarter'], { error: 'error_period_invalid' });
const analysisGroup = z.string().trim().min(1).max(40).optional();
/** A persona of a customer group: the customers its latest derivation assigned to it. */
const analysisPersona = z.string().trim().min(1).max(40).optional();

export const loyaltyQuerySchema = z.object({
	groupId: analysisGroup,
	personaId: analysisPersona,
	timeUnit: z.enum(['day', 'week', 'month'], { error: 'error_time_unit_invalid' }).default('week'),
	cohortPeriod: calendarPeriod.default('month'),
	/** Figures on fewer respondents are flagged `lowN`. */
	minimumRespondents
});

export const satisfactionQuerySchema = z.object({
	groupId: analysisGroup,
	personaId: analysisPersona,
	period: calendarPeriod.default('month'),
	minimumRespondents
});

export const retentionQuerySchema = z.object({
	groupId: analysisGroup,
	personaId: analysisPersona,
	period: calendarPeriod.default('quarter'),
	periods: z.coerce.number({ error: 'error_number_invalid' }).int({ error: 'error_number_invalid' }).min(1, { error: 'error_number_invalid' }).max(120, { error: 'error_number_invalid' }).default(12),
	discountRate: z.coerce.number({ error: 'error_number_invalid' }).gt(0, { error: 'error_number_invalid' }).max(1, { error: 'error_number_invalid' }).default(0.025)
});

const factor = z.coerce.number({ error: 'error_number_invalid' }).finite({ error: 'error_number_invalid' });

/** Factors of KW = (T × A × P) − K set by hand; a factor left out comes from the data. */
export const formulaOverridesSchema = z.object({
	purchaseRate: factor.positive({ error: 'error_number_invalid' }).optional(),
	relationshipLength: factor.positive({ error: 'error_number_invalid' }).optional(),
	T: factor.positive({ error: 'error_number_invalid' }).optional(),
	A: factor.positive({ error: 'error_number_invalid' }).optional(),
	P: factor.positive({ error: 'error_number_invalid' }).optional(),
	K: factor.min(0, { error: 'error_number_invalid' }).optional()
});

export const assumptionQuerySchema = z.object({ groupId: analysisGroup });

export const assumptionSaveSchema = z.object({
	groupId: analysisGroup,
	overrides: formulaOverridesSchema,
	note: z.string().trim().max(500, { error: 'error_too_long' }).default('')
});

/** The most event types one request may name (a firm's tracking plan, with room to spare). */
export const MAX_EVENT_TYPE_LABELS = 1000;

/**
 * Names for a workspace's event types: id → label; an empty label or null gives the event type
 * back its readable id. Ids are read as imports store them ("Add to cart" → `add_to_cart`).
 */
export const eventTypeLabelsSaveSchema = z.object({
	labels: z
		.record(
			z.string().transform((raw, ctx) => {
				const id = eventTypeId(raw.trim());
				if (id === null) ctx.addIssue({ code: 'custom', message: 'error_event_type_invalid' });
				return id ?? raw;
			}),
			z
				.string({ error: 'error_event_type_label_invalid' })
				.trim()
				.max(EVENT_TYPE_LABEL_MAX, { error: 'error_too_long' })
				.regex(/^[^\p{Cc}]*$/u, { error: 'error_event_type_label_invalid' })
				.transform((label) => label || null)
				.nullable(),
			{ error: (issue) => (issue.code === 'invalid_key' ? 'error_event_type_invalid' : 'error_event_type_labels_invalid') }
		)
		.refine((labels) => Object.keys(labels).length > 0, { error: 'error_nothing_to_change' })
		.refine((labels) => Object.keys(labels).length <= MAX_EVENT_TYPE_LABELS, { error: 'error_event_type_labels_too_many' })
});

export const boardMetricsQuerySchema = z.object({
	groupId: analysisGroup,
	personaId: analysisPersona,
	/** Only customers who entered the journey (its first measured stage) through this channel. */
	channel: z.string().trim().min(1).max(100).optional(),
	/** Only events (and answers) from this day on… */
	from: isoDay.optional(),
	/** …up to and including this day. */
	to: isoDay.optional(),
	/** Conversion window: the next step counts only within this many days of the previous one (0 = no limit; default a week). */
	withinDays: z.coerce.number({ error: 'error_number_invalid' }).min(0, { error: 'error_number_invalid' }).max(3660, { error: 'error_number_invalid' }).default(7),
	minimumRespondents
});

/**
 * The filters of the insights page and its JSON sections: those of a map's figures but the
 * conversion window; without `from` and `to`, the last 90 days of the workspace's data.
 */
const insightsFilters = boardMetricsQuerySchema.omit({ withinDays: true });
// A reversed period has no length to compare with the period before it.
const periodInOrder = (query: { from?: string; to?: string }) => !query.from || !query.to || query.from <= query.to;

export const insightsQuerySchema = insightsFilters.refine(periodInOrder, { error: 'error_period_reversed', path: ['to'] });

/** A step of a map, with the insights filters: whose drop-off drivers to find. */
export const insightsDriversQuerySchema = insightsFilters
	.extend({
		boardId: z.string({ error: 'error_required' }).trim().min(1, { error: 'error_required' }).max(40),
		cardId: z.string({ error: 'error_required' }).trim().min(1, { error: 'error_required' }).max(40)
	})
	.refine(periodInOrder, { error: 'error_period_reversed', path: ['to'] });

/** A clear drop-off driver of a step, to add to its map as a drop-off cause card (the figures are the server's). */
export const driverCauseSchema = insightsFilters
	.extend({
		boardId: z.string({ error: 'error_required' }).trim().min(1, { error: 'error_required' }).max(40),
		cardId: z.string({ error: 'error_required' }).trim().min(1, { error: 'error_required' }).max(40),
		/** The trait as its key: `event:<1|2>:<type>`, `profile:<field>=<value>` or `entry:<channel>`. */
		trait: z.string({ error: 'error_required' }).max(300).transform((key, ctx) => {
			const trait = parseTraitKey(key);
			if (!trait) ctx.addIssue({ code: 'custom', message: 'error_driver_invalid' });
			return trait!;
		}),
		/** The card's text, in the reader's words. */
		text: z.string({ error: 'error_required' }).trim().min(1, { error: 'error_required' }).max(500, { error: 'error_too_long' })
	})
	.refine(periodInOrder, { error: 'error_period_reversed', path: ['to'] });

/** A snapshot of the insights page: its name, and the page's filters to compute its figures for (left out: the defaults). */
export const snapshotCreateSchema = z.object({
	name: requiredText(SNAPSHOT_NAME_MAX),
	filters: insightsQuerySchema.prefault({})
});
export const snapshotRenameSchema = z.object({ name: requiredText(SNAPSHOT_NAME_MAX) });

const percentagePoints = z.coerce.number({ error: 'error_number_invalid' }).min(-100, { error: 'error_number_invalid' }).max(100, { error: 'error_number_invalid' });

export const WHAT_IF_LEVERS = ['drop-off', 'csat'] as const;

export const whatIfQuerySchema = boardMetricsQuerySchema
	.extend({
		cardId: z.string().trim().min(1, { error: 'error_required' }).max(40),
		/** What changes at the step: its drop-off falls, or its CSAT rises, by `points`. */
		lever: z.enum(WHAT_IF_LEVERS, { error: 'error_lever_invalid' }).default('drop-off'),
		/** Percentage points of the lever: drop-off falls / CSAT rises by this much (negative: the other way). */
		points: percentagePoints.optional(),
		/** The drop-off lever's points under their first name (kept for existing callers); `points` wins. */
		dropOffPoints: percentagePoints.optional(),
		/** Days to project over at the pace measured; left out: over the period the figures cover. */
		horizonDays: z.coerce.number({ error: 'error_number_invalid' }).int({ error: 'error_number_invalid' }).min(1, { error: 'error_number_invalid' }).max(3660, { error: 'error_number_invalid' }).optional()
	})
	.refine((q) => q.points !== undefined || (q.lever === 'drop-off' && q.dropOffPoints !== undefined), { error: 'error_required', path: ['points'] });

// ── personas ─────────────────────────────────────────────────────────────────────────────

/** 3…8 personas, or "auto": chosen by mean silhouette. Form fields send the number as text. */
export const personaK = z.union([
	z.literal('auto'),
	z.coerce
		.number({ error: 'error_persona_k_invalid' })
		.int({ error: 'error_persona_k_invalid' })
		.min(3, { error: 'error_persona_k_invalid' })
		.max(8, { error: 'error_persona_k_invalid' })
], { error: 'error_persona_k_invalid' });

export const personaDeriveSchema = z.object({
	k: personaK.default('auto'),
	/** Catalogue feature ids; the defaults (value and behaviour) when left out. */
	features: z
		.array(z.enum(PERSONA_FEATURE_IDS as [string, ...string[]], { error: 'error_persona_feature_invalid' }))
		.max(PERSONA_FEATURE_IDS.length)
		.optional(),
	seed: z.coerce
		.number({ error: 'error_number_invalid' })
		.int({ error: 'error_number_invalid' })
		.min(0, { error: 'error_number_invalid' })
		.max(2 ** 31 - 1, { error: 'error_number_invalid' })
		.optional()
});

const personaDescription = z.string().trim().max(2000, { error: 'error_too_long' });

export const personaCreateSchema = z.object({
	name: requiredText(80),
	description: personaDescription.default('')
});

export const personaUpdateSchema = z.object({
	name: requiredText(80).optional(),
	description: personaDescription.optional()
});

export const personaListQuerySchema = z.object({
	archived: z.enum(['true', 'false'], { error: 'error_persona_archived_invalid' }).default('false').transform((value) => value === 'true')
});

/** A printed insights report: sections of the insights page, persona cards, and the page's filters. */
export const reportRequestSchema = z
	.object({
		sections: z
			.array(z.enum(REPORT_SECTIONS, { error: 'error_report_section_invalid' }))
			.max(REPORT_SECTIONS.length)
			.default([])
			.transform((sections) => [...new Set(sections)]),
		personaIds: z.array(z.string().trim().min(1).max(40)).max(MAX_REPORT_PERSONAS, { error: 'error_report_personas_too_many' }).default([]),
		/** Journey maps printed whole. */
		boardIds: z.array(z.string().trim().min(1).max(40)).max(MAX_REPORT_MAPS, { error: 'error_report_maps_too_many' }).default([]),
		filters: insightsQuerySchema.prefault({})
	})
	.refine((choice) => choice.sections.length + choice.personaIds.length + choice.boardIds.length > 0, { error: 'error_report_sections_required', path: ['sections'] });

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;

/** An insights table as a file: the insights filters and the file's format. */
export const insightsTableQuerySchema = insightsFilters
	.extend({ format: z.enum(TABLE_FORMATS, { error: 'error_table_format_invalid' }).default('csv') })
	.refine(periodInOrder, { error: 'error_period_reversed', path: ['to'] });
