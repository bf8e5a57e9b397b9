/*
 * Reading customer files as text: delimiter and encoding detection. Pure functions. The cell
 * parsers (numbers, dates …) are shared with the browser: $lib/domain/customer-data/values.
 */

export type Delimiter = ',' | ';' | '\t' | '|';

/** The delimiter of a header (or first) line: the candidate that occurs most outside quotes. */
export function detectDelimiter(line: string): Delimiter | null {
	const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0, '|': 0 };
	let quoted = false;
	for (const char of line) {
		if (char === '"') quoted = !quoted;
		else if (!quoted && char in counts) counts[char as Delimiter]++;
	}
	let best: Delimiter | null = null;
	for (const candidate of Object.keys(counts) as Delimiter[]) {
		if (counts[candidate] > 0 && (best === null || counts[candidate] > counts[best])) best = candidate;
	}
	return best;
}

export type Separator = Delimiter | 'whitespace';

/**
 * The separator of a file from its first non-empty lines: a delimiter of the first line, else
 * runs of spaces when every line splits into the same number (≥ 2) of columns — positional
 * exports such as CDNOW — else `,` (one column).
 */
export function detectSeparator(lines: string[]): Separator {
	const filled = lines.filter((line) => line.trim() !== '').slice(0, 20);
	if (!filled.length) return ',';
	const delimiter = detectDelimiter(filled[0]!);
	if (delimiter) return delimiter;
	const widths = new Set(filled.map((line) => line.trim().split(/\s+/).length));
	const [width] = widths;
	return widths.size === 1 && width! >= 2 ? 'whitespace' : ',';
}

/** A file with NUL bytes is not text we can read (binary, or UTF-16). */
export function looksBinary(sample: Uint8Array): boolean {
	return sample.includes(0);
}

/**
 * Feeds bytes as they arrive and tells at the end whether they were valid UTF-8; otherwise the
 * file is read as Windows-1252, what Excel on Windows writes as "CSV".
 */
export class EncodingSniffer {
	#decoder = new TextDecoder('utf-8', { fatal: true });
	#valid = true;

	push(bytes: Uint8Array): void {
		if (!this.#valid) return;
		try {
			this.#decoder.decode(bytes, { stream: true });
		} catch {
			this.#valid = false;
		}
	}

	get encoding(): 'utf-8' | 'windows-1252' {
		if (this.#valid) {
			try {
				this.#decoder.decode();
			} catch {
				this.#valid = false;
			}
		}
		return this.#valid ? 'utf-8' : 'windows-1252';
	}
}

/*
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (€, curly quotes, dashes, Š, Ž …).
 * Node's TextDecoder without full ICU reads 'windows-1252' as Latin-1, so map those 32 here.
 */
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.toString('latin1')
		.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** A streaming text decoder for the encodings a customer file can have; UTF-8 loses its BOM. */
export function textDecoderFor(encoding: 'utf-8' | 'windows-1252'): { decode(bytes?: Uint8Array): string } {
	if (encoding === 'windows-1252') return { decode: (bytes) => (bytes ? decodeWindows1252(bytes) : '') };
	const decoder = new TextDecoder('utf-8');
	return { decode: (bytes) => (bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode()) };
}
