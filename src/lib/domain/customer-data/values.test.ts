import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseGender, parseNumber } from './values';

describe('numbers as people write them', () => {
	it.each([
		['12.50', 12.5], ['12,50', 12.5], ['1.234,56', 1234.56], ['1,234.56', 1234.56], ['€ 12,50', 12.5],
		['€12,50', 12.5], ['12,50 EUR', 12.5], ['$ 1,234.00', 1234], ['1.234.567', 1234567], ['1,234,567', 1234567],
		['-3', -3], ['(3,00)', -3], ['3-', -3], ['0', 0], ['1 234,5', 1234.5], ['29.33', 29.33], ['+7', 7]
	])('%s → %d', (raw, expected) => expect(parseNumber(raw)).toBeCloseTo(expected, 10));

	it.each(['', 'abc', '12a', '1,2,3', '1.23,4.5', '€', '--3', '12.', ',5e'])('refuses %j', (raw) => {
		expect(parseNumber(raw)).toBeNull();
	});

	it('reads 1.234 as thousands when the file says the decimal sign is a comma', () => {
		expect(parseNumber('1.234', ',')).toBe(1234);
		expect(parseNumber('1.234')).toBe(1.234);
	});
});

describe('dates', () => {
	const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
	it.each([
		['31-12-2024', day(2024, 12, 31)], ['2024-12-31', day(2024, 12, 31)], ['31/12/2024', day(2024, 12, 31)],
		['31.12.2024', day(2024, 12, 31)], ['20241231', day(2024, 12, 31)], ['1-2-2024', day(2024, 2, 1)],
		['2024-12-31T10:30:00Z', Date.UTC(2024, 11, 31, 10, 30)], ['2024-12-31T10:30:00+01:00', Date.UTC(2024, 11, 31, 9, 30)],
		['2024-12-31 10:30', Date.UTC(2024, 11, 31, 10, 30)], ['31-12-2024 23:59:59', Date.UTC(2024, 11, 31, 23, 59, 59)],
		['45657', day(2024, 12, 31)], ['1', day(1900, 1, 1)], ['61', day(1900, 3, 1)], ['19970101', day(1997, 1, 1)]
	])('%s', (raw, expected) => expect(parseDate(raw)).toBe(expected));

	it.each(['', '31-02-2024', '2024-13-01', '32/01/2024', 'gisteren', '2024-1', '99999999', '12:30'])('refuses %j', (raw) => {
		expect(parseDate(raw)).toBeNull();
	});
});

describe('other cells', () => {
	it('reads Dutch and English yes/no', () => {
		expect(['ja', 'Yes', '1', 'J', 'true'].map(parseBoolean)).toEqual([true, true, true, true, true]);
		expect(['nee', 'No', '0', 'false'].map(parseBoolean)).toEqual([false, false, false, false]);
		expect(parseBoolean('misschien')).toBeNull();
	});
	it('reads genders', () => {
		expect(['V', 'vrouw', 'M', 'man', 'x', 'onbekend'].map(parseGender)).toEqual(['female', 'female', 'male', 'male', 'other', 'unknown']);
	});
});
