import { describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { personaRoomName, readNarrative, setNarrativeField } from '$lib/domain/persona';
import { connectClient, eventually, sleep, synced, upgradeOutcome } from './collab-support';
import { handMadePersona, makeTeam } from './collab-team';
import { Client, withDatabase } from './helpers';

/*
 * Persona cards through the collaboration server: editors write the card together, viewers read
 * it live but their edits are dropped, strangers cannot open it, and deleting the persona
 * removes its stored card.
 */

const baseUrl = () => inject('baseUrl');
const wsUrl = (room: string, query = '') => `${baseUrl().replace(/^http/, 'ws')}/collab/${room}${query}`;


describe('persona cards', () => {
	it('are written together by editors and stored; viewers see them live but their edits are dropped', async () => {
		const team = await makeTeam(baseUrl());
		const room = personaRoomName(await handMadePersona(team));
		const owner = connectClient(baseUrl(), room, team.owner.token);
		const editor = connectClient(baseUrl(), room, team.editor.token);
		const viewer = connectClient(baseUrl(), room, team.viewer.token);
		await Promise.all([synced(owner), synced(editor), synced(viewer)]);
		setNarrativeField(owner.doc, 'quote', 'Quick, please.');
		setNarrativeField(editor.doc, 'goals', 'Eat well');
		setNarrativeField(viewer.doc, 'health', 'viewer was here');
		await eventually(() => expect(readNarrative(viewer.doc).fields.goals).toBe('Eat well'));
		await eventually(() => expect(readNarrative(editor.doc).fields.quote).toBe('Quick, please.'));
		await sleep(300);
		expect(readNarrative(owner.doc).fields.health).toBe('');
		for (const client of [owner, editor, viewer]) client.close();

		const fresh = connectClient(baseUrl(), room, team.viewer.token);
		await synced(fresh);
		const stored = readNarrative(fresh.doc);
		expect(stored.fields).toMatchObject({ quote: 'Quick, please.', goals: 'Eat well', health: '' });
		expect(stored.schemaVersion).toBe(1);
		fresh.close();
		// The API gives the card with the persona.
		const detail = await Client.withToken(team.viewer.token).get(`/api/v1/personas/${room.slice(0, 16)}`);
		expect(detail.body.narrative.fields).toMatchObject({ quote: 'Quick, please.', goals: 'Eat well', health: '' });
		// And as a Markdown file to take along.
		const file = await Client.withToken(team.viewer.token).get(`/api/v1/personas/${room.slice(0, 16)}/card.md`);
		expect(file.status).toBe(200);
		expect(file.headers.get('content-disposition')).toContain('Researcher%20Rita.md');
		expect(file.body).toContain('# Researcher Rita');
		expect(file.body).toContain('> Quick, please.');
		expect(file.body).toContain('## Goals and wishes\n\nEat well');
	});

	it('cannot be opened by a non-member, nor for a persona that does not exist', async () => {
		const team = await makeTeam(baseUrl());
		const room = personaRoomName(await handMadePersona(team));
		const stranger = await makeTeam(baseUrl());
		expect((await upgradeOutcome(wsUrl(room, `?token=${stranger.owner.token}`))).status).toBe(404);
		expect((await upgradeOutcome(wsUrl(personaRoomName('aaaaaaaaaaaaaaaa'), `?token=${team.owner.token}`))).status).toBe(404);
		const member = await upgradeOutcome(wsUrl(room, `?token=${team.viewer.token}`));
		expect(member.status).toBe('open');
		member.socket?.close();
	});

	it('go with their persona when it is deleted, even while someone has the card open', async () => {
		const team = await makeTeam(baseUrl());
		const personaId = await handMadePersona(team);
		const editor = connectClient(baseUrl(), personaRoomName(personaId), team.editor.token);
		await synced(editor);
		setNarrativeField(editor.doc, 'bio', 'Written before the end');
		await sleep(200);
		const owner = connectClient(baseUrl(), personaRoomName(personaId), team.owner.token);
		await synced(owner);
		const rows = () =>
			(withDatabase((db) => db.prepare('select count(*) as n from doc_updates where doc_name = ?').get(personaRoomName(personaId))) as { n: number }).n;
		await eventually(() => expect(rows()).toBeGreaterThan(0));
		expect((await Client.withToken(team.editor.token).delete(`/api/v1/personas/${personaId}`)).status).toBe(204);
		expect((await upgradeOutcome(wsUrl(personaRoomName(personaId), `?token=${team.owner.token}`))).status).toBe(404);
		await eventually(() => expect(rows()).toBe(0));
		// The open room was closed without being written back.
		await eventually(() => expect(owner.provider.wsconnected).toBe(false));
		editor.close();
		owner.close();
		await sleep(300);
		expect(rows()).toBe(0);
	});
});
