import { describe, expect, it } from 'vitest';
import type { DriverTrait } from '../board/types';
import { parseTraitKey, traitKey } from './drivers';

describe('driver trait keys', () => {
	it('round-trips every kind of trait, values with separators included', () => {
		const traits: DriverTrait[] = [
			{ kind: 'event', eventType: 'contact_customer_service', atLeast: 2 },
			{ kind: 'event', eventType: 'visit', atLeast: 1 },
			{ kind: 'profile', field: 'incomeBand', value: '€30k=50k: mid' },
			{ kind: 'entry-channel', channel: 'web:shop' }
		];
		for (const trait of traits) expect(parseTraitKey(traitKey(trait))).toEqual(trait);
	});

	it('names no trait for anything else', () => {
		for (const key of ['', 'event:3:x', 'event:1:', 'profile:field', 'entry:', 'other:x']) expect(parseTraitKey(key)).toBeNull();
	});
});
