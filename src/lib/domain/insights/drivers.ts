import type { DriverTrait } from '../board/types';

/*
 * Drop-off driver traits as one string — in a form field, a URL or a keyed list — and back.
 */

export function traitKey(trait: DriverTrait): string {
	if (trait.kind === 'event') return `event:${trait.atLeast}:${trait.eventType}`;
	if (trait.kind === 'profile') return `profile:${trait.field}=${trait.value}`;
	return `entry:${trait.channel}`;
}

/** The trait a key names, or null when it names none. */
export function parseTraitKey(key: string): DriverTrait | null {
	const event = /^event:([12]):(.+)$/s.exec(key);
	if (event) return { kind: 'event', atLeast: event[1] === '2' ? 2 : 1, eventType: event[2]! };
	const profile = /^profile:([^=]+)=(.+)$/s.exec(key);
	if (profile) return { kind: 'profile', field: profile[1]!, value: profile[2]! };
	const entry = /^entry:(.+)$/s.exec(key);
	if (entry) return { kind: 'entry-channel', channel: entry[1]! };
	return null;
}
