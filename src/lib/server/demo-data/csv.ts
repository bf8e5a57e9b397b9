/**
 * How the demo rows look as CSV files, in two dialects:
 * - `nl`: a Dutch Excel export — Dutch headers and values (ja/nee, winkel, telefoon), `;` as
 *   delimiter, decimal comma, dates dd-mm-yyyy and times in Dutch local time (CET/CEST), CRLF.
 * - `en`: machine-friendly — the generator's English keys as headers and its values as they
 *   are, `,` as delimiter, decimal point, ISO 8601 dates and UTC timestamps, LF.
 * Pure: turns a row into an array of cells; writing (and quoting) is the caller's business.
 */
import type { DemoRecord, RowOf } from './generate';

export type CsvFormat = 'nl' | 'en';
export type TableKind = DemoRecord['kind'];

type CellType = 'text' | 'int' | 'money' | 'date' | 'datetime' | 'bool' | 'list' | 'upper';
type Column<R> = { key: keyof R & string; nl: string; type?: CellType; nlValues?: Record<string, string> };

const CHANNEL_NL = { web: 'web', app: 'app', shop: 'winkel', phone: 'telefoon' };

const TABLES: { [K in TableKind]: { file: string; columns: Column<RowOf<K>>[] } } = {
	customer: {
		file: 'customers.csv',
		columns: [
			{ key: 'customerId', nl: 'klantnummer' },
			{ key: 'name', nl: 'naam' },
			{ key: 'email', nl: 'e-mail' },
			{ key: 'gender', nl: 'geslacht', nlValues: { F: 'V', M: 'M', X: 'X' } },
			{ key: 'birthDate', nl: 'geboortedatum', type: 'date' },
			{ key: 'postcode', nl: 'postcode' },
			{ key: 'city', nl: 'woonplaats' },
			{ key: 'optIn', nl: 'opt-in', type: 'bool' },
			{ key: 'interests', nl: 'interesses', type: 'list' },
			{ key: 'incomeBand', nl: 'inkomensklasse', nlValues: { low: 'laag', middle: 'modaal', high: 'hoog' } },
			{ key: 'householdSize', nl: 'huishoudgrootte', type: 'int' },
			{ key: 'children', nl: 'kinderen', type: 'int' },
			{ key: 'loyaltyMember', nl: 'loyaliteitsprogramma', type: 'bool' },
			{ key: 'acquisitionDate', nl: 'acquisitiedatum', type: 'date' },
			{
				key: 'acquisitionChannel',
				nl: 'acquisitiekanaal',
				nlValues: {
					search: 'zoekmachine',
					social: 'social media',
					affiliate: 'affiliate',
					email: 'e-mail',
					referral: 'aanbeveling',
					store: 'winkel',
					tv: 'tv/radio'
				}
			},
			{ key: 'acquisitionCost', nl: 'acquisitiekosten', type: 'money' }
		]
	},
	transaction: {
		file: 'transactions.csv',
		columns: [
			{ key: 'transactionId', nl: 'ordernummer' },
			{ key: 'customerId', nl: 'klantnummer' },
			{ key: 'timestamp', nl: 'datum', type: 'datetime' },
			{ key: 'channel', nl: 'kanaal', nlValues: CHANNEL_NL },
			{ key: 'product', nl: 'product' },
			{ key: 'category', nl: 'categorie' },
			{ key: 'quantity', nl: 'aantal', type: 'int' },
			{ key: 'amount', nl: 'bedrag', type: 'money' },
			{ key: 'margin', nl: 'marge', type: 'money' },
			{ key: 'promotion', nl: 'actie', type: 'bool' }
		]
	},
	event: {
		file: 'events.csv',
		columns: [
			{ key: 'customerId', nl: 'klantnummer' },
			{ key: 'sessionId', nl: 'sessie' },
			{ key: 'timestamp', nl: 'tijdstip', type: 'datetime' },
			{ key: 'eventType', nl: 'gebeurtenis' },
			{ key: 'channel', nl: 'kanaal', nlValues: CHANNEL_NL }
		]
	},
	survey: {
		file: 'surveys.csv',
		columns: [
			{ key: 'customerId', nl: 'klantnummer' },
			{ key: 'timestamp', nl: 'datum', type: 'datetime' },
			{ key: 'kind', nl: 'type', type: 'upper' },
			{ key: 'score', nl: 'score', type: 'int' },
			{ key: 'step', nl: 'stap' },
			{ key: 'comment', nl: 'opmerking' }
		]
	},
	categorySpend: {
		file: 'category_spend.csv',
		columns: [
			{ key: 'customerId', nl: 'klantnummer' },
			{ key: 'category', nl: 'categorie' },
			{ key: 'periodStart', nl: 'periode van', type: 'date' },
			{ key: 'periodEnd', nl: 'periode tot en met', type: 'date' },
			{ key: 'amount', nl: 'besteding', type: 'money' },
			{ key: 'categoryTotal', nl: 'totale besteding', type: 'money' }
		]
	}
};

export const TABLE_KINDS = Object.keys(TABLES) as TableKind[];
export const DELIMITER: Record<CsvFormat, string> = { nl: ';', en: ',' };
export const NEWLINE: Record<CsvFormat, string> = { nl: '\r\n', en: '\n' };

export const fileName = (kind: TableKind): string => TABLES[kind].file;

export function headers(kind: TableKind, format: CsvFormat): string[] {
	return TABLES[kind].columns.map((c) => (format === 'nl' ? c.nl : c.key));
}

/** Last Sunday of a month (UTC day start). */
function lastSunday(year: number, month: number): number {
	const last = Date.UTC(year, month + 1, 0);
	return last - new Date(last).getUTCDay() * 86_400_000;
}

/** Dutch wall-clock time: CET (UTC+1), CEST (UTC+2) from the last Sunday of March to that of October, at 01:00 UTC. */
export function amsterdamTime(iso: string): string {
	const ms = Date.parse(iso);
	const year = new Date(ms).getUTCFullYear();
	const summer = ms >= lastSunday(year, 2) + 3_600_000 && ms < lastSunday(year, 9) + 3_600_000;
	const local = new Date(ms + (summer ? 2 : 1) * 3_600_000).toISOString();
	return `${dutchDate(local)} ${local.slice(11, 19)}`;
}

const dutchDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

function cell(value: unknown, type: CellType, format: CsvFormat, nlValues?: Record<string, string>): string {
	if (value === null || value === undefined) return '';
	const nl = format === 'nl';
	switch (type) {
		case 'int':
			return String(value);
		case 'money': {
			const text = (value as number).toFixed(2);
			return nl ? text.replace('.', ',') : text;
		}
		case 'date':
			return nl ? dutchDate(value as string) : (value as string);
		case 'datetime':
			return nl ? amsterdamTime(value as string) : (value as string);
		case 'bool':
			return nl ? (value ? 'ja' : 'nee') : String(value);
		case 'list':
			return (value as string[]).join(', ');
		case 'upper':
			return nl ? String(value).toUpperCase() : String(value);
		case 'text':
			return nl && nlValues ? (nlValues[value as string] ?? String(value)) : String(value);
	}
}

/** The cells of one row, in header order. */
export function formatRow<K extends TableKind>(kind: K, row: RowOf<K>, format: CsvFormat): string[] {
	const columns = TABLES[kind].columns as Column<RowOf<K>>[];
	return columns.map((c) => cell(row[c.key], c.type ?? 'text', format, c.nlValues));
}
