import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { decodeMessage, encodeKeepAlive, encodeSyncStep1, encodeUpdate, ProtocolError } from './protocol';

describe('decoding client frames', () => {
	it('reads sync step 1 and updates as the client sends them', () => {
		const doc = new Y.Doc();
		doc.getArray('a').push([1]);
		expect(decodeMessage(encodeSyncStep1(doc)).kind).toBe('sync-step-1');
		const update = Y.encodeStateAsUpdate(doc);
		const message = decodeMessage(encodeUpdate(update));
		expect(message).toEqual({ kind: 'sync-update', update });
	});

	it('refuses a frame cut short, one with trailing bytes, and unknown types as a whole', () => {
		const frame = encodeUpdate(Y.encodeStateAsUpdate(new Y.Doc()));
		expect(() => decodeMessage(frame.slice(0, frame.length - 1))).toThrow(ProtocolError);
		expect(() => decodeMessage(new Uint8Array([...frame, 7]))).toThrow(ProtocolError);
		expect(() => decodeMessage(new Uint8Array([9]))).toThrow(ProtocolError);
		expect(() => decodeMessage(new Uint8Array([0, 5, 0]))).toThrow(ProtocolError);
		expect(() => decodeMessage(new Uint8Array([]))).toThrow(ProtocolError);
	});
});

describe('keep-alive', () => {
	it('is an awareness message about nobody, which a client applies without change', () => {
		const decoder = decoding.createDecoder(encodeKeepAlive());
		expect(decoding.readVarUint(decoder)).toBe(1);
		const awareness = new awarenessProtocol.Awareness(new Y.Doc());
		const before = new Map(awareness.getStates());
		const changes: unknown[] = [];
		awareness.on('change', (change: unknown) => changes.push(change));
		awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server');
		expect(changes).toEqual([]);
		expect(awareness.getStates()).toEqual(before);
		awareness.destroy();
	});
});
