import { json } from '@sveltejs/kit';
import { PHOTO_ACCEPTED_TYPES, PHOTO_MAX_BYTES } from '$lib/domain/persona';
import { requireUser } from '$lib/server/auth';
import { api, readBinary } from '$lib/server/http/api';
import { imageResponse } from '$lib/server/http/image';
import { noContent, personaPhotoJson } from '$lib/server/http/json';
import { deletePersonaPhoto, getPersonaPhoto, photoTooLarge, putPersonaPhoto } from '$lib/server/personas';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = api(({ locals, params, request, url }) =>
	imageResponse(request, url, getPersonaPhoto(locals.user, params.id))
);

/** The photo itself is the body: PUT replaces the resource with what is sent, nothing else comes along. */
export const PUT: RequestHandler = api(async (event) => {
	const user = requireUser(event.locals.user);
	const upload = await readBinary(event, {
		types: [...PHOTO_ACCEPTED_TYPES, 'application/octet-stream'],
		maxBytes: PHOTO_MAX_BYTES,
		tooLarge: photoTooLarge
	});
	return json(personaPhotoJson(await putPersonaPhoto(user, event.params.id, upload)));
});

export const DELETE: RequestHandler = api(({ locals, params }) => {
	deletePersonaPhoto(locals.user, params.id);
	return noContent();
});
