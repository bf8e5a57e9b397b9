import type { z } from 'zod';
import { validationFailed, type FieldErrors } from '../errors';

/** Turns zod issues into one message key per field (the first issue of each field wins). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
	const fields: FieldErrors = {};
	for (const issue of error.issues) {
		const field = issue.path.length ? issue.path.join('.') : '_';
		fields[field] ??= issue.message;
	}
	return fields;
}

export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
	const result = schema.safeParse(data);
	if (!result.success) throw validationFailed(fieldErrorsOf(result.error));
	return result.data;
}
