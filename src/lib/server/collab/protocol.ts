import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** Top-level message types of the y-websocket protocol. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export class ProtocolError extends Error {}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep1(encoder, doc);
	return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeUpdate(encoder, update);
	return encoding.toUint8Array(encoder);
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
	return encoding.toUint8Array(encoder);
}

/**
 * An awareness message about nobody: clients apply it as a no-op, yet it resets y-websocket's
 * "no message for 30 s → reconnect" timer, which would otherwise drop quiet read-only sockets.
 */
export function encodeKeepAlive(): Uint8Array {
	const inner = encoding.createEncoder();
	encoding.writeVarUint(inner, 0);
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
	encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
	return encoding.toUint8Array(encoder);
}

export type IncomingMessage =
	| { kind: 'sync-step-1'; stateVector: Uint8Array }
	| { kind: 'sync-update'; update: Uint8Array }
	| { kind: 'awareness'; update: Uint8Array }
	| { kind: 'query-awareness' };

/**
 * Decodes one client frame fully before anything acts on it, so a truncated or malformed
 * frame is refused as a whole instead of being half-applied.
 */
export function decodeMessage(data: Uint8Array): IncomingMessage {
	try {
		const decoder = decoding.createDecoder(data);
		const type = decoding.readVarUint(decoder);
		let message: IncomingMessage;
		if (type === MESSAGE_SYNC) {
			const syncType = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (syncType === syncProtocol.messageYjsSyncStep1) {
				message = { kind: 'sync-step-1', stateVector: payload };
			} else if (
				syncType === syncProtocol.messageYjsSyncStep2 ||
				syncType === syncProtocol.messageYjsUpdate
			) {
				message = { kind: 'sync-update', update: payload };
			} else {
				throw new ProtocolError(`unknown sync message type ${syncType}`);
			}
		} else if (type === MESSAGE_AWARENESS) {
			message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
		} else if (type === MESSAGE_QUERY_AWARENESS) {
			message = { kind: 'query-awareness' };
		} else {
			throw new ProtocolError(`unknown message type ${type}`);
		}
		if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after message');
		return message;
	} catch (error) {
		if (error instanceof ProtocolError) throw error;
		throw new ProtocolError(`malformed message: ${(error as Error).message}`);
	}
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, MESSAGE_SYNC);
	syncProtocol.writeSyncStep2(encoder, doc, stateVector);
	return encoding.toUint8Array(encoder);
}
