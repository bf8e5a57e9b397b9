import * as Y from 'yjs';
import { addCard, addLane, addStage, setEmotion, stampSchemaVersion } from '../mutations';
import { en } from './en';
import { nl } from './nl';
import type { BoardTemplate, TemplateLocale } from './types';

export { BOARD_TEMPLATES, type BoardTemplate, type TemplateLocale } from './types';

const templates = { en, nl };

/** Writes a template into an empty document, in one transaction. */
export function applyTemplate(doc: Y.Doc, template: BoardTemplate, locale: TemplateLocale): void {
	const content = templates[locale][template];
	doc.transact(() => {
		stampSchemaVersion(doc);
		const stageIds = new Map(content.stages.map((stage) => [stage.key, addStage(doc, { title: stage.title })]));
		const laneIds = new Map(content.lanes.map((lane) => [lane.key, addLane(doc, { title: lane.title, kind: lane.kind })]));
		for (const { stage, lane, ...card } of content.cards) {
			addCard(doc, { ...card, stageId: stageIds.get(stage)!, laneId: laneIds.get(lane)! });
		}
		for (const [stage, score] of Object.entries(content.emotions ?? {})) {
			setEmotion(doc, stageIds.get(stage)!, null, score);
		}
	});
}

/** A template as one Yjs update, for storing as a new board's first state. */
export function templateUpdate(template: BoardTemplate, locale: TemplateLocale): Uint8Array {
	const doc = new Y.Doc();
	applyTemplate(doc, template, locale);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}
