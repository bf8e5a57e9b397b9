import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { aimsTable, channelsTable, headlineTable, leaksTable, loyaltySeriesTable, portfolioTable, segmentsTable, type ExportTable } from '$lib/domain/insights/tables';
import { tableCsv } from '$lib/domain/insights/table-csv';
import type * as db from '../db';
import { requireWorkspace } from '../auth';
import { notFound } from '../errors';
import { insightsSections, type InsightsSectionName, type InsightsSectionsJson } from '../http/insights-sections';
import type { InsightsInput } from '.';
import { aimsLabels, channelsLabels, headlineLabels, leaksLabels, loyaltySeriesLabels, portfolioLabels, segmentsLabels } from './table-labels';
import { tableXlsx } from './table-xlsx';

/*
 * The tables of the insights page that download (CSV, XLSX): each from its section's JSON
 * answer, computed as the page computes it. A new table joins with one entry here.
 */

interface TableDefinition<S extends InsightsSectionName> {
	title: () => string;
	build: (answer: NonNullable<InsightsSectionsJson[S]>, currency: string) => ExportTable;
}

type Definitions = { [S in InsightsSectionName]?: Record<string, TableDefinition<S>> };

export const exportTables = {
	headline: { figures: { title: () => m.insights_export_table_figures(), build: (answer, currency) => headlineTable(answer, headlineLabels(currency)) } },
	aims: { aims: { title: () => m.insights_export_table_aims(), build: (answer, currency) => aimsTable(answer, aimsLabels(currency)) } },
	value: { segments: { title: () => m.insights_export_table_segments(), build: (answer, currency) => segmentsTable(answer, segmentsLabels(currency)) } },
	leaks: { leaks: { title: () => m.insights_export_table_leaks(), build: (answer, currency) => leaksTable(answer, leaksLabels(currency)) } },
	loyalty: { series: { title: () => m.insights_export_table_series(), build: (answer) => loyaltySeriesTable(answer, loyaltySeriesLabels()) } },
	channels: { channels: { title: () => m.insights_export_table_channels(), build: (answer, currency) => channelsTable(answer, channelsLabels(currency)) } },
	opportunities: { portfolio: { title: () => m.insights_export_table_portfolio(), build: (answer, currency) => portfolioTable(answer, portfolioLabels(currency)) } }
} satisfies Definitions;

export type ExportFormat = 'csv' | 'xlsx';

export type TableDownload =
	| { status: 'running'; progress: number }
	| { status: 'done'; fileName: string; contentType: string; body: string | Buffer };

const slug = (name: string) =>
	name
		.normalize('NFKD')
		.replace(/[^\w\s-]/g, '')
		.trim()
		.replace(/[\s_]+/g, '-')
		.toLowerCase()
		.slice(0, 40) || 'workspace';

function definitionOf(section: string, table: string): TableDefinition<InsightsSectionName> | undefined {
	if (!Object.hasOwn(exportTables, section)) return undefined;
	const tables = exportTables[section as keyof typeof exportTables] as Record<string, TableDefinition<InsightsSectionName>>;
	return Object.hasOwn(tables, table) ? tables[table] : undefined;
}

/** An insights table as a file for the filters, in the reader's language; 404 for a table that does not download. */
export async function downloadTable(
	user: db.User | null,
	workspaceId: string,
	request: { section: string; table: string; format: ExportFormat; input: InsightsInput },
	waitMs: number,
	today = new Date()
): Promise<TableDownload> {
	const { workspace } = requireWorkspace(user, workspaceId, 'data:read');
	const definition = definitionOf(request.section, request.table);
	if (!definition) throw notFound('Table');
	const section = insightsSections[request.section as InsightsSectionName] as (typeof insightsSections)[InsightsSectionName];
	const answer = await section.compute(user, workspaceId, request.input, waitMs);
	if (answer.status === 'running') return answer;
	const json = (section.toJson as (report: unknown) => never)(answer.result);
	const table = definition.build(json, workspace.currency);
	const locale = getLocale();
	const fileName = `waymark-${slug(workspace.name)}-${request.section}-${request.table}-${today.toISOString().slice(0, 10)}.${request.format}`;
	if (request.format === 'csv') return { status: 'done', fileName, contentType: 'text/csv; charset=utf-8', body: tableCsv(table, locale) };
	return {
		status: 'done',
		fileName,
		contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		body: await tableXlsx(table, definition.title())
	};
}
