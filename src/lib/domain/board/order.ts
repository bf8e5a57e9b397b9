import { generateKeyBetween } from 'fractional-indexing';

/**
 * The order key that puts an entry at `index` among `sorted` (the other entries' keys, in order).
 * Two people inserting at one place at once can produce equal keys; then the entry goes right
 * after its left neighbour and ties are broken by id, so order stays total and stable.
 */
export function orderKeyAt(sorted: string[], index: number): string {
	const at = Math.max(0, Math.min(index, sorted.length));
	const before = at > 0 ? sorted[at - 1]! : null;
	const after = at < sorted.length ? sorted[at]! : null;
	try {
		return generateKeyBetween(before, after);
	} catch {
		// Keys written by older or broken clients may be invalid or out of order.
		return before !== null ? `${before}V` : generateKeyBetween(null, null);
	}
}

export const orderKeyAfterAll = (sorted: string[]) => orderKeyAt(sorted, sorted.length);
