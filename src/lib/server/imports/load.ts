import { hash as digest } from 'node:crypto';
import type { CategorySpendRecord, CustomerRecord, EventRecord, RecordOf, SurveyRecord, TransactionRecord } from '../../domain/customer-data';
import type { ImportKind } from '../db/schema';

/*
 * Typed records → staging rows (in the column order of STAGE_COLUMNS in db/customer-data.ts) and the content hash
 * that makes re-imports idempotent. The SQL itself lives in the db repository.
 */

export type SqlValue = string | number | null;
export interface StagedRow {
	values: SqlValue[];
	contentHash: string | null;
}

const bool = (value: boolean | null | undefined) => (value === undefined || value === null ? null : value ? 1 : 0);
const opt = <T>(value: T | null | undefined): T | null => value ?? null;

/**
 * The first 132 bits of the SHA-256 of the row's values, as rows imported before were hashed: a
 * file imported again finds its rows. The one-shot digest costs a third of a Hash object's.
 */
export function rowContentHash(parts: SqlValue[]): string {
	let text = '';
	for (let i = 0; i < parts.length; i++) {
		const part = parts[i];
		text += (i ? '\u0001' : '') + (part === null ? '\u0000' : String(part));
	}
	return digest('sha256', text, 'base64url').slice(0, 22);
}

const toStage: { [K in ImportKind]: (record: RecordOf[K]) => StagedRow } = {
	customers: (r: CustomerRecord) => ({
		values: [
			r.externalId, opt(r.name), opt(r.email), opt(r.gender), opt(r.postcode), opt(r.city), bool(r.optIn),
			opt(r.birthDate), opt(r.interests), opt(r.preferences), opt(r.education), opt(r.occupation),
			opt(r.incomeBand), opt(r.householdSize), opt(r.childrenCount), bool(r.loyaltyMember),
			r.attributes ? JSON.stringify(r.attributes) : null, opt(r.acquiredAt), opt(r.acquisitionChannel),
			opt(r.acquisitionCost)
		],
		contentHash: null
	}),
	transactions: (r: TransactionRecord) => {
		const values = [r.customerId, r.occurredAt, r.amount, r.quantity, r.product, r.category, r.channel, r.margin];
		return { values, contentHash: rowContentHash(values) };
	},
	events: (r: EventRecord) => {
		const values = [r.customerId, r.occurredAt, r.eventType, r.channel, r.properties ? JSON.stringify(r.properties) : null];
		return { values, contentHash: rowContentHash(values) };
	},
	surveys: (r: SurveyRecord) => {
		const values = [r.customerId, r.occurredAt, r.kind, r.score, r.eventType, r.channel, r.comment];
		return { values, contentHash: rowContentHash(values) };
	},
	category_spend: (r: CategorySpendRecord) => ({
		values: [r.customerId, r.category, r.amount, opt(r.categoryTotal)],
		contentHash: null
	})
};

export function stagedRow<K extends ImportKind>(kind: K, record: RecordOf[K]): StagedRow {
	return (toStage[kind] as (record: RecordOf[K]) => StagedRow)(record);
}

