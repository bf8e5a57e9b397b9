/** What each person shares about themselves through Yjs awareness (never customer data). */
export interface PresenceState {
	user: { id: string; name: string; color: string };
	/** Pointer position in board units, or null when outside the board. */
	cursor: { x: number; y: number } | null;
	selection: string[];
	/** The visible part of the board, so others can follow this person. */
	viewport: { x: number; y: number; k: number } | null;
}

export interface Collaborator extends PresenceState {
	clientId: number;
}

const PALETTE = ['#d1495b', '#2e86ab', '#3a7d44', '#8e5ea2', '#e07a1f', '#00798c', '#b5446e', '#5f6caf'];

/** A stable colour per person, so they look the same in every tab and session. */
export function colorFor(userId: string): string {
	let hash = 0;
	for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return PALETTE[hash % PALETTE.length]!;
}

export function isPresenceState(value: unknown): value is PresenceState {
	const state = value as PresenceState;
	return (
		typeof state === 'object' &&
		state !== null &&
		typeof state.user?.id === 'string' &&
		typeof state.user?.name === 'string' &&
		typeof state.user?.color === 'string'
	);
}

export function initials(name: string): string {
	const parts = name.trim().split(/\s+/).filter(Boolean);
	return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts.at(-1)![0] : '')).toUpperCase();
}
