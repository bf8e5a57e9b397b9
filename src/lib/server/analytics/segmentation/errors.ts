/**
 * Bad input (too few customers, no varying feature, a missing column…) is reported with this
 * error rather than by crashing or by returning NaN. It carries a stable code so the service
 * layer can map it onto the app's AppError (HTTP 400) without this pure module importing it.
 */
export type SegmentationErrorCode =
	| 'too_few_customers'
	| 'invalid_k'
	| 'unknown_feature'
	| 'missing_column'
	| 'column_length'
	| 'no_features'
	| 'no_informative_features'
	| 'invalid_option';

export class SegmentationError extends Error {
	constructor(
		readonly code: SegmentationErrorCode,
		message: string
	) {
		super(message);
		this.name = 'SegmentationError';
	}
}
