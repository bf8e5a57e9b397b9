import { getLocale } from '$lib/paraglide/runtime';
import { api } from '$lib/server/http/api';
import { getPersona, personaMarkdown } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, url }) => {
	const detail = getPersona(locals.user, params.id);
	const fileName = `${detail.persona.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'persona'}.md`;
	return new Response(personaMarkdown(detail, getLocale(), url.origin), {
		headers: {
			'content-type': 'text/markdown; charset=utf-8',
			'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`
		}
	});
});
