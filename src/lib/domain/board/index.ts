/**
 * The board document: the only module that knows its Yjs shape. Read with `readBoard`
 * (plain, validated snapshots); change with the mutations (one transaction each).
 */
export * from './types';
export { readBoard } from './read';
export * from './mutations';
export { migrateBoard, schemaVersionOf } from './migrations';
export { CURRENT_SCHEMA_VERSION, allTypes as boardSharedTypes } from './shape';
export { applyTemplate, templateUpdate, BOARD_TEMPLATES, type BoardTemplate, type TemplateLocale } from './templates';
export { journeySteps, estimateStepState, sharedBindings, sharedBindingsIf, type JourneyStep, type SharedBinding } from './journey';
