import * as Y from 'yjs';
import { isPhotoVersion } from './photo';

export * from './photo';

/*
 * The narrative of a persona card — the human side the team writes together — as one Yjs
 * document per persona (room `<personaId>.persona`). Only this module knows its shape:
 *
 *   persona    Y.Map   schemaVersion, avatar (an illustration id of AVATARS),
 *                      photo (the version of the persona's uploaded photo; written by the server)
 *   quote, bio, goals, frustrations, needs, media, lifestyle, network, health
 *              Y.Text  one top-level text per field
 *
 * Texts are top-level types, so two people opening an empty card at once never create two
 * competing copies of a field. The persona's name stays in SQL (lists, the API, boards use
 * it), and so do the photo's bytes: the card only names the version, so every open card switches
 * to a new photo at once; the figures are computed on the server and never enter this document, and neither does
 * any customer's personal data.
 */

export const CURRENT_SCHEMA_VERSION = 1;

/** The persona fields of the domain (../shared/DOMAIN.md), in the order a card shows them. */
export const NARRATIVE_FIELDS = [
	'quote',
	'bio',
	'goals',
	'frustrations',
	'needs',
	'media',
	'lifestyle',
	'network',
	'health'
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

/** Built-in illustrations a team can give a persona (an uploaded photo, when there is one, is shown instead). */
export const AVATARS = ['compass', 'leaf', 'sparkles', 'coffee', 'mountain', 'sun', 'moon', 'bike'] as const;
export type Avatar = (typeof AVATARS)[number];

/** A field's length limit: a card is read at a glance, and a document must stay small. */
export const MAX_FIELD_LENGTH = 4000;

export interface NarrativeSnapshot {
	readonly fields: Readonly<Record<NarrativeField, string>>;
	readonly avatar: Avatar | null;
	/** The version of the uploaded photo, or null when the card has none. */
	readonly photo: string | null;
	readonly schemaVersion: number;
}

const root = (doc: Y.Doc) => doc.getMap<unknown>('persona');
const text = (doc: Y.Doc, field: NarrativeField) => doc.getText(field);

export function readNarrative(doc: Y.Doc): NarrativeSnapshot {
	const fields = Object.fromEntries(NARRATIVE_FIELDS.map((field) => [field, text(doc, field).toString()])) as Record<
		NarrativeField,
		string
	>;
	const avatar = root(doc).get('avatar');
	const version = root(doc).get('schemaVersion');
	const photo = root(doc).get('photo');
	return {
		fields,
		avatar: typeof avatar === 'string' && (AVATARS as readonly string[]).includes(avatar) ? (avatar as Avatar) : null,
		photo: isPhotoVersion(photo) ? photo : null,
		schemaVersion: typeof version === 'number' ? version : 0
	};
}

/**
 * Makes the field read `value`, changing only the span that differs (common prefix and suffix
 * kept), so that two people typing in different parts of one field both keep their words.
 */
export function setNarrativeField(doc: Y.Doc, field: NarrativeField, value: string, origin?: unknown): void {
	const next = value.slice(0, MAX_FIELD_LENGTH);
	const shared = text(doc, field);
	const current = shared.toString();
	if (current === next) return;
	let start = 0;
	while (start < current.length && start < next.length && current[start] === next[start]) start++;
	let end = 0;
	while (
		end < current.length - start &&
		end < next.length - start &&
		current[current.length - 1 - end] === next[next.length - 1 - end]
	) {
		end++;
	}
	doc.transact(() => {
		const removed = current.length - start - end;
		if (removed > 0) shared.delete(start, removed);
		const inserted = next.slice(start, next.length - end);
		if (inserted) shared.insert(start, inserted);
	}, origin);
}

export function setAvatar(doc: Y.Doc, avatar: Avatar | null, origin?: unknown): void {
	doc.transact(() => {
		if (avatar === null) root(doc).delete('avatar');
		else root(doc).set('avatar', avatar);
	}, origin);
}

/**
 * Points the card at a photo version (or at none). Only the server calls this, after the photo
 * is stored or deleted; unchanged values write nothing, so it is safe to run on every load.
 */
export function setPhoto(doc: Y.Doc, version: string | null, origin?: unknown): void {
	const current = root(doc).get('photo');
	if (version === null ? current === undefined : current === version) return;
	if (version !== null && !isPhotoVersion(version)) throw new Error(`Not a photo version: ${version}`);
	doc.transact(() => {
		if (version === null) root(doc).delete('photo');
		else root(doc).set('photo', version);
	}, origin);
}

/** Run by the server when the room loads: stamps the schema version (the migration hook). */
export function migratePersonaDoc(doc: Y.Doc): void {
	if (root(doc).get('schemaVersion') === CURRENT_SCHEMA_VERSION) return;
	doc.transact(() => root(doc).set('schemaVersion', CURRENT_SCHEMA_VERSION));
}

const PERSONA_ID = /^[a-z2-7]{16}$/;
export const personaRoomName = (personaId: string) => `${personaId}.persona`;
/** The persona id of a persona room name, or null. */
export function personaIdOfRoom(roomName: string): string | null {
	const match = /^([a-z2-7]{16})\.persona$/.exec(roomName);
	return match && PERSONA_ID.test(match[1]!) ? match[1]! : null;
}
