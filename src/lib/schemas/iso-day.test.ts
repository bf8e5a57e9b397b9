import { describe, expect, it } from 'vitest';
import { insightsQuerySchema } from './index';

describe('days in queries', () => {
	it('takes real days and refuses days that do not exist instead of rolling them over', () => {
		expect(insightsQuerySchema.safeParse({ from: '2024-02-29', to: '2026-12-31' }).success).toBe(true);
		for (const day of ['2026-02-30', '2026-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) {
			expect(insightsQuerySchema.safeParse({ from: day }).success, day).toBe(false);
		}
	});
});
