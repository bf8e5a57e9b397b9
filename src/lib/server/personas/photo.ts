import { personaPhotoUrl, personaRoomName, setPhoto } from '$lib/domain/persona';
import { collabServer } from '../collab';
import * as db from '../db';
import { notFound } from '../errors';
import { announceChange } from '../events';
import { requirePersona } from './access';
import { processPhoto } from './photo-image';

/*
 * A persona's photo: uploaded by those who change personas (groups:write), read by every member
 * who reads the personas (data:read). The bytes live in SQL; the persona's card names the
 * version, so everyone with the card open switches to the new photo at once.
 */

export const PHOTO_ORIGIN = 'persona-photo';

export interface PersonaPhotoInfo {
	personaId: string;
	url: string;
	version: string;
	mime: string;
	width: number;
	height: number;
	bytes: number;
	updatedAt: Date;
}

const infoOf = (photo: db.PersonaPhoto): PersonaPhotoInfo => ({
	personaId: photo.personaId,
	url: personaPhotoUrl(photo.personaId, photo.version),
	version: photo.version,
	mime: photo.mime,
	width: photo.width,
	height: photo.height,
	bytes: photo.data.length,
	updatedAt: photo.updatedAt
});

/** Points the live card at the stored photo (the room applies, stores and broadcasts the edit). */
function showOnCard(persona: db.Persona, version: string | null): void {
	const room = collabServer().openRoom(personaRoomName(persona.id), persona.workspaceId);
	setPhoto(room.doc, version, PHOTO_ORIGIN);
}

/** better-sqlite3's error, possibly wrapped by drizzle as the cause. */
function isForeignKeyFailure(error: unknown): boolean {
	const failure = error as { code?: string; cause?: { code?: string } } | null;
	return failure?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || failure?.cause?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

/**
 * Resizes and stores a photo, replacing any earlier one. Refused uploads (wrong type, too large,
 * corrupt) throw before anything is written; the row is written in one statement, so a crash
 * leaves the old photo or the new one, never half of one.
 */
export async function putPersonaPhoto(user: db.User | null, personaId: string, upload: Buffer): Promise<PersonaPhotoInfo> {
	const { persona, user: actor } = requirePersona(user, personaId, 'groups:write');
	const photo = await processPhoto(upload);
	const row = { personaId: persona.id, ...photo, updatedBy: actor.id, updatedAt: new Date() };
	try {
		db.upsertPersonaPhoto(row);
	} catch (error) {
		// Deleted while the photo was being resized.
		if (isForeignKeyFailure(error)) throw notFound('Persona');
		throw error;
	}
	showOnCard(persona, photo.version);
	announceChange({ kind: 'personas', workspaceId: persona.workspaceId, groupId: persona.groupId });
	return infoOf(db.findPersonaPhoto(persona.id)!);
}

export function getPersonaPhoto(user: db.User | null, personaId: string): db.PersonaPhoto {
	const { persona } = requirePersona(user, personaId, 'data:read');
	const photo = db.findPersonaPhoto(persona.id);
	if (!photo) throw notFound('Photo');
	return photo;
}

/** Removes the photo (the card shows its illustration again); removing none is no error. */
export function deletePersonaPhoto(user: db.User | null, personaId: string): void {
	const { persona } = requirePersona(user, personaId, 'groups:write');
	db.deletePersonaPhoto(persona.id);
	showOnCard(persona, null);
	announceChange({ kind: 'personas', workspaceId: persona.workspaceId, groupId: persona.groupId });
}
