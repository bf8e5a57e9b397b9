import * as Y from 'yjs';
import { addCard, addLane, addStage, setEmotion, stampSchemaVersion } from '../mutations';
import { templates } from './content';
import type { BoardTemplate, TemplateLocale } from './types';

export { BOARD_TEMPLATES, type BoardTemplate, type TemplateLocale } from './types';

/** Writes a template into an empty document, in one transaction. */
export function applyTemplate(doc: Y.Doc, template: BoardTemplate, locale: TemplateLocale): void {
	const content = templates[template];
	doc.transact(() => {
		stampSchemaVersion(doc);
		const stageIds = new Map(content.stages.map((stage) => [stage.key, addStage(doc, { title: stage.title[locale] })]));
		const laneIds = new Map(content.lanes.map((lane) => [lane.key, addLane(doc, { title: lane.title[locale], kind: lane.kind })]));
		for (const { stage, lane, text, ...card } of content.cards) {
			addCard(doc, { ...card, text: text[locale], stageId: stageIds.get(stage)!, laneId: laneIds.get(lane)! });
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
