import { requireUser, type Permission } from '../auth';
import * as db from '../db';
import { notFound } from '../errors';
import { requireGroup } from '../groups';

/** A non-member learns nothing about a persona: 404. */
export function requirePersona(user: db.User | null, personaId: string, permission: Permission) {
	const actor = requireUser(user);
	const persona = db.findPersona(personaId);
	if (!persona) throw notFound('Persona');
	return { persona, ...requireGroup(actor, persona.groupId, permission) };
}
