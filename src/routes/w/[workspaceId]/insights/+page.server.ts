import { insightsQuerySchema } from '$lib/schemas';
import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { AppError } from '$lib/server/errors';
import { loadPage } from '$lib/server/http/forms';
import { headlineJson, leaksJson } from '$lib/server/http/insights-json';
import { valueWhereJson } from '$lib/server/http/insights-value-json';
import { cutChoices } from '$lib/server/groups';
import { portfolioJson } from '$lib/server/http/insights-portfolio-json';
import { headline, leaks, loyaltySection, opportunities, valueWhere } from '$lib/server/insights';
import { loyaltySectionJson } from '$lib/server/http/insights-loyalty-json';
import { channelsJson } from '$lib/server/http/insights-channels-json';
import { aimsSection, channelsSection } from '$lib/server/insights';
import { aimsJson } from '$lib/server/http/insights-aims-json';
import type { PageServerLoad } from './$types';

/** The page waits this long for each section before showing its progress instead. */
const WAIT_MS = 6_000;

/** A section's figures, its progress while computing, or what the data lacks. */
async function section<T, J>(work: () => Promise<{ status: 'done'; result: T } | { status: 'running'; progress: number }>, toJson: (report: T) => J) {
	try {
		const answer = await work();
		if (answer.status === 'running') return { report: null, progress: answer.progress, problem: null };
		return { report: toJson(answer.result), progress: null, problem: null };
	} catch (error) {
		// Too little data is a state of the workspace, not a failure of the page.
		if (error instanceof AppError && error.status === 422) return { report: null, progress: null, problem: error.message };
		throw error;
	}
}

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		event.depends(WORKSPACE_DATA_DEPENDENCY);
		const { url, params, locals } = event;
		// An empty box means "the default"; one picker for the cut: `group:<id>` or `persona:<id>`.
		const { cut, ...asked } = Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== ''));
		if (cut?.startsWith('group:')) asked.groupId = cut.slice(6);
		if (cut?.startsWith('persona:')) asked.personaId = cut.slice(8);
		const parsed = insightsQuerySchema.safeParse(asked);
		const input = parsed.success ? parsed.data : insightsQuerySchema.parse({});
		const groups = cutChoices(locals.user, params.workspaceId);
		const form = { ...input, invalid: !parsed.success };
		const [head, aims, value, leaking, loyal, channels, portfolio] = [
			await section(() => headline(locals.user, params.workspaceId, input, WAIT_MS), headlineJson),
			await section(() => aimsSection(locals.user, params.workspaceId, input, WAIT_MS), aimsJson),
			await section(() => valueWhere(locals.user, params.workspaceId, input, WAIT_MS), valueWhereJson),
			await section(() => leaks(locals.user, params.workspaceId, input, WAIT_MS), leaksJson),
			await section(() => loyaltySection(locals.user, params.workspaceId, input, WAIT_MS), loyaltySectionJson),
			await section(() => channelsSection(locals.user, params.workspaceId, input, WAIT_MS), channelsJson),
			await section(() => opportunities(locals.user, params.workspaceId, WAIT_MS), portfolioJson)
		];
		return { form, groups, headline: head, aims, value, leaks: leaking, loyalty: loyal, channels, opportunities: portfolio };
	});
