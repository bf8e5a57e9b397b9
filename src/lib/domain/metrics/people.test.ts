import { describe, expect, it } from 'vitest';
import { formatPeople } from './people';

describe('counts of people', () => {
	it('shows whole customers and keeps the exact estimate for the tooltip', () => {
		expect(formatPeople(22.3, 'en')).toEqual({ text: '22', exact: '22.3' });
		expect(formatPeople(22.5, 'nl')).toEqual({ text: '23', exact: '22,5' });
		expect(formatPeople(1234.567, 'nl')).toEqual({ text: '1.235', exact: '1.234,57' });
	});
	it('needs no tooltip for a count that is already whole', () => {
		expect(formatPeople(40, 'en')).toEqual({ text: '40', exact: null });
		expect(formatPeople(0, 'en')).toEqual({ text: '0', exact: null });
	});
	it('does not round a small estimate down to nothing', () => {
		expect(formatPeople(0.3, 'en')).toEqual({ text: '< 1', exact: '0.3' });
		expect(formatPeople(-0.3, 'en').text).toBe('> -1');
	});
	it('keeps the sign of a loss, rounding the size the same way as a gain', () => {
		expect(formatPeople(-2.5, 'en')).toEqual({ text: '-3', exact: '-2.5' });
	});
});
