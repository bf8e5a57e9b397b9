import { readBoard, type CardType, type CrmLever, type DropOffCategory, type LaneKind, type Level } from '$lib/domain/board';
import * as db from '../db';
import { requireBoard } from '../auth';
import { collabServer } from '../collab';

/*
 * The journey maps of a report, whole: every stage, every shown lane and every card, read from
 * the board document as it is now (not a picture of anyone's viewport). The metrics lane is left
 * out: its figures are computed, and the leaks section has them for every measured step. Card
 * owners are not printed (they are members, and the report is about customers).
 */

export interface ReportMap {
	id: string;
	title: string;
	stages: { id: string; title: string }[];
	lanes: { id: string; title: string; kind: LaneKind }[];
	cards: { id: string; stageId: string; laneId: string; type: CardType; text: string; severity: Level | null; dropOffCategory: DropOffCategory | null; lever: CrmLever | null }[];
	/** The whole board's emotion score per stage (−2 … +2), where one is set. */
	emotions: Record<string, number>;
}

export function reportMaps(user: db.User | null, workspaceId: string, boardIds: readonly string[]): ReportMap[] {
	return boardIds.flatMap((boardId) => {
		let board: db.Board;
		try {
			({ board } = requireBoard(user, boardId, 'boards:read'));
		} catch {
			return []; // gone, or not this user's to read: left out, as a deleted persona is
		}
		if (board.workspaceId !== workspaceId || board.archivedAt) return [];
		const snapshot = readBoard(collabServer().openRoom(board.id, workspaceId).doc);
		const lanes = snapshot.lanes.filter((lane) => !lane.hidden && lane.kind !== 'metrics');
		const shown = new Set(lanes.map((lane) => lane.id));
		return [
			{
				id: board.id,
				title: board.title,
				stages: snapshot.stages.map(({ id, title }) => ({ id, title })),
				lanes: lanes.map(({ id, title, kind }) => ({ id, title, kind })),
				cards: snapshot.cards
					.filter((card) => shown.has(card.laneId))
					.map(({ id, stageId, laneId, type, text, severity, dropOffCategory, lever }) => ({ id, stageId, laneId, type, text, severity, dropOffCategory, lever })),
				emotions: Object.fromEntries(snapshot.emotions.filter((e) => e.personaId === null).map((e) => [e.stageId, e.score]))
			}
		];
	});
}
