import * as Y from 'yjs';
import { boardRoot, cardsMap, CURRENT_SCHEMA_VERSION, stagesMap } from './shape';
import { DEFAULT_STAGE_WIDTH } from './types';

/**
 * Steps that bring a document from one schema version to the next. Each runs once, in the
 * same transaction as the version stamp, so a document is never half-migrated.
 * Version 0 is the pre-release shape: card text as plain strings and stages without a width.
 */
const steps: Record<number, (doc: Y.Doc) => void> = {
	0: (doc) => {
		for (const card of cardsMap(doc).values()) {
			if (!(card instanceof Y.Map)) continue;
			const text = card.get('text');
			if (!(text instanceof Y.Text)) {
				const shared = new Y.Text();
				if (typeof text === 'string') shared.insert(0, text);
				card.set('text', shared);
			}
		}
		for (const stage of stagesMap(doc).values()) {
			if (stage instanceof Y.Map && typeof stage.get('width') !== 'number') stage.set('width', DEFAULT_STAGE_WIDTH);
		}
	}
};

export const schemaVersionOf = (doc: Y.Doc): number => {
	const version = boardRoot(doc).get('schemaVersion');
	return typeof version === 'number' ? version : 0;
};

/**
 * Migrates an older document in place; says whether anything changed. A document from a newer
 * Waymark is left alone (`'newer'`): the UI then opens it read-only rather than damage it.
 */
export function migrateBoard(doc: Y.Doc, origin?: unknown): 'current' | 'migrated' | 'newer' {
	const from = schemaVersionOf(doc);
	if (from > CURRENT_SCHEMA_VERSION) return 'newer';
	if (from === CURRENT_SCHEMA_VERSION) return 'current';
	doc.transact(() => {
		for (let version = from; version < CURRENT_SCHEMA_VERSION; version++) steps[version]?.(doc);
		boardRoot(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION);
	}, origin);
	return 'migrated';
}
