import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	migratePersonaDoc,
	personaIdOfRoom,
	personaRoomName,
	readNarrative,
	setAvatar,
	setNarrativeField,
	setPhoto,
	isPhotoVersion,
	personaPhotoUrl,
	MAX_FIELD_LENGTH
} from './index';

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
};

describe('the persona card document', () => {
	it('reads empty fields and no avatar from a new document', () => {
		const snapshot = readNarrative(new Y.Doc());
		expect(snapshot.fields.quote).toBe('');
		expect(snapshot.avatar).toBeNull();
		expect(snapshot.schemaVersion).toBe(0);
	});

	it('keeps both edits when two people type in different parts of one field at once', () => {
		const a = new Y.Doc();
		const b = new Y.Doc();
		setNarrativeField(a, 'goals', 'Save time. Eat well.');
		sync(a, b);
		setNarrativeField(a, 'goals', 'Save time on Mondays. Eat well.');
		setNarrativeField(b, 'goals', 'Save time. Eat well, cheaply.');
		sync(a, b);
		expect(readNarrative(a).fields.goals).toBe('Save time on Mondays. Eat well, cheaply.');
		expect(readNarrative(b).fields).toEqual(readNarrative(a).fields);
	});

	it('changes only the span that differs, in one transaction', () => {
		const doc = new Y.Doc();
		setNarrativeField(doc, 'bio', 'abcdef');
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		setNarrativeField(doc, 'bio', 'abXYef');
		setNarrativeField(doc, 'bio', 'abXYef');
		expect(transactions).toBe(1);
		expect(readNarrative(doc).fields.bio).toBe('abXYef');
	});

	it('caps a field at its length limit', () => {
		const doc = new Y.Doc();
		setNarrativeField(doc, 'needs', 'x'.repeat(MAX_FIELD_LENGTH + 10));
		expect(readNarrative(doc).fields.needs).toHaveLength(MAX_FIELD_LENGTH);
	});

	it('accepts only built-in avatars and stamps the schema version once', () => {
		const doc = new Y.Doc();
		setAvatar(doc, 'leaf');
		expect(readNarrative(doc).avatar).toBe('leaf');
		doc.getMap('persona').set('avatar', 'https://evil.example/x.png');
		expect(readNarrative(doc).avatar).toBeNull();
		migratePersonaDoc(doc);
		expect(readNarrative(doc).schemaVersion).toBe(1);
	});

	it('names persona rooms and only those', () => {
		expect(personaIdOfRoom(personaRoomName('abcdefghijklmnop'))).toBe('abcdefghijklmnop');
		expect(personaIdOfRoom('abcdefghijklmnop')).toBeNull();
		expect(personaIdOfRoom('abcdefghijklmnop.comments')).toBeNull();
		expect(personaIdOfRoom('ABC.persona')).toBeNull();
	});

	it('points every copy of the card at a new photo, and back to the illustration without one', () => {
		const server = new Y.Doc();
		const editor = new Y.Doc();
		setAvatar(editor, 'leaf');
		sync(server, editor);
		setPhoto(server, '0123456789abcdef');
		sync(server, editor);
		expect(readNarrative(editor)).toMatchObject({ photo: '0123456789abcdef', avatar: 'leaf' });
		setPhoto(server, null);
		sync(server, editor);
		expect(readNarrative(editor)).toMatchObject({ photo: null, avatar: 'leaf' });
	});

	it('writes nothing when the photo is already the one named (the room load mends without churn)', () => {
		const doc = new Y.Doc();
		setPhoto(doc, 'fedcba9876543210');
		let updates = 0;
		doc.on('update', () => updates++);
		setPhoto(doc, 'fedcba9876543210');
		setPhoto(new Y.Doc(), null);
		expect(updates).toBe(0);
	});

	it('ignores a photo value that is not a version, and refuses to write one', () => {
		const doc = new Y.Doc();
		doc.getMap('persona').set('photo', '../../etc/passwd');
		expect(readNarrative(doc).photo).toBeNull();
		expect(() => setPhoto(doc, 'not-a-version')).toThrow();
		expect(isPhotoVersion('0123456789abcdef')).toBe(true);
		expect(isPhotoVersion('0123456789ABCDEF')).toBe(false);
		expect(personaPhotoUrl('abcdefghijklmnop', '0123456789abcdef')).toBe('/api/v1/personas/abcdefghijklmnop/photo?v=0123456789abcdef');
	});
});
