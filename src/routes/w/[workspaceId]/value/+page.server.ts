import { assumptionSaveSchema, clvQuerySchema } from '$lib/schemas';
import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { AppError } from '$lib/server/errors';
import { loadPage, runForm } from '$lib/server/http/forms';
import { clvReportJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import { cutChoices } from '$lib/server/groups';
import { customerValue, setValueAssumption, valueAssumption } from '$lib/server/insights';
import { TIME_UNIT_DAYS } from '$lib/server/analytics';
import type { Actions, PageServerLoad } from './$types';

/** The page waits this long for a computation before showing its progress instead. */
const WAIT_MS = 6_000;
const TOP_CUSTOMERS = 15;

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		event.depends(WORKSPACE_DATA_DEPENDENCY);
		const { url, params, locals } = event;
		// An empty box in the form means "the default", not an empty value.
		const asked = Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== ''));
		// The page asks for the discount rate per year (what managers quote); the API per time unit.
		const { discountPerYear, cut, ...rest } = asked;
		// One picker for the cut: `group:<id>` or `persona:<id>`.
		if (cut?.startsWith('group:')) rest.groupId = cut.slice(6);
		if (cut?.startsWith('persona:')) rest.personaId = cut.slice(8);
		const parsed = clvQuerySchema.safeParse(rest);
		const input = parsed.success ? parsed.data : clvQuerySchema.parse({});
		const yearly = Number(discountPerYear ?? '10');
		const perYear = Number.isFinite(yearly) && yearly >= 0 && yearly <= 100 ? yearly : 10;
		if (input.model === 'discounted') input.discountRate = Math.pow(1 + perYear / 100, TIME_UNIT_DAYS[input.timeUnit] / 365.25) - 1;
		const groups = cutChoices(locals.user, params.workspaceId);
		const form = { ...input, discountPerYear: perYear, invalid: !parsed.success };
		const assumption = input.model === 'formula' && !input.personaId ? await valueAssumption(locals.user, params.workspaceId, input.groupId) : null;
		try {
			const answer = await customerValue(locals.user, params.workspaceId, input, WAIT_MS);
			if (answer.status === 'running') return { form, groups, assumption, report: null, progress: answer.progress, problem: null };
			const report = clvReportJson(answer.result, answer.mayListCustomers ? { limit: TOP_CUSTOMERS } : null);
			return { form, groups, assumption, report, progress: null, problem: null };
		} catch (error) {
			// Too little data is a state of the workspace, not a failure of the page.
			if (error instanceof AppError && error.status === 422) return { form, groups, assumption, report: null, progress: null, problem: error.message };
			throw error;
		}
	});

const FACTORS = ['purchaseRate', 'relationshipLength', 'T', 'A', 'P', 'K'] as const;

export const actions: Actions = {
	assumptions: (event) =>
		runForm(event, 'assumptions', async (fields) => {
			// An empty box: that factor comes from the data again.
			const overrides = Object.fromEntries(FACTORS.filter((f) => (fields[f] ?? '').trim() !== '').map((f) => [f, fields[f]!.replace(',', '.')]));
			const input = parseInput(assumptionSaveSchema, { groupId: fields.groupId || undefined, overrides, note: fields.note ?? '' });
			await setValueAssumption(event.locals.user, event.params.workspaceId, input);
		})
};
