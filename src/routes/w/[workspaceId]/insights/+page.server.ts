import { insightsQuerySchema } from '$lib/schemas';
import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { AppError } from '$lib/server/errors';
import { loadPage, runForm } from '$lib/server/http/forms';
import { headlineJson, leaksJson } from '$lib/server/http/insights-json';
import { valueWhereJson } from '$lib/server/http/insights-value-json';
import { cutChoices } from '$lib/server/groups';
import { portfolioJson } from '$lib/server/http/insights-portfolio-json';
import { addDriverAsCause, dropOffDrivers, headline, leaks, loyaltySection, opportunities, valueWhere } from '$lib/server/insights';
import { driversJson } from '$lib/server/http/insights-drivers-json';
import { driverCauseSchema } from '$lib/schemas';
import { requireWorkspace, roleAllows } from '$lib/server/auth';
import { eventTypeLabelsOf } from '$lib/server/event-types';
import { parseInput } from '$lib/server/http/validation';
import { m } from '$lib/paraglide/messages';
import { loyaltySectionJson } from '$lib/server/http/insights-loyalty-json';
import { snapshotCreateSchema } from '$lib/schemas';
import { saveSnapshot } from '$lib/server/snapshots';
import type { Actions, PageServerLoad } from './$types';
import { channelsJson } from '$lib/server/http/insights-channels-json';
import { aimsSection, channelsSection } from '$lib/server/insights';
import { aimsJson } from '$lib/server/http/insights-aims-json';

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
		const { cut, driversBoard, driversStep, ...asked } = Object.fromEntries([...url.searchParams].filter(([, value]) => value.trim() !== ''));
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
		// The drivers of one step, when asked for (a link on its leak row): computed only then.
		// A link kept from before (the step unbound, the map deleted) shows the page with a word, not a 404.
		async function driversOf(boardId: string, cardId: string) {
			try {
				return await section(() => dropOffDrivers(locals.user, params.workspaceId, { ...input, boardId, cardId }, WAIT_MS), driversJson);
			} catch (error) {
				if (error instanceof AppError && error.status === 404) return { report: null, progress: null, problem: m.insights_drivers_gone() };
				throw error;
			}
		}
		const drivers = driversBoard && driversStep ? await driversOf(driversBoard, driversStep) : null;
		const mayEdit = roleAllows(requireWorkspace(locals.user, params.workspaceId, 'data:read').role, 'boards:write');
		return { form, groups, headline: head, aims, value, leaks: leaking, loyalty: loyal, channels, opportunities: portfolio, drivers, mayEdit, eventTypeLabels: eventTypeLabelsOf(params.workspaceId) };
	});

export const actions: Actions = {
	addDriverCause: (event) =>
		runForm(event, 'addDriverCause', async (fields) => {
			const { cut, ...rest } = fields;
			const input = parseInput(driverCauseSchema, {
				...Object.fromEntries(Object.entries(rest).filter(([, value]) => value.trim() !== '')),
				...(cut?.startsWith('group:') ? { groupId: cut.slice(6) } : {}),
				...(cut?.startsWith('persona:') ? { personaId: cut.slice(8) } : {})
			});
			const added = await addDriverAsCause(event.locals.user, event.params.workspaceId, { ...input, laneTitle: m.insights_driver_lane() });
			return { added: { boardId: input.boardId, cardId: added.cardId } };
		}),
	/** Saves the page as it is shown, for the filters it is shown with (hidden fields of the form). */
	saveSnapshot: (event) =>
		runForm(event, 'saveSnapshot', async ({ name, ...fields }) => {
			const filters = Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ''));
			const input = parseInput(snapshotCreateSchema, { name: name ?? '', filters });
			const saved = await saveSnapshot(event.locals.user, event.params.workspaceId, input);
			return { snapshotId: saved.id, name: saved.name };
		})
};
