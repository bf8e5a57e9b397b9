import {
	fieldsOf,
	futureDatedRows,
	invalidRowsOf,
	looksLikeHeader,
	matchColumns,
	validateRow,
	resolveMapping,
	type ImportKind,
	type ImportPreview,
	type ImportRowError,
	type MappingInput
} from '$lib/domain/customer-data';

/*
 * The preview of one file before it is imported. The server reads the first rows (the same
 * encoding, separator and workbook reading as the import); the column choices are applied
 * here with the import's own mapping and validation code, so every change shows at once.
 */

export type Delimiter = NonNullable<ImportPreview['delimiter']>;
/** A text file's preview needs only its start (the server reads no more than this). */
const TEXT_SAMPLE_BYTES = 64 * 1024;

export interface SavedMapping {
	id: string;
	name: string;
	kind: ImportKind;
	mapping: MappingInput;
	format: { delimiter: string; header: boolean };
}

/** One field's value in one row, as the import would read it. */
export type Sample = { ok: true; value: unknown } | { ok: false; error: ImportRowError } | { ok: true; value: null; empty: true };

export async function errorText(response: Response, fallback: string): Promise<string> {
	try {
		const body = (await response.json()) as { error?: { message?: string; fields?: Record<string, string> } };
		const fields = Object.values(body.error?.fields ?? {});
		return [body.error?.message, ...fields].filter(Boolean).join(' — ') || fallback;
	} catch {
		return fallback;
	}
}

async function isWorkbook(file: File): Promise<boolean> {
	const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
	return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

export class ImportPreviewState {
	#workspace: () => string;
	#file = $state<File | null>(null);
	#kind = $state<ImportKind>('transactions');
	#preview = $state<ImportPreview | null>(null);
	#loading = $state(false);
	#problem = $state<string | null>(null);
	#header = $state(true);
	/** Field → 0-based column, or null for "not imported". */
	#selected = $state<Record<string, number | null>>({});
	#saved = $state<SavedMapping[]>([]);
	#savedId = $state('');
	#request = 0;

	constructor(workspace: () => string) {
		this.#workspace = workspace;
	}

	get file() {
		return this.#file;
	}
	get kind() {
		return this.#kind;
	}
	get preview() {
		return this.#preview;
	}
	get loading() {
		return this.#loading;
	}
	get problem() {
		return this.#problem;
	}
	get header() {
		return this.#header;
	}
	get savedId() {
		return this.#savedId;
	}
	get savedForKind() {
		return this.#saved.filter((saved) => saved.kind === this.#kind);
	}

	readonly fields = $derived(Object.entries(fieldsOf(this.#kind)).map(([name, spec]) => ({ name, ...spec })));
	readonly headerRow = $derived(this.#header ? (this.#preview?.rows[0] ?? []) : null);
	readonly dataRows = $derived.by(() => {
		const preview = this.#preview;
		if (!preview) return [];
		const offset = this.#header ? 1 : 0;
		return preview.rows.slice(offset).map((cells, i) => ({ cells, row: preview.rowNumbers[i + offset]! }));
	});
	readonly width = $derived(Math.max(0, ...(this.#preview?.rows ?? []).map((row) => row.length)));

	/** The mapping the import gets: every field, by 1-based position or null. */
	readonly mapping = $derived(
		Object.fromEntries(this.fields.map(({ name }) => [name, this.#selected[name] === undefined || this.#selected[name] === null ? null : this.#selected[name]! + 1]))
	);

	readonly missing = $derived(this.fields.filter((field) => field.required && (this.#selected[field.name] ?? null) === null).map((field) => field.name));

	/** Per data row: the record the import would store, or its errors. */
	readonly results = $derived.by(() => {
		const resolved = resolveMapping(this.#kind, this.headerRow, this.width, this.mapping);
		if (!('mapping' in resolved)) return null;
		return this.dataRows.map(({ cells, row }) => validateRow(this.#kind, cells, resolved.mapping, row));
	});

	#numbered = $derived.by(() => {
		const results = this.results;
		return results ? this.dataRows.map(({ row }, i) => ({ row, result: results[i]! })) : [];
	});

	/** The rows shown that the import would refuse: counted and listed alike. */
	readonly invalidRows = $derived(invalidRowsOf(this.#numbered));

	/** The rows shown that are valid but dated after the server's today: imported, and flagged. */
	readonly futureDated = $derived(this.#preview ? futureDatedRows(this.#numbered, this.#preview.today) : []);

	/** The format the import should use: what the preview read, with the user's header choice. */
	readonly format = $derived.by(() => {
		const preview = this.#preview;
		if (!preview) return null;
		return preview.file === 'text' ? { delimiter: preview.delimiter ?? 'auto', header: this.#header } : { header: this.#header };
	});

	sample(field: string, index: number): Sample | null {
		const result = this.results?.[index];
		if (!result) return null;
		const column = this.#selected[field];
		if (column === null || column === undefined) return null;
		if ('errors' in result) {
			const error = result.errors.find((e) => e.column === this.columnName(column));
			if (error) return { ok: false, error };
		}
		const value = 'errors' in result ? result.values[field] : (result.record as unknown as Record<string, unknown>)[field];
		return value === null || value === undefined || value === '' ? { ok: true, value: null, empty: true } : { ok: true, value };
	}

	selected(field: string): number | null {
		return this.#selected[field] ?? null;
	}

	/** The name the import uses for a column in its messages. */
	columnName(index: number): string {
		return this.headerRow?.[index]?.trim() || `column ${index + 1}`;
	}

	select(field: string, column: number | null) {
		this.#selected = { ...this.#selected, [field]: column };
		this.#savedId = '';
	}

	async choose(file: File | null) {
		this.#file = file;
		this.#preview = null;
		this.#problem = null;
		this.#savedId = '';
		if (file) await this.#load({});
	}

	setKind(kind: ImportKind) {
		this.#kind = kind;
		this.detect();
	}

	/** Back to what the file itself suggests: header or not, columns by their names. */
	detect() {
		this.#savedId = '';
		if (!this.#preview) return;
		this.#header = looksLikeHeader(this.#kind, this.#preview.rows);
		this.#autoMap({});
	}

	setHeader(header: boolean) {
		this.#header = header;
		this.#autoMap({});
	}

	async setDelimiter(delimiter: Delimiter) {
		await this.#load({ format: { delimiter, header: this.#header } });
	}

	async setSheet(sheet: string) {
		await this.#load({ sheet });
	}

	async loadSaved() {
		const response = await fetch(`/api/v1/workspaces/${this.#workspace()}/mappings`);
		if (response.ok) this.#saved = ((await response.json()) as { items: SavedMapping[] }).items;
	}

	/** Applies a saved mapping; answers the columns it names that this file lacks. */
	async applySaved(id: string): Promise<string[]> {
		const saved = this.#saved.find((item) => item.id === id);
		if (!saved || !this.#preview) return [];
		const delimiter = saved.format.delimiter as Delimiter | 'auto';
		if (this.#preview.file === 'text' && delimiter !== 'auto' && delimiter !== this.#preview.delimiter) {
			await this.#load({ format: { delimiter, header: saved.format.header } });
		}
		this.#header = saved.format.header;
		const lacking = this.#autoMap(saved.mapping);
		this.#savedId = id;
		return lacking;
	}

	async save(name: string): Promise<{ ok: true; saved: SavedMapping } | { ok: false; message: string }> {
		// With a header, columns are saved by name: the next export may order them differently.
		const mapping = Object.fromEntries(
			Object.entries(this.mapping).map(([field, position]) => [field, position !== null && this.headerRow?.[position - 1]?.trim() ? this.headerRow[position - 1]!.trim() : position])
		);
		const response = await fetch(`/api/v1/workspaces/${this.#workspace()}/mappings`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name, kind: this.#kind, mapping, format: { delimiter: this.#preview?.delimiter ?? 'auto', header: this.#header } })
		});
		if (!response.ok) return { ok: false, message: await errorText(response, name) };
		const saved = (await response.json()) as SavedMapping;
		this.#saved = [saved, ...this.#saved];
		this.#savedId = saved.id;
		return { ok: true, saved };
	}

	/** Fills the form for the import itself. */
	fillForm(body: FormData) {
		body.set('kind', this.#kind);
		if (!this.#preview) return;
		body.set('mapping', JSON.stringify(this.mapping));
		if (this.format) body.set('format', JSON.stringify(this.format));
		if (this.#preview.sheet) body.set('sheet', this.#preview.sheet);
	}

	#autoMap(input: MappingInput): string[] {
		const { columns, problems } = matchColumns(this.#kind, this.headerRow, this.width, input);
		this.#selected = Object.fromEntries(this.fields.map(({ name }) => [name, columns[name] ?? null]));
		return problems.flatMap((problem) => (problem.kind === 'unknown_column' ? [String(problem.column)] : []));
	}

	async #load(fields: { format?: { delimiter: string; header: boolean }; sheet?: string }) {
		const file = this.#file;
		if (!file) return;
		const request = ++this.#request;
		this.#loading = true;
		this.#problem = null;
		const body = new FormData();
		body.set('kind', this.#kind);
		if (fields.format) body.set('format', JSON.stringify(fields.format));
		if (fields.sheet) body.set('sheet', fields.sheet);
		// A workbook is read from the directory at its end: it goes whole. Of text, the start will do.
		body.set('file', (await isWorkbook(file)) ? file : file.slice(0, TEXT_SAMPLE_BYTES), file.name);
		try {
			const response = await fetch(`/api/v1/workspaces/${this.#workspace()}/imports/preview`, { method: 'POST', body });
			if (request !== this.#request) return;
			if (!response.ok) {
				this.#preview = null;
				this.#problem = await errorText(response, '');
				return;
			}
			const preview = (await response.json()) as ImportPreview;
			this.#preview = preview;
			this.#header = preview.header;
			this.#selected = Object.fromEntries(Object.entries(preview.mapping).map(([field, position]) => [field, position === null ? null : position - 1]));
		} finally {
			if (request === this.#request) this.#loading = false;
		}
	}
}
