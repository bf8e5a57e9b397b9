/*
 * What a printed insights report holds: which sections of the insights page, which persona
 * cards, and the page's filters. The print route reads it from its query string, the API from a
 * JSON body; both go through these functions so that a link and a job describe the same report.
 */

/** The sections of the insights page, in the page's order: every one can go in a report. */
export const REPORT_SECTIONS = ['headline', 'aims', 'value', 'leaks', 'loyalty', 'channels', 'opportunities'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** More persona cards than this make a brochure, not a meeting report. */
export const MAX_REPORT_PERSONAS = 24;
/** Journey maps printed whole, each on pages of its own. */
export const MAX_REPORT_MAPS = 10;

/** The insights filters as the page keeps them in its URL. */
export interface ReportFilters {
	groupId?: string;
	personaId?: string;
	from?: string;
	to?: string;
	channel?: string;
	minimumRespondents?: number;
}

export interface ReportChoice {
	sections: ReportSection[];
	personaIds: string[];
	boardIds: string[];
	filters: ReportFilters;
}

const isSection = (value: string): value is ReportSection => (REPORT_SECTIONS as readonly string[]).includes(value);

/** The sections in the page's order, each once, whatever order they were asked in. */
export const orderedSections = (asked: readonly string[]): ReportSection[] => REPORT_SECTIONS.filter((section) => asked.includes(section));

/** The query string of the print route for a report. */
export function reportSearchParams(choice: ReportChoice): URLSearchParams {
	const params = new URLSearchParams();
	params.set('sections', orderedSections(choice.sections).join(','));
	if (choice.personaIds.length) params.set('personas', [...new Set(choice.personaIds)].join(','));
	if (choice.boardIds.length) params.set('maps', [...new Set(choice.boardIds)].join(','));
	for (const key of ['groupId', 'personaId', 'from', 'to', 'channel'] as const) {
		const value = choice.filters[key];
		if (value) params.set(key, value);
	}
	if (choice.filters.minimumRespondents !== undefined) params.set('minimumRespondents', String(choice.filters.minimumRespondents));
	return params;
}

/** The report a print route's query string asks for: unknown sections are dropped, personas capped. */
export function reportChoiceOf(params: URLSearchParams): { sections: ReportSection[]; personaIds: string[]; boardIds: string[]; filters: Record<string, string> } {
	const list = (name: string) =>
		(params.get(name) ?? '')
			.split(',')
			.map((item) => item.trim())
			.filter(Boolean);
	const filters: Record<string, string> = {};
	for (const key of ['groupId', 'personaId', 'from', 'to', 'channel', 'minimumRespondents']) {
		const value = params.get(key)?.trim();
		if (value) filters[key] = value;
	}
	return {
		sections: orderedSections(list('sections').filter(isSection)),
		personaIds: [...new Set(list('personas'))].slice(0, MAX_REPORT_PERSONAS),
		boardIds: [...new Set(list('maps'))].slice(0, MAX_REPORT_MAPS),
		filters
	};
}

/** A map's stages in runs that fit across one landscape page, each run with its place in the whole. */
export function stageRuns<T>(stages: readonly T[], perPage: number): { stages: T[]; from: number; to: number }[] {
	const runs: { stages: T[]; from: number; to: number }[] = [];
	// Runs of even length: 7 stages at 6 a page print as 4 + 3, not 6 + 1.
	const pages = Math.max(1, Math.ceil(stages.length / perPage));
	const size = Math.ceil(stages.length / pages);
	for (let start = 0; start < stages.length; start += size) {
		runs.push({ stages: stages.slice(start, start + size), from: start + 1, to: Math.min(stages.length, start + size) });
	}
	return runs;
}
