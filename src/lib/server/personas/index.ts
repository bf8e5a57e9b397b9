import type { GroupRule } from '$lib/domain/groups';
import * as Y from 'yjs';
import { personaRoomName, readNarrative, type NarrativeSnapshot } from '$lib/domain/persona';
import { DEFAULT_CURRENCY } from '$lib/domain/currency';
import type { Locale } from '$lib/domain/format';
import {
	MIN_CUSTOMERS_PER_PERSONA,
	MIN_GROUP_CUSTOMERS,
	personaShortfall,
	shortfallText,
	type PersonaShortfall
} from '$lib/domain/personas';
import { DEFAULT_FEATURE_IDS, FEATURE_CATALOGUE } from '../analytics/segmentation';
import { eventTypeLabel } from '$lib/domain/customer-data/event-types';
import { requireUser, roleAllows } from '../auth';
import { applyStoredState } from '../collab/stored-state';
import * as db from '../db';
import { AppError, notFound } from '../errors';
import { announce, announceChange } from '../events';
import { eventTypeLabelsOf } from '../event-types';
import { compileRule, requireGroup } from '../groups';
import { newId } from '../ids';
import { requirePersona } from './access';
import { activeDerivationIds, enqueue, RESTARTED } from './job';

/*
 * Personas of a customer group: derive them from the group's data (a background job), read
 * them with their evidence, add hand-made ones, rename, delete. Figures are readable by every
 * member (data:read); representative customers' personal data only by editors (data:write);
 * changing personas is for those who define groups (groups:write).
 */

export { stopDerivations } from './job';
export { ageBand } from './features';
export { personaMarkdown } from './markdown';
export { deletePersonaPhoto, getPersonaPhoto, putPersonaPhoto, type PersonaPhotoInfo } from './photo';
export { photoTooLarge } from './photo-image';

export const PERSONA_FEATURES = FEATURE_CATALOGUE;
export const DEFAULT_PERSONA_FEATURES = DEFAULT_FEATURE_IDS;

let recovered = false;

/** Marks derivations a previous process left unfinished as failed (their results were never written). */
export function recoverOnce(): void {
	if (recovered) return;
	recovered = true;
	db.failDerivationsNotIn(activeDerivationIds(), RESTARTED);
}

export interface DeriveInput {
	k: number | 'auto';
	features?: string[];
	seed?: number;
	/** The language of suggested names; the user's own language when left out. */
	locale?: Locale;
}

/** 422 for a group too small for the personas asked for, saying how many customers it has and needs. */
function groupTooSmall(shortfall: PersonaShortfall): AppError {
	const key = shortfall.k === null ? 'error_persona_group_too_small' : 'error_persona_group_too_small_k';
	return new AppError(422, 'insufficient_data', shortfallText(shortfall), { _: key }, undefined, {
		customers: String(shortfall.customers),
		needed: String(shortfall.needed),
		k: String(shortfall.k ?? ''),
		perPersona: String(MIN_CUSTOMERS_PER_PERSONA),
		minimum: String(MIN_GROUP_CUSTOMERS)
	});
}

/** Customers in a group now (its measures brought up to date first). */
async function groupCustomers(group: db.CustomerGroup): Promise<number> {
	await db.ensureMeasures(group.workspaceId);
	const [stats] = await db.groupStats(group.workspaceId, [compileRule(group.rule as GroupRule)]);
	return stats!.customers;
}

/**
 * Starts (or joins) the derivation of a group's personas; answers at once with the job. A group
 * too small for the personas asked for is refused here, before a job is queued (the engine
 * holds the same rule for anything that reaches it).
 */
export async function startDerivation(user: db.User | null, groupId: string, input: DeriveInput): Promise<db.PersonaDerivationRow> {
	recoverOnce();
	const access = requireGroup(user, groupId, 'groups:write');
	const running = db.unfinishedDerivation(groupId);
	if (running) return running;
	const shortfall = personaShortfall(await groupCustomers(access.group), input.k);
	if (shortfall) throw groupTooSmall(shortfall);
	const features = input.features?.length ? [...new Set(input.features)] : [...DEFAULT_FEATURE_IDS];
	const derivation = db.insertDerivation({
		id: newId(),
		workspaceId: access.group.workspaceId,
		groupId,
		kRequested: input.k === 'auto' ? null : input.k,
		features,
		seed: input.seed ?? 1,
		status: 'queued',
		createdBy: access.user.id
	});
	enqueue({
		derivationId: derivation.id,
		user: access.user,
		group: access.group,
		k: input.k,
		features,
		seed: derivation.seed,
		locale: input.locale ?? access.user.locale ?? 'en'
	});
	return derivation;
}

/** A derivation job: its status, progress and (when done) diagnostics and what moved. */
export function getDerivation(user: db.User | null, derivationId: string): db.PersonaDerivationRow {
	recoverOnce();
	requireUser(user);
	const derivation = db.findDerivation(derivationId);
	if (!derivation) throw notFound('Derivation');
	requireGroup(user, derivation.groupId, 'data:read');
	return derivation;
}

/**
 * A persona with the version of its photo (null without one), as lists and pages show it, and
 * the workspace's name for the event type its evidence's furthest step is.
 */
export type PersonaWithPhoto = db.Persona & { photoVersion: string | null; furthestStepLabel?: string };

export function withPhotos(personas: db.Persona[]): PersonaWithPhoto[] {
	const versions = db.personaPhotoVersions(personas.map((p) => p.id));
	const labels = personas.length ? eventTypeLabelsOf(personas[0]!.workspaceId) : {};
	return personas.map((persona) => {
		const step = persona.evidence?.furthestStep?.step;
		return { ...persona, photoVersion: versions.get(persona.id) ?? null, ...(step ? { furthestStepLabel: eventTypeLabel(step, labels) } : {}) };
	});
}

export interface GroupPersonas {
	group: db.CustomerGroup;
	personas: PersonaWithPhoto[];
	/** The newest derivation (possibly running or failed) and the newest finished one. */
	latest: db.PersonaDerivationRow | null;
	lastDone: db.PersonaDerivationRow | null;
	/** The data changed since the personas were derived. */
	stale: boolean;
	/** Customers in the group now: whether it is large enough for personas. */
	customers: number;
	mayEdit: boolean;
	mayListCustomers: boolean;
}

export async function groupPersonas(user: db.User | null, groupId: string, { archived = false } = {}): Promise<GroupPersonas> {
	recoverOnce();
	const { group, role } = requireGroup(user, groupId, 'data:read');
	const lastDone = db.latestDoneDerivation(groupId) ?? null;
	const { datasetVersion } = await db.ensureMeasures(group.workspaceId);
	return {
		customers: await groupCustomers(group),
		group,
		personas: withPhotos(db.listPersonas(groupId, { archived })),
		latest: db.latestDerivation(groupId) ?? null,
		lastDone,
		stale: lastDone !== null && lastDone.datasetVersion !== datasetVersion,
		mayEdit: roleAllows(role, 'groups:write'),
		mayListCustomers: roleAllows(role, 'data:write')
	};
}


export interface PersonaDetail {
	persona: PersonaWithPhoto;
	group: db.CustomerGroup;
	/** The workspace's currency (ISO 4217): the persona's amounts are in it. */
	currency: string;
	/** The most central customers: their measures for everyone, who they are only for editors. */
	representatives: (Omit<db.PersonaMember, 'id' | 'externalId' | 'name' | 'email' | 'city'> & {
		externalId: string | null;
		name: string | null;
	})[];
	/** The card as the team wrote it (every update a live room applies is stored first). */
	narrative: NarrativeSnapshot;
	mayEdit: boolean;
	mayListCustomers: boolean;
}

function storedNarrative(personaId: string): NarrativeSnapshot {
	const doc = new Y.Doc();
	try {
		applyStoredState(doc, db.loadDocUpdates(personaRoomName(personaId)), personaRoomName(personaId));
		return readNarrative(doc);
	} finally {
		doc.destroy();
	}
}

export function getPersona(user: db.User | null, personaId: string): PersonaDetail {
	const { persona, group, role } = requirePersona(user, personaId, 'data:read');
	const personal = roleAllows(role, 'data:write');
	return {
		persona: withPhotos([persona])[0]!,
		group,
		currency: db.findWorkspace(group.workspaceId)?.currency ?? DEFAULT_CURRENCY,
		representatives: db.customersByIds(persona.medoidCustomerIds ?? []).map((c) => ({
			transactions: c.transactions,
			revenue: c.revenue,
			recencyDays: c.recencyDays,
			externalId: personal ? c.externalId : null,
			name: personal ? c.name : null
		})),
		narrative: storedNarrative(persona.id),
		mayEdit: roleAllows(role, 'groups:write'),
		mayListCustomers: personal
	};
}

export function personaCustomers(user: db.User | null, personaId: string, page: db.PageRequest): db.Page<db.PersonaMember> {
	const { persona } = requirePersona(user, personaId, 'data:write');
	return db.personaMembersPage(persona.id, page);
}

export interface PersonaInput {
	name: string;
	description?: string;
}

/** A persona the team writes by hand (for groups without data, or from research): no figures. */
export function createPersona(user: db.User | null, groupId: string, input: PersonaInput): PersonaWithPhoto {
	const { group, user: actor } = requireGroup(user, groupId, 'groups:write');
	const position = db.listPersonas(groupId).reduce((max, p) => Math.max(max, p.position + 1), 0);
	const persona = db.insertPersona({
		id: newId(),
		workspaceId: group.workspaceId,
		groupId,
		origin: 'hand-made',
		name: input.name,
		description: input.description ?? '',
		position: Math.max(position, 100),
		createdBy: actor.id
	});
	announceChange({ kind: 'personas', workspaceId: group.workspaceId, groupId });
	return { ...persona, photoVersion: null };
}

export function updatePersona(user: db.User | null, personaId: string, changes: Partial<PersonaInput>): PersonaWithPhoto {
	const { persona } = requirePersona(user, personaId, 'groups:write');
	// A name the team set is theirs: no later derivation suggests another.
	const named = changes.name === undefined ? {} : { nameSuggested: false };
	const updated = withPhotos([db.updatePersona(persona.id, { ...changes, ...named })!])[0]!;
	announceChange({ kind: 'personas', workspaceId: persona.workspaceId, groupId: persona.groupId });
	return updated;
}

export function deletePersona(user: db.User | null, personaId: string): void {
	const { persona } = requirePersona(user, personaId, 'groups:write');
	// Its photo goes by cascade; its card with it, an open room being closed without writing it back.
	db.deletePersona(persona.id);
	db.deleteDocument(personaRoomName(persona.id));
	announce({ kind: 'persona-deleted', personaId: persona.id });
	announceChange({ kind: 'personas', workspaceId: persona.workspaceId, groupId: persona.groupId });
}
