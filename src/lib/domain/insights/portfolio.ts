import {
	LEVER_FAMILIES,
	OPPORTUNITY_STATUSES,
	estimateStepState,
	leverFamilyOf,
	type BoardSnapshot,
	type Card,
	type CrmLever,
	type EstimateSnapshot,
	type LeverFamily,
	type Level,
	type OpportunityEstimate,
	type OpportunityStatus,
	type WhatIfLever
} from '../board';

/*
 * The opportunities portfolio: every opportunity card of every map of a workspace, with the
 * value of the what-if attached to it, ranked by that value and summed by lever family.
 */

/** Figures of a what-if: as stored on the card, or recomputed on today's data. */
export type WhatIfFigures = Pick<EstimateSnapshot, 'extraClv' | 'extraFinalConversions' | 'extraRevenue' | 'computedAt' | 'datasetVersion'>;

/**
 * How far a what-if value can be trusted: `current` = computed on the data as it is now;
 * `step-gone` = its step is no longer measured (unbound or deleted), so the value is withheld:
 * a new what-if is needed.
 */
export type ValueState = 'current' | 'step-gone';

export interface PortfolioValue {
	state: ValueState;
	stepCardId: string;
	stepText: string;
	lever: WhatIfLever;
	points: number;
	horizonDays: number;
	groupId: string | null;
	personaId: string | null;
	channel: string | null;
	/** Null when the state is `step-gone`. */
	figures: WhatIfFigures | null;
}

export interface PortfolioEntry {
	boardId: string;
	boardTitle: string;
	cardId: string;
	text: string;
	stageTitle: string;
	lever: CrmLever | null;
	family: LeverFamily | null;
	effort: Level | null;
	impact: Level | null;
	status: OpportunityStatus;
	ownerId: string | null;
	/** The owner's name; null without an owner or when they are no longer a member (`ownerGone`). */
	ownerName: string | null;
	ownerGone: boolean;
	/** Null when no what-if is attached to the card. */
	value: PortfolioValue | null;
}

export interface FamilySummary {
	/** Null: opportunities without a lever. */
	family: LeverFamily | null;
	opportunities: number;
	/** Opportunities whose value is current: the n of the total. */
	valued: number;
	extraClv: number;
}

export interface Portfolio {
	boards: number;
	opportunities: PortfolioEntry[];
	byFamily: FamilySummary[];
	byStatus: Record<OpportunityStatus, number>;
}

/** The what-if of an opportunity whose stored figures may be out of date: asked again, or known to be gone. */
export type Refreshed = { figures: WhatIfFigures } | 'step-gone';

/** What the server must recompute: a card's what-if whose figures are of another dataset version. */
export function needsRefresh(board: BoardSnapshot, estimate: OpportunityEstimate, datasetVersion: number): boolean {
	return estimateStepState(board, estimate) === 'measured' && estimate.snapshot.datasetVersion !== datasetVersion;
}

/** The value to show for an opportunity's what-if, given what recomputing it gave (if it was needed). */
export function valueOf(board: BoardSnapshot, estimate: OpportunityEstimate, refreshed: Refreshed | undefined): PortfolioValue {
	const stepText = board.cards.find((card) => card.id === estimate.stepCardId)?.text ?? '';
	const gone = estimateStepState(board, estimate) !== 'measured' || refreshed === 'step-gone';
	const { snapshot: _snapshot, ...question } = estimate;
	const stored = estimate.snapshot;
	return {
		...question,
		stepText,
		state: gone ? 'step-gone' : 'current',
		figures: gone
			? null
			: refreshed
				? refreshed.figures
				: {
						extraClv: stored.extraClv,
						extraFinalConversions: stored.extraFinalConversions,
						extraRevenue: stored.extraRevenue,
						computedAt: stored.computedAt,
						datasetVersion: stored.datasetVersion
					}
	};
}

/** A current value ranks by itself; without one an opportunity ranks after every valued one, by impact. */
export function compareByValue(a: PortfolioEntry, b: PortfolioEntry): number {
	const va = a.value?.figures?.extraClv;
	const vb = b.value?.figures?.extraClv;
	if (va !== undefined && vb !== undefined && va !== vb) return vb - va;
	if ((va === undefined) !== (vb === undefined)) return va === undefined ? 1 : -1;
	return (b.impact ?? 0) - (a.impact ?? 0) || a.text.localeCompare(b.text);
}

export interface BoardOpportunities {
	board: { id: string; title: string };
	snapshot: BoardSnapshot;
	/** Recomputed what-ifs by opportunity card id. */
	refreshed: Map<string, Refreshed>;
}

export function entryOf(
	board: BoardOpportunities['board'],
	snapshot: BoardSnapshot,
	card: Card,
	refreshed: Refreshed | undefined,
	memberNames: ReadonlyMap<string, string>
): PortfolioEntry {
	const ownerName = card.ownerId ? (memberNames.get(card.ownerId) ?? null) : null;
	const stage = snapshot.stages.find((s) => s.id === card.stageId);
	return {
		boardId: board.id,
		boardTitle: board.title,
		cardId: card.id,
		text: card.text,
		stageTitle: stage?.title ?? '',
		lever: card.lever,
		family: card.lever ? leverFamilyOf(card.lever) : null,
		effort: card.effort,
		impact: card.impact,
		status: card.status ?? 'idea',
		ownerId: card.ownerId,
		ownerName,
		ownerGone: card.ownerId !== null && ownerName === null,
		value: card.estimate ? valueOf(snapshot, card.estimate, refreshed) : null
	};
}

/** `memberNames`: the workspace's members by user id, to name owners. */
export function portfolioOf(boards: readonly BoardOpportunities[], memberNames: ReadonlyMap<string, string>): Portfolio {
	const opportunities: PortfolioEntry[] = [];
	for (const { board, snapshot, refreshed } of boards) {
		for (const card of snapshot.cards) {
			if (card.type === 'opportunity') opportunities.push(entryOf(board, snapshot, card, refreshed.get(card.id), memberNames));
		}
	}
	opportunities.sort(compareByValue);
	const families: Array<LeverFamily | null> = [...(Object.keys(LEVER_FAMILIES) as LeverFamily[]), null];
	const byFamily = families.map((family) => {
		const members = opportunities.filter((o) => o.family === family);
		const valued = members.filter((o) => o.value?.figures);
		return { family, opportunities: members.length, valued: valued.length, extraClv: valued.reduce((sum, o) => sum + o.value!.figures!.extraClv, 0) };
	});
	const byStatus = Object.fromEntries(OPPORTUNITY_STATUSES.map((s) => [s, opportunities.filter((o) => o.status === s).length])) as Record<OpportunityStatus, number>;
	return { boards: boards.length, opportunities, byFamily: byFamily.filter((f) => f.opportunities > 0), byStatus };
}
