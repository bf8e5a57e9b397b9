import { causesOfStep, rankLeaks, type LeakRanking, type LeakStep } from '$lib/domain/insights/leaks';
import type { DayPeriod } from '$lib/domain/insights/period';
import type { BoardSnapshot } from '$lib/domain/board';
import type { PersonaClvModel } from '../db';
import type { JourneyReport } from './journey';

/*
 * "Where it leaks" from the figures of each map (the same journey metrics its metrics lane
 * shows), ranked across the maps of the workspace.
 */

export interface LeaksReport {
	period: DayPeriod;
	channel: string | null;
	minimumRespondents: number;
	rankedBy: LeakRanking;
	/** Where the value at risk comes from; null when no CLV can be trusted (ranked by drop-off then). */
	clvModel: PersonaClvModel | null;
	/** Entry channels in the events, for the filter. */
	channels: string[];
	boards: number;
	leaks: LeakStep[];
}

export interface BoardFigures {
	board: { id: string; title: string };
	snapshot: BoardSnapshot;
	report: JourneyReport;
}

export function leaksOf(figures: readonly BoardFigures[], options: { period: DayPeriod; channel: string | null; minimumRespondents: number }): LeaksReport {
	const steps: LeakStep[] = [];
	const channels = new Set<string>();
	let clvModel: PersonaClvModel | null = null;
	for (const { board, snapshot, report } of figures) {
		report.channels.forEach((c) => channels.add(c));
		clvModel ??= report.clvModel;
		const texts = new Map(snapshot.cards.map((card) => [card.id, card.text]));
		for (const step of report.steps) {
			steps.push({
				boardId: board.id,
				boardTitle: board.title,
				cardId: step.cardId,
				cardText: texts.get(step.cardId) ?? '',
				reached: step.reached,
				lowN: step.reached < options.minimumRespondents,
				dropOffCount: step.dropOffCount,
				dropOff: step.dropOff,
				valueAtRisk: report.clvModel ? step.valueAtRisk : null,
				causes: causesOfStep(snapshot, step.cardId)
			});
		}
	}
	// Every map is valued by the same workspace-wide estimate: trusted on one, trusted on all.
	const { rankedBy, leaks } = rankLeaks(steps, clvModel !== null);
	return { ...options, rankedBy, clvModel, channels: [...channels].sort(), boards: figures.length, leaks };
}
