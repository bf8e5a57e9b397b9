import { json, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { pageQuerySchema } from '$lib/schemas';
import { InvalidCursorError, type Page } from '../db';
import { AppError, validationFailed } from '../errors';
import { pendingJson } from './json';
import { englishMessage } from './messages';
import { parseInput } from './validation';

/** Largest JSON body the API reads; uploads have their own limits. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export function errorResponse(error: AppError): Response {
	const fields = error.fields
		? Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, englishMessage(v, error.inputs)]))
		: undefined;
	return json(
		{ error: { code: error.code, message: error.message, ...(fields ? { fields } : {}) } },
		{ status: error.status, headers: error.headers }
	);
}

/**
 * Wraps a JSON endpoint: every error becomes `{error: {code, message, fields?}}` with its
 * status, and nothing else (no stack, no SQL) reaches the client.
 */
export function api<E extends RequestEvent = RequestEvent>(
	handler: (event: E) => Promise<Response> | Response
): (event: E) => Promise<Response> {
	return async (event) => {
		try {
			return await handler(event);
		} catch (error) {
			if (error instanceof AppError) return errorResponse(error);
			if (error instanceof InvalidCursorError) {
				return errorResponse(validationFailed({ cursor: 'error_cursor_invalid' }));
			}
			console.error(`[api] ${event.request.method} ${event.url.pathname} failed`, error);
			return errorResponse(new AppError(500, 'internal', 'Something went wrong on our side'));
		}
	};
}

/** Reads and validates a JSON body, refusing oversized and malformed bodies clearly. */
export async function readJson<S extends z.ZodType>(event: RequestEvent, schema: S): Promise<z.output<S>> {
	const type = event.request.headers.get('content-type') ?? '';
	if (!type.toLowerCase().includes('application/json')) {
		await discardBody(event.request);
		throw new AppError(415, 'bad_request', 'Send a JSON body with Content-Type: application/json');
	}
	const declared = Number(event.request.headers.get('content-length') ?? '0');
	if (declared > MAX_JSON_BODY_BYTES) {
		await discardBody(event.request);
		throw tooLarge();
	}
	const text = (await readLimited(event.request, MAX_JSON_BODY_BYTES)).toString('utf8');
	let data: unknown;
	try {
		data = text.length ? JSON.parse(text) : {};
	} catch {
		throw new AppError(400, 'bad_request', 'The body is not valid JSON');
	}
	return parseInput(schema, data);
}

/*
 * A refused body is still read to its end (adapter-node's BODY_SIZE_LIMIT bounds it). Left
 * unread, the keep-alive connection stalls and the client's next request on it fails;
 * cancelling the stream instead destroys the socket before the error answer is sent.
 */
async function discard(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		for (;;) if ((await reader.read()).done) return;
	} catch {
		// the body was cut off or over the adapter's own limit: nothing left to drain
	}
}

async function discardBody(request: Request): Promise<void> {
	if (request.body && !request.bodyUsed) await discard(request.body.getReader());
}

function tooLarge() {
	return new AppError(413, 'payload_too_large', `The body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
}

async function readLimited(request: Request, limit: number, refuse: () => AppError = tooLarge): Promise<Buffer> {
	if (!request.body) return Buffer.alloc(0);
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > limit) {
			await discard(reader);
			throw refuse();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks);
}

export interface BinaryBodyOptions {
	/** Content types taken as they are (anything else answers 415). */
	types: readonly string[];
	maxBytes: number;
	/** The 413 to answer, saying what the limit is. */
	tooLarge: () => AppError;
}

/**
 * Reads a raw (non-JSON, non-multipart) body such as an image, refusing other content types and
 * oversized bodies before keeping more than `maxBytes` in memory.
 */
export async function readBinary(event: RequestEvent, options: BinaryBodyOptions): Promise<Buffer> {
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	if (!options.types.includes(type)) {
		await discardBody(event.request);
		throw new AppError(415, 'unsupported_media_type', `Send the file itself as the body, with Content-Type ${options.types.join(', ')}`);
	}
	const declared = Number(event.request.headers.get('content-length') ?? '0');
	if (declared > options.maxBytes) {
		await discardBody(event.request);
		throw options.tooLarge();
	}
	return readLimited(event.request, options.maxBytes, options.tooLarge);
}

export function readPageQuery(url: URL) {
	return parseInput(pageQuerySchema, {
		limit: url.searchParams.get('limit') ?? undefined,
		cursor: url.searchParams.get('cursor') ?? undefined
	});
}

export function pageJson<T, U>(page: Page<T>, map: (item: T) => U): Response {
	return json({ items: page.items.map(map), nextCursor: page.nextCursor });
}

/** An analysis answer: 200 with the report, or 202 with the progress while it is computed. */
export function analysisJson<T>(answer: { status: 'done'; result: T } | { status: 'running'; progress: number }, toJson: (report: T) => unknown): Response {
	if (answer.status === 'running') {
		return json(pendingJson(answer), { status: 202, headers: { 'retry-after': '1' } });
	}
	return json(toJson(answer.result));
}
