import { describe, expect, it } from 'vitest';
import { endpoints, openApiDocument } from './openapi';

describe('the OpenAPI registry', () => {
	it('lists each method and path once, with unique operation ids', () => {
		const keys = endpoints.map((e) => `${e.method} ${e.path}`);
		expect(new Set(keys).size).toBe(keys.length);
		const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId: string }>> };
		const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toContain('postWorkspacesIdMembers');
	});

	it('documents 401 on every endpoint but the public ones, and 413/415 wherever a body is read', () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown; security?: unknown[] }>> };
		for (const [path, operations] of Object.entries(doc.paths)) {
			for (const [method, operation] of Object.entries(operations)) {
				const where = `${method} ${path}`;
				if (operation.security) expect(operation.responses['401'], where).toBeUndefined();
				else expect(operation.responses['401'], where).toBeDefined();
				if (operation.requestBody) {
					expect(operation.responses['413'], where).toBeDefined();
					expect(operation.responses['415'], where).toBeDefined();
				}
			}
		}
	});

	it('describes the import error report as a CSV download, not JSON', () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
		const report = doc.paths['/api/v1/imports/{id}/errors.csv']!.get!;
		expect(Object.keys(report.responses['200']!.content!)).toEqual(['text/csv']);
		expect(Object.keys(report.responses['404']!.content!)).toEqual(['application/json']);
	});

	it('describes an insights table as a CSV or XLSX download with the insights filters and the format', () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, { parameters: { name: string }[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };
		const table = doc.paths['/api/v1/workspaces/{id}/insights/{section}/table/{table}']!.get!;
		expect(Object.keys(table.responses['200']!.content!)).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
		expect(table.responses['202']).toBeDefined();
		expect(table.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['section', 'table', 'format', 'groupId', 'from', 'to']));
	});
});
