import { notFound } from '$lib/server/errors';
import { loadPage } from '$lib/server/http/forms';
import { personaDetailJson } from '$lib/server/http/json';
import { getPersona, PERSONA_FEATURES } from '$lib/server/personas';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		await event.parent();
		const detail = getPersona(event.locals.user, event.params.personaId);
		if (detail.group.id !== event.params.groupId || detail.group.workspaceId !== event.params.workspaceId) {
			throw notFound('Persona');
		}
		return {
			group: { id: detail.group.id, name: detail.group.name },
			persona: personaDetailJson(detail),
			mayEdit: detail.mayEdit,
			mayListCustomers: detail.mayListCustomers,
			units: Object.fromEntries(PERSONA_FEATURES.map((f) => [f.id, f.unit])),
			me: { id: event.locals.user!.id, name: event.locals.user!.name }
		};
	});
