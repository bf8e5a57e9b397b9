import { describe, expect, it } from 'vitest';
import { actionForKey } from './actions';

const key = (init: KeyboardEventInit) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...init }) as KeyboardEvent;

describe('keyboard shortcuts', () => {
	it('map to one action each, with Ctrl or Cmd as the modifier', () => {
		expect(actionForKey(key({ key: 'z', ctrlKey: true }))?.id).toBe('undo');
		expect(actionForKey(key({ key: 'z', metaKey: true }))?.id).toBe('undo');
		expect(actionForKey(key({ key: 'Z', ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
		expect(actionForKey(key({ key: 'Backspace' }))?.id).toBe('delete-selection');
		expect(actionForKey(key({ key: 'ArrowRight', altKey: true }))?.id).toBe('move-right');
		expect(actionForKey(key({ key: '=' }))?.id).toBe('zoom-in');
	});

	it('leave plain typing and unmodified arrows alone', () => {
		expect(actionForKey(key({ key: 'z' }))).toBeUndefined();
		expect(actionForKey(key({ key: 'ArrowRight' }))).toBeUndefined();
		expect(actionForKey(key({ key: 'd' }))).toBeUndefined();
	});
});
