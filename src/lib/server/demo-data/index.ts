export { generateDemoData, customerId, JOURNEY_STEPS, DEFAULT_END } from './generate';
export type {
	DemoData,
	DemoDataOptions,
	DemoRecord,
	CustomerRow,
	TransactionRow,
	EventRow,
	SurveyRow,
	CategorySpendRow,
	EventType,
	SurveyKind
} from './generate';
export { ARCHETYPES, ARCHETYPE_IDS, CHANNELS, ACQUISITION_CHANNELS, ACQUISITION_COST } from './archetypes';
export type { Archetype, ArchetypeId, Channel, AcquisitionChannel } from './archetypes';
export { CATEGORIES } from './dutch';
export { TABLE_KINDS, DELIMITER, NEWLINE, fileName, headers, formatRow, amsterdamTime } from './csv';
export type { CsvFormat, TableKind } from './csv';
