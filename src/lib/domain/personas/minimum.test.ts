import { describe, expect, it } from 'vitest';
import enMessages from '../../../../messages/en.json';
import nlMessages from '../../../../messages/nl.json';
import { customersNeeded, mostPersonas, personaShortfall, shortfallText } from './minimum';

const en = enMessages as unknown as Record<string, string>;
const nl = nlMessages as unknown as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the customers a group needs for personas', () => {
	it('asks 30 in all and 10 per persona', () => {
		expect(customersNeeded('auto')).toBe(30);
		expect(customersNeeded(3)).toBe(30);
		expect(customersNeeded(5)).toBe(50);
		expect(customersNeeded(8)).toBe(80);
	});

	it('lets a group carry one persona per 10 customers, within 3…8', () => {
		expect(mostPersonas(29)).toBe(0);
		expect(mostPersonas(30)).toBe(3);
		expect(mostPersonas(49)).toBe(4);
		expect(mostPersonas(50)).toBe(5);
		expect(mostPersonas(20_000)).toBe(8);
	});

	it('says what is short, and how many personas would fit instead', () => {
		expect(personaShortfall(6, 'auto')).toEqual({ customers: 6, needed: 30, k: null, most: 0 });
		expect(personaShortfall(45, 5)).toEqual({ customers: 45, needed: 50, k: 5, most: 4 });
		expect(personaShortfall(50, 5)).toBeNull();
		expect(personaShortfall(30, 'auto')).toBeNull();
	});
});

describe('the shortfall in words', () => {
	it('reads the same in the engine and in the English messages', () => {
		const fill = (key: string, inputs: Record<string, string>) => en[key]!.replace(/\{(\w+)\}/g, (_, name: string) => inputs[name]!);
		const rule = { perPersona: '10', minimum: '30' };
		expect(shortfallText(personaShortfall(6, 'auto')!)).toBe(fill('error_persona_group_too_small', { customers: '6', needed: '30', ...rule }));
		expect(shortfallText(personaShortfall(45, 5)!)).toBe(fill('error_persona_group_too_small_k', { customers: '45', needed: '50', k: '5', ...rule }));
		for (const key of ['error_persona_group_too_small', 'error_persona_group_too_small_k', 'personas_minimum_group', 'personas_minimum_k']) {
			expect(placeholders(nl[key]!), key).toEqual(placeholders(en[key]!));
		}
	});
});
