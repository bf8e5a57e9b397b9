import { describe, expect, it } from 'vitest';
import { workspaceUpdateSchema } from './index';

describe('setting a workspace currency', () => {
	it('takes an ISO 4217 code, in upper case whatever it was typed in', () => {
		expect(workspaceUpdateSchema.parse({ currency: 'USD' })).toEqual({ currency: 'USD' });
		expect(workspaceUpdateSchema.parse({ currency: ' gbp ' })).toEqual({ currency: 'GBP' });
	});

	it('refuses anything else with one message key', () => {
		for (const currency of ['XYZ', 'EURO', 'US', '€', '', 978, null]) {
			const result = workspaceUpdateSchema.safeParse({ currency });
			expect(result.success, JSON.stringify(currency)).toBe(false);
			expect(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['currency', 'error_currency_invalid']]);
		}
	});

	it('counts as a change on its own', () => {
		expect(workspaceUpdateSchema.safeParse({ currency: 'CHF' }).success).toBe(true);
		expect(workspaceUpdateSchema.safeParse({}).success).toBe(false);
	});
});
