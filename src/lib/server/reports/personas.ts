import * as db from '../db';
import { requireWorkspace } from '../auth';
import { personaJson } from '../http/json';
import { PERSONA_FEATURES, withPhotos } from '../personas';

/*
 * The persona cards of a report: the cards of the groups' persona pages (figures of the group,
 * never its customers: no representatives, names, e-mails or ids), with each photo inlined,
 * since Chromium asks the server for the print route only (its render token is spent on it).
 */

export interface ReportPersonas {
	personas: (ReturnType<typeof personaJson> & { groupName: string })[];
	units: Record<string, (typeof PERSONA_FEATURES)[number]['unit']>;
}

export function reportPersonas(user: db.User | null, workspaceId: string, personaIds: readonly string[]): ReportPersonas {
	requireWorkspace(user, workspaceId, 'data:read');
	const found = personaIds.map((id) => db.findPersona(id)).filter((persona): persona is db.Persona => persona?.workspaceId === workspaceId && !persona.archived);
	const personas = withPhotos(found).map((persona) => {
		const photo = persona.photoVersion ? db.findPersonaPhoto(persona.id) : undefined;
		return {
			...personaJson(persona),
			photoUrl: photo ? `data:${photo.mime};base64,${photo.data.toString('base64')}` : null,
			groupName: db.findGroup(persona.groupId)?.name ?? ''
		};
	});
	return { personas, units: Object.fromEntries(PERSONA_FEATURES.map((feature) => [feature.id, feature.unit])) };
}
