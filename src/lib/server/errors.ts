/** Field name → message key (see messages/*.json, keys starting with `error_`). */
export type FieldErrors = Record<string, string>;

export type ErrorCode =
	| 'validation_failed'
	| 'unauthenticated'
	| 'forbidden'
	| 'not_found'
	| 'conflict'
	| 'payload_too_large'
	| 'unsupported_media_type'
	| 'rate_limited'
	| 'bad_request'
	| 'cross_origin'
	| 'insufficient_data'
	/** The server lacks something it needs for this (the report's browser). */
	| 'unavailable'
	| 'internal';

/**
 * The one error type of the server. Routes throw it (or let services throw it); the API
 * wrapper and the page hooks turn it into a JSON body or an error page in one place.
 */
export class AppError extends Error {
	constructor(
		readonly status: number,
		readonly code: ErrorCode,
		message: string,
		readonly fields?: FieldErrors,
		readonly headers?: Record<string, string>,
		/** Values for the placeholders of the message keys in `fields` ("{customers}"). */
		readonly inputs?: Record<string, string>
	) {
		super(message);
		this.name = 'AppError';
	}
}

export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') =>
	new AppError(403, 'forbidden', message);
export const unauthenticated = () =>
	new AppError(401, 'unauthenticated', 'Sign in to continue');
/** The data is there but cannot carry the analysis asked for (too few buyers, no repeat purchases…). */
export const insufficientData = (message: string) => new AppError(422, 'insufficient_data', message);
export const conflict = (message: string, fields?: FieldErrors) =>
	new AppError(409, 'conflict', message, fields);
export const validationFailed = (fields: FieldErrors, message = 'Some fields are not valid') =>
	new AppError(400, 'validation_failed', message, fields);
export const rateLimited = (retryAfterSeconds: number) =>
	new AppError(429, 'rate_limited', 'Too many attempts; try again later', undefined, {
		'Retry-After': String(retryAfterSeconds)
	});
