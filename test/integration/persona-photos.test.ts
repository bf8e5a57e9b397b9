import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { personaRoomName, readNarrative } from '$lib/domain/persona';
import { connectClient, eventually, synced } from './collab-support';
import { handMadePersona, makeTeam } from './collab-team';
import { Client, withDatabase } from './helpers';

/*
 * Persona photos through the real server: editors upload, the server resizes to a square WebP
 * without metadata and every open card switches to it; viewers only read; bad uploads are
 * refused with nothing stored; deleting the persona takes the photo along.
 */

const baseUrl = () => inject('baseUrl');


const photoPath = (personaId: string) => `/api/v1/personas/${personaId}/photo`;

const upload = (token: string, personaId: string, body: Uint8Array, type: string) =>
	Client.withToken(token).request('PUT', photoPath(personaId), { body: new Uint8Array(body), headers: { 'content-type': type } });

/** The photo as bytes (the test client reads bodies as text). */
async function download(token: string, personaId: string, headers: Record<string, string> = {}) {
	const response = await fetch(new URL(photoPath(personaId), baseUrl()), {
		headers: { authorization: `Bearer ${token}`, ...headers }
	});
	return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const storedPhotos = (personaId: string) =>
	(withDatabase((db) => db.prepare('select count(*) as n from persona_photos where persona_id = ?').get(personaId)) as { n: number }).n;

const landscapePng = () =>
	sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2e86ab' } })
		.composite([{ input: { create: { width: 400, height: 400, channels: 3, background: '#e07a1f' } }, top: 250, left: 600 }])
		.png()
		.toBuffer();

describe('persona photos', () => {
	it('are resized to a 512×512 WebP, shown live on every open card and read by viewers', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const viewerCard = connectClient(baseUrl(), personaRoomName(personaId), team.viewer.token);
		await synced(viewerCard);
		expect(readNarrative(viewerCard.doc).photo).toBeNull();

		const put = await upload(team.editor.token, personaId, await landscapePng(), 'image/png');
		expect(put.status).toBe(200);
		expect(put.body).toMatchObject({ personaId, mime: 'image/webp', width: 512, height: 512, url: `${photoPath(personaId)}?v=${put.body.version}` });
		// Everyone with the card open switches to the photo without reloading.
		await eventually(() => expect(readNarrative(viewerCard.doc).photo).toBe(put.body.version));
		viewerCard.close();

		const { response, bytes } = await download(team.viewer.token, personaId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('etag')).toBe(`"${put.body.version}"`);
		expect(response.headers.get('cache-control')).toBe('private, no-cache');
		expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 512, height: 512 });
		expect((await download(team.viewer.token, personaId, { 'if-none-match': `"${put.body.version}"` })).response.status).toBe(304);
		const versioned = await fetch(new URL(put.body.url, baseUrl()), { headers: { authorization: `Bearer ${team.viewer.token}` } });
		expect(versioned.headers.get('cache-control')).toContain('immutable');

		// Lists, the persona itself and the Markdown card point at it.
		const viewer = Client.withToken(team.viewer.token);
		const detail = await viewer.get(`/api/v1/personas/${personaId}`);
		expect(detail.body.photoUrl).toBe(put.body.url);
		const list = await viewer.get(`/api/v1/groups/${detail.body.groupId}/personas`);
		expect(list.body.items[0].photoUrl).toBe(put.body.url);
		const card = await viewer.get(`/api/v1/personas/${personaId}/card.md`);
		expect(card.body).toContain(`![Researcher Rita](${baseUrl()}${put.body.url})`);
	});

	it('lose the EXIF of the upload: a workshop photo keeps no GPS position or camera', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const jpeg = await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#3a7d44' } })
			.jpeg()
			.withExif({
				IFD0: { Make: 'WorkshopCam' },
				IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' }
			})
			.toBuffer();
		expect((await sharp(jpeg).metadata()).exif).toBeDefined();
		expect((await upload(team.owner.token, personaId, jpeg, 'image/jpeg')).status).toBe(200);
		const { bytes } = await download(team.owner.token, personaId);
		const stored = await sharp(bytes).metadata();
		expect(stored).toMatchObject({ format: 'webp', width: 512, height: 512 });
		expect(stored.exif).toBeUndefined();
		expect(bytes.includes(Buffer.from('WorkshopCam'))).toBe(false);
	});

	it('refuse what is not a usable image, too large or damaged, storing nothing', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const notAnImage = await upload(team.editor.token, personaId, new TextEncoder().encode('name,email\nAnna,anna@example.test\n'), 'image/png');
		expect(notAnImage.status).toBe(415);
		expect(notAnImage.body.error.code).toBe('unsupported_media_type');
		const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#d1495b' } }).jpeg().toBuffer();
		const damaged = await upload(team.editor.token, personaId, jpeg.subarray(0, jpeg.length >> 1), 'image/jpeg');
		expect(damaged.status).toBe(400);
		expect((await upload(team.editor.token, personaId, jpeg, 'application/json')).status).toBe(415);
		const tooLarge = await upload(team.editor.token, personaId, new Uint8Array(10 * 1024 * 1024 + 1), 'image/jpeg');
		expect(tooLarge.status).toBe(413);
		expect(tooLarge.body.error.message).toContain('10 MB');
		expect(storedPhotos(personaId)).toBe(0);
		expect((await download(team.editor.token, personaId)).response.status).toBe(404);
	});

	it('refuse an oversized upload sent without Content-Length too', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const chunk = new Uint8Array(1024 * 1024);
		let sent = 0;
		const body = new ReadableStream<Uint8Array>({
			pull(controller) {
				if (sent++ < 11) controller.enqueue(chunk);
				else controller.close();
			}
		});
		const response = await fetch(new URL(photoPath(personaId), baseUrl()), {
			method: 'PUT',
			headers: { authorization: `Bearer ${team.editor.token}`, 'content-type': 'image/jpeg' },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(response.status).toBe(413);
		expect(storedPhotos(personaId)).toBe(0);
	});

	it('are changed by editors only: viewers read, strangers learn nothing', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const png = await landscapePng();
		expect((await upload(team.viewer.token, personaId, png, 'image/png')).status).toBe(403);
		expect(storedPhotos(personaId)).toBe(0);
		expect((await upload(team.editor.token, personaId, png, 'image/png')).status).toBe(200);
		expect((await download(team.viewer.token, personaId)).response.status).toBe(200);
		expect((await Client.withToken(team.viewer.token).delete(photoPath(personaId))).status).toBe(403);

		const stranger = await makeTeam(baseUrl());
		expect((await download(stranger.owner.token, personaId)).response.status).toBe(404);
		expect((await upload(stranger.owner.token, personaId, png, 'image/png')).status).toBe(404);
		expect((await Client.withToken(stranger.owner.token).delete(photoPath(personaId))).status).toBe(404);
		expect(storedPhotos(personaId)).toBe(1);
	});

	it('are removed on request (the card shows its illustration again) and go with their persona', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const editor = Client.withToken(team.editor.token);
		expect((await upload(team.editor.token, personaId, await landscapePng(), 'image/png')).status).toBe(200);
		const card = connectClient(baseUrl(), personaRoomName(personaId), team.owner.token);
		await synced(card);
		expect(readNarrative(card.doc).photo).not.toBeNull();
		expect((await editor.delete(photoPath(personaId))).status).toBe(204);
		await eventually(() => expect(readNarrative(card.doc).photo).toBeNull());
		card.close();
		expect((await download(team.editor.token, personaId)).response.status).toBe(404);
		expect((await editor.get(`/api/v1/personas/${personaId}`)).body.photoUrl).toBeNull();

		expect((await upload(team.editor.token, personaId, await landscapePng(), 'image/png')).status).toBe(200);
		expect(storedPhotos(personaId)).toBe(1);
		expect((await editor.delete(`/api/v1/personas/${personaId}`)).status).toBe(204);
		expect(storedPhotos(personaId)).toBe(0);
	});
});
