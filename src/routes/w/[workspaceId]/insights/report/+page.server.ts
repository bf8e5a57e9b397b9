import { reportChoiceOf, type ReportSection } from '$lib/domain/insights/report';
import { insightsQuerySchema } from '$lib/schemas';
import { requireWorkspace } from '$lib/server/auth';
import { cutChoices } from '$lib/server/groups';
import { loadPage } from '$lib/server/http/forms';
import { parseInput } from '$lib/server/http/validation';
import { reportMaps, reportPersonas, reportSection } from '$lib/server/reports';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { PageServerLoad } from './$types';

/*
 * The print route of the insights report: what Chromium prints to PDF (reports/jobs.ts), and a
 * print preview for anyone who may read the insights. Its sections are the insights page's; the
 * job has them computed before it asks, so the waits below are for a link opened cold.
 */

const WAIT_MS = 30_000;

/*
 * Drawn in the browser, not on the server: a report of every section is a large page, and its
 * rendering (a few hundred ms) would hold the server's thread; Chromium draws it instead, in its
 * own processes, from this load's data.
 */
export const ssr = false;

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		const { url, params, locals } = event;
		requireWorkspace(locals.user, params.workspaceId, 'data:read');
		const choice = reportChoiceOf(url.searchParams);
		const input = parseInput(insightsQuerySchema, choice.filters);
		// Cached sections answer without waiting for anything: the event loop is let in between
		// them, so that the whole report's sections are not one long turn of the server's thread.
		const load = async <S extends ReportSection>(section: S) => {
			if (!choice.sections.includes(section)) return null;
			await yieldToEventLoop();
			return reportSection(section, locals.user, params.workspaceId, input, WAIT_MS);
		};
		// One after another, as the insights page asks them: they share the CLV and event reads.
		const headline = await load('headline');
		const aims = await load('aims');
		const value = await load('value');
		const leaks = await load('leaks');
		const loyalty = await load('loyalty');
		const channels = await load('channels');
		const opportunities = await load('opportunities');
		const groups = cutChoices(locals.user, params.workspaceId);
		const group = groups.find((g) => g.id === input.groupId);
		const persona = groups.flatMap((g) => g.personas.map((p) => ({ ...p, group: g.name }))).find((p) => p.id === input.personaId);
		return {
			choice: { sections: choice.sections, personaIds: choice.personaIds, boardIds: choice.boardIds },
			filters: {
				cut: persona ? `${persona.group} · ${persona.name}` : (group?.name ?? null),
				channel: input.channel ?? null,
				from: input.from ?? null,
				to: input.to ?? null,
				minimumRespondents: input.minimumRespondents
			},
			// The period the figures cover, as the first computed section resolved it.
			period: headline?.report?.current.period ?? value?.report?.period ?? leaks?.report?.period ?? loyalty?.report?.period ?? null,
			generatedAt: new Date().toISOString(),
			sections: { headline, aims, value, leaks, loyalty, channels, opportunities },
			maps: reportMaps(locals.user, params.workspaceId, choice.boardIds),
			personas: reportPersonas(locals.user, params.workspaceId, choice.personaIds)
		};
	});
