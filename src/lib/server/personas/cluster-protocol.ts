import {
	DEFAULT_FEATURE_IDS,
	type DeriveOptions,
	type DeriveStage,
	type FeatureColumn,
	type FeatureValue,
	type PersonaDerivation,
	type PersonaInput,
	type SegmentationErrorCode
} from '../analytics/segmentation';

/*
 * What the job and the clustering worker say to each other. Columns cross the thread boundary as
 * typed arrays whose buffers are transferred, not as arrays of 200,000 boxed values (a structured
 * clone of those costs more than it saves). The decoding gives back exactly the values that went
 * in (null stays null, '' stays '', −0 stays −0), so the worker's result is the in-process one.
 */

type EncodedColumn =
	/** Numbers and nulls: NaN marks a null (used only when no value was NaN itself). */
	| { kind: 'numbers'; values: Float64Array }
	/** Anything else (labels, booleans, mixed): distinct values plus a code per customer. */
	| { kind: 'codes'; levels: FeatureValue[]; codes: Int32Array }
	/** A typed array given by the caller, copied as it is. */
	| { kind: 'typed'; values: Float64Array | Float32Array | Int32Array | Uint8Array };

export interface EncodedInput {
	customerCount: number;
	columns: Record<string, EncodedColumn>;
	revenue?: EncodedColumn;
	clv?: EncodedColumn;
}

/** DeriveOptions without the callback, which cannot cross a thread. */
export type WorkerOptions = Omit<DeriveOptions, 'onProgress'>;

export interface ToWorker {
	input: EncodedInput;
	options: WorkerOptions;
}

export type WorkerFailure =
	| { kind: 'segmentation'; code: SegmentationErrorCode; message: string }
	| { kind: 'other'; name: string; message: string; stack?: string };

export type FromWorker =
	| { type: 'progress'; stage: DeriveStage; fraction: number }
	| { type: 'done'; result: PersonaDerivation }
	| { type: 'failed'; error: WorkerFailure };

function encodeColumn(column: ArrayLike<FeatureValue>, transfer: ArrayBuffer[]): EncodedColumn {
	if (ArrayBuffer.isView(column)) {
		const values = (column as unknown as Float64Array).slice();
		transfer.push(values.buffer);
		return { kind: 'typed', values };
	}
	const n = column.length;
	const numbers = new Float64Array(n);
	let numeric = true;
	for (let i = 0; i < n; i++) {
		const value = column[i];
		if (value === null) numbers[i] = NaN;
		else if (typeof value === 'number' && !Number.isNaN(value)) numbers[i] = value;
		else {
			numeric = false;
			break;
		}
	}
	if (numeric) {
		transfer.push(numbers.buffer);
		return { kind: 'numbers', values: numbers };
	}
	const levels: FeatureValue[] = [];
	const index = new Map<FeatureValue, number>();
	const codes = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		const value = column[i];
		let code = index.get(value);
		if (code === undefined) {
			code = levels.push(value) - 1;
			index.set(value, code);
		}
		codes[i] = code;
	}
	transfer.push(codes.buffer);
	return { kind: 'codes', levels, codes };
}

function decodeColumn(column: EncodedColumn): FeatureColumn {
	switch (column.kind) {
		case 'typed':
			return column.values;
		case 'numbers':
			return Array.from(column.values, (value) => (Number.isNaN(value) ? null : value));
		case 'codes':
			return Array.from(column.codes, (code) => column.levels[code]);
	}
}

/** The columns the chosen features read; the others stay behind (a missing one stays missing). */
function neededColumnIds(input: PersonaInput, options: WorkerOptions): string[] {
	const ids = (options.features ?? DEFAULT_FEATURE_IDS).map((feature) => (typeof feature === 'string' ? feature : feature.id));
	return [...new Set(ids)].filter((id) => Boolean(input.columns[id]));
}

/** The message for the worker and the buffers to transfer with it (they are copies: the caller's data stays usable). */
export function encodeRequest(input: PersonaInput, options: DeriveOptions): { message: ToWorker; transfer: ArrayBuffer[] } {
	const transfer: ArrayBuffer[] = [];
	const { onProgress: _onProgress, ...rest } = options;
	const columns: Record<string, EncodedColumn> = {};
	for (const id of neededColumnIds(input, rest)) columns[id] = encodeColumn(input.columns[id]!, transfer);
	const message: ToWorker = {
		input: {
			customerCount: input.customerCount,
			columns,
			revenue: input.revenue ? encodeColumn(input.revenue, transfer) : undefined,
			clv: input.clv ? encodeColumn(input.clv, transfer) : undefined
		},
		options: rest
	};
	return { message, transfer };
}

export function decodeInput(input: EncodedInput): PersonaInput {
	const columns: Record<string, FeatureColumn> = {};
	for (const [id, column] of Object.entries(input.columns)) columns[id] = decodeColumn(column);
	return {
		customerCount: input.customerCount,
		columns,
		revenue: input.revenue ? (decodeColumn(input.revenue) as ArrayLike<number | null>) : undefined,
		clv: input.clv ? (decodeColumn(input.clv) as ArrayLike<number | null>) : undefined
	};
}
