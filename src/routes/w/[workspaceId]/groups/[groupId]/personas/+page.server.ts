import { personaCreateSchema, personaDeriveSchema, personaUpdateSchema } from '$lib/schemas';
import { WORKSPACE_DATA_DEPENDENCY } from '$lib/client/workspace-changes';
import { notFound } from '$lib/server/errors';
import { loadPage, runForm } from '$lib/server/http/forms';
import { derivationJson, personaJson } from '$lib/server/http/json';
import { parseInput } from '$lib/server/http/validation';
import {
	createPersona,
	DEFAULT_PERSONA_FEATURES,
	deletePersona,
	groupPersonas,
	PERSONA_FEATURES,
	startDerivation,
	updatePersona
} from '$lib/server/personas';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, async () => {
		event.depends(WORKSPACE_DATA_DEPENDENCY);
		await event.parent();
		const result = await groupPersonas(event.locals.user, event.params.groupId);
		if (result.group.workspaceId !== event.params.workspaceId) throw notFound('Group');
		const archived = (await groupPersonas(event.locals.user, event.params.groupId, { archived: true })).personas;
		return {
			group: { id: result.group.id, name: result.group.name },
			personas: result.personas.map(personaJson),
			// Set aside by a re-derivation: no cluster continues them; their cards and last figures stay readable.
			archived: archived.map((p) => ({ id: p.id, name: p.name, photoUrl: personaJson(p).photoUrl, archivedAt: p.updatedAt.toISOString() })),
			derivation: result.latest ? derivationJson(result.latest) : null,
			lastDone: result.lastDone ? derivationJson(result.lastDone) : null,
			stale: result.stale,
			customers: result.customers,
			mayEdit: result.mayEdit,
			catalogue: PERSONA_FEATURES.map((f) => ({ id: f.id, basis: f.basis, unit: f.unit, chosen: DEFAULT_PERSONA_FEATURES.includes(f.id) }))
		};
	});

/** Feature checkboxes are posted as `feature:<id>`. */
const chosenFeatures = (fields: Record<string, string>) =>
	Object.keys(fields)
		.filter((name) => name.startsWith('feature:'))
		.map((name) => name.slice('feature:'.length));

export const actions: Actions = {
	derive: (event) =>
		runForm(event, 'derive', async (fields) => {
			const features = chosenFeatures(fields);
			const input = parseInput(personaDeriveSchema, {
				k: fields.k || 'auto',
				features: features.length ? features : undefined,
				seed: fields.seed?.trim() ? fields.seed : undefined
			});
			const derivation = await startDerivation(event.locals.user, event.params.groupId, { ...input, locale: getLocale() });
			return { derivationId: derivation.id };
		}),
	add: (event) =>
		runForm(event, 'add', (fields) => {
			createPersona(event.locals.user, event.params.groupId, parseInput(personaCreateSchema, fields));
		}),
	rename: (event) =>
		runForm(event, 'rename', (fields) => {
			const { name } = parseInput(personaUpdateSchema.required({ name: true }), fields);
			updatePersona(event.locals.user, String(fields.personaId ?? ''), { name });
			return { personaId: fields.personaId };
		}),
	delete: (event) =>
		runForm(event, 'delete', (fields) => {
			deletePersona(event.locals.user, String(fields.personaId ?? ''));
		})
};
