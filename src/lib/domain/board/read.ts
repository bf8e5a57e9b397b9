import * as Y from 'yjs';
import {
	CARD_COLORS,
	CARD_TYPES,
	CRM_LEVERS,
	DEFAULT_STAGE_WIDTH,
	DROP_OFF_CATEGORIES,
	EMOTION_MAX,
	EMOTION_MIN,
	LANE_KINDS,
	MAX_STAGE_WIDTH,
	MIN_STAGE_WIDTH,
	OPPORTUNITY_STATUSES,
	type BoardSnapshot,
	type Card,
	type CardLink,
	type Lane,
	type Level,
	type OpportunityEstimate,
	type DriverEvidence,
	type DriverTrait,
	type Persona,
	type Stage,
	WHAT_IF_LEVERS
} from './types';
import {
	boardRoot,
	cardsMap,
	emotionsMap,
	lanesMap,
	linksMap,
	parseEmotionKey,
	personasMap,
	stagesMap,
	type Entry
} from './shape';

const str = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null =>
	values.includes(value as T) ? (value as T) : null;
const level = (value: unknown): Level | null => (value === 1 || value === 2 || value === 3 ? value : null);
const strings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

const byOrder = <T extends { order: string; id: string }>(a: T, b: T) =>
	a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Iterates entries that are Y.Maps, reporting anything else as a problem instead of crashing. */
function* entries(map: Y.Map<Entry>, what: string, problems: string[]): Generator<[string, Entry]> {
	for (const [id, value] of map) {
		if (value instanceof Y.Map) yield [id, value];
		else problems.push(`${what} ${id} is not an object and was left out`);
	}
}

export function readStage(id: string, entry: Entry): Stage {
	const width = entry.get('width');
	return {
		id,
		title: str(entry.get('title')),
		order: str(entry.get('order'), id),
		width:
			typeof width === 'number' && Number.isFinite(width)
				? clamp(width, MIN_STAGE_WIDTH, MAX_STAGE_WIDTH)
				: DEFAULT_STAGE_WIDTH
	};
}

export function readLane(id: string, entry: Entry): Lane {
	return {
		id,
		title: str(entry.get('title')),
		kind: oneOf(LANE_KINDS, entry.get('kind')) ?? 'actions',
		order: str(entry.get('order'), id),
		hidden: entry.get('hidden') === true
	};
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const nullableString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** An opportunity's attached what-if, or null when absent or malformed (an old or broken client). */
export function readEstimate(value: unknown): OpportunityEstimate | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	const lever = oneOf(WHAT_IF_LEVERS, v.lever);
	const snap = v.snapshot as Record<string, unknown> | null | undefined;
	if (typeof v.stepCardId !== 'string' || !lever || !finite(v.points) || !finite(v.horizonDays) || v.horizonDays <= 0) return null;
	if (!snap || typeof snap !== 'object' || typeof snap.computedAt !== 'string') return null;
	const figures = [snap.extraReachedNext, snap.extraFinalConversions, snap.extraRevenue, snap.extraClv, snap.datasetVersion];
	if (!figures.every(finite)) return null;
	return {
		stepCardId: v.stepCardId,
		lever,
		points: v.points,
		horizonDays: v.horizonDays,
		groupId: nullableString(v.groupId),
		personaId: nullableString(v.personaId),
		channel: nullableString(v.channel),
		snapshot: {
			extraReachedNext: snap.extraReachedNext as number,
			extraFinalConversions: snap.extraFinalConversions as number,
			extraRevenue: snap.extraRevenue as number,
			extraClv: snap.extraClv as number,
			computedAt: snap.computedAt,
			datasetVersion: snap.datasetVersion as number
		}
	};
}

function readTrait(value: unknown): DriverTrait | null {
	if (!value || typeof value !== 'object') return null;
	const v = value as Record<string, unknown>;
	if (v.kind === 'event' && typeof v.eventType === 'string' && (v.atLeast === 1 || v.atLeast === 2)) return { kind: 'event', eventType: v.eventType, atLeast: v.atLeast };
	if (v.kind === 'profile' && typeof v.field === 'string' && typeof v.value === 'string') return { kind: 'profile', field: v.field, value: v.value };
	if (v.kind === 'entry-channel' && typeof v.channel === 'string') return { kind: 'entry-channel', channel: v.channel };
	return null;
}

/** A cause card's driver evidence, or null when absent or malformed. */
export function readEvidence(value: unknown): DriverEvidence | null {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
	const v = value as Record<string, unknown>;
	const trait = readTrait(v.trait);
	const period = v.period as Record<string, unknown> | null | undefined;
	const figures = [v.oddsRatio, v.low, v.high, v.dropOffWith, v.dropOffWithout, v.customersWith, v.customersWithout, v.datasetVersion];
	if (typeof v.stepCardId !== 'string' || !trait || !figures.every(finite) || typeof v.computedAt !== 'string') return null;
	if (!period || typeof period !== 'object' || typeof period.from !== 'string' || typeof period.to !== 'string') return null;
	return {
		stepCardId: v.stepCardId,
		trait,
		oddsRatio: v.oddsRatio as number,
		low: v.low as number,
		high: v.high as number,
		dropOffWith: v.dropOffWith as number,
		dropOffWithout: v.dropOffWithout as number,
		customersWith: v.customersWith as number,
		customersWithout: v.customersWithout as number,
		period: { from: period.from, to: period.to },
		groupId: nullableString(v.groupId),
		personaId: nullableString(v.personaId),
		channel: nullableString(v.channel),
		computedAt: v.computedAt,
		datasetVersion: v.datasetVersion as number
	};
}

export function readCard(id: string, entry: Entry): Card | null {
	const type = oneOf(CARD_TYPES, entry.get('type'));
	const stageId = entry.get('stageId');
	const laneId = entry.get('laneId');
	if (!type || typeof stageId !== 'string' || typeof laneId !== 'string') return null;
	const text = entry.get('text');
	return {
		id,
		type,
		stageId,
		laneId,
		order: str(entry.get('order'), id),
		text: text instanceof Y.Text ? text.toString() : str(text),
		color: oneOf(CARD_COLORS, entry.get('color')) ?? 'default',
		tags: strings(entry.get('tags')),
		personaIds: strings(entry.get('personaIds')),
		severity: level(entry.get('severity')),
		dropOffCategory: oneOf(DROP_OFF_CATEGORIES, entry.get('dropOffCategory')),
		lever: oneOf(CRM_LEVERS, entry.get('lever')),
		effort: level(entry.get('effort')),
		impact: level(entry.get('impact')),
		status: oneOf(OPPORTUNITY_STATUSES, entry.get('status')),
		ownerId: typeof entry.get('ownerId') === 'string' ? (entry.get('ownerId') as string) : null,
		eventTypes: strings(entry.get('eventTypes')),
		estimate: readEstimate(entry.get('estimate')),
		evidence: readEvidence(entry.get('evidence')),
		createdBy: typeof entry.get('createdBy') === 'string' ? (entry.get('createdBy') as string) : null
	};
}

/**
 * Reads the whole board as plain data. Malformed entries (from an old or broken client) are
 * left out and listed in `problems`; reading never throws.
 */
export function readBoard(doc: Y.Doc): BoardSnapshot {
	const problems: string[] = [];
	const version = boardRoot(doc).get('schemaVersion');
	const scopeGroupId = boardRoot(doc).get('scopeGroupId');

	const stages: Stage[] = [];
	for (const [id, entry] of entries(stagesMap(doc), 'stage', problems)) stages.push(readStage(id, entry));
	stages.sort(byOrder);

	const lanes: Lane[] = [];
	for (const [id, entry] of entries(lanesMap(doc), 'lane', problems)) lanes.push(readLane(id, entry));
	lanes.sort(byOrder);

	const stageIds = new Set(stages.map((s) => s.id));
	const laneIds = new Set(lanes.map((l) => l.id));
	const cards: Card[] = [];
	for (const [id, entry] of entries(cardsMap(doc), 'card', problems)) {
		const card = readCard(id, entry);
		if (!card) problems.push(`card ${id} lacks a type, stage or lane and was left out`);
		else if (!stageIds.has(card.stageId) || !laneIds.has(card.laneId)) {
			problems.push(`card ${id} points at a missing stage or lane and was left out`);
		} else cards.push(card);
	}
	cards.sort(byOrder);

	const cardIds = new Set(cards.map((c) => c.id));
	const links: CardLink[] = [];
	for (const [id, entry] of entries(linksMap(doc), 'link', problems)) {
		const from = entry.get('from');
		const to = entry.get('to');
		if (typeof from === 'string' && typeof to === 'string' && cardIds.has(from) && cardIds.has(to)) {
			links.push({ id, fromCardId: from, toCardId: to });
		}
	}

	const personas: Persona[] = [];
	for (const [id, entry] of entries(personasMap(doc), 'persona', problems)) {
		const sourcePersonaId = entry.get('sourcePersonaId');
		const sourceGroupId = entry.get('sourceGroupId');
		personas.push({
			id,
			name: str(entry.get('name')),
			color: str(entry.get('color'), '#1f4e5f'),
			source:
				typeof sourcePersonaId === 'string' && typeof sourceGroupId === 'string'
					? { personaId: sourcePersonaId, groupId: sourceGroupId, missing: entry.get('sourceMissing') === true }
					: null
		});
	}
	personas.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

	const emotions: BoardSnapshot['emotions'] = [];
	for (const [key, score] of emotionsMap(doc)) {
		const parsed = parseEmotionKey(key);
		if (!parsed || typeof score !== 'number' || !Number.isFinite(score) || !stageIds.has(parsed.stageId)) continue;
		emotions.push({ ...parsed, score: clamp(score, EMOTION_MIN, EMOTION_MAX) });
	}


	return {
		schemaVersion: typeof version === 'number' ? version : 0,
		stages,
		lanes,
		cards,
		links,
		personas,
		scopeGroupId: typeof scopeGroupId === 'string' ? scopeGroupId : null,
		emotions,
		problems
	};
}
