import { describe, expect, it } from 'vitest';
import { chartFileName, inlineStyles, slug, styleText, type StylableElement, type StyleSource } from './export';

/** A tiny stand-in for DOM elements: a tag, attributes and children. */
class FakeElement implements StylableElement {
	readonly attributes = new Map<string, string>();
	constructor(
		readonly tag: string,
		readonly children: FakeElement[] = [],
		style?: string
	) {
		if (style !== undefined) this.attributes.set('style', style);
	}
	getAttribute(name: string) {
		return this.attributes.get(name) ?? null;
	}
	setAttribute(name: string, value: string) {
		this.attributes.set(name, value);
	}
}

const styles = (values: Record<string, string>): StyleSource => ({ getPropertyValue: (property) => values[property] ?? '' });

describe('styleText', () => {
	it('writes the exported properties that have a value and leaves out the rest', () => {
		expect(styleText(styles({ fill: 'rgb(0, 114, 178)', stroke: ' none ', 'font-family': 'Inter, sans-serif', color: 'red' }))).toBe(
			'fill:rgb(0, 114, 178);stroke:none;font-family:Inter, sans-serif'
		);
	});
});

describe('inlineStyles', () => {
	it('puts each source element’s computed style on the clone element in the same place, keeping the clone’s own style last', () => {
		const source = new FakeElement('svg', [new FakeElement('g', [new FakeElement('text'), new FakeElement('path')])]);
		const clone = new FakeElement('svg', [new FakeElement('g', [new FakeElement('text'), new FakeElement('path', [], 'opacity:0.5')])]);
		const computed: Record<string, Record<string, string>> = {
			svg: { 'font-size': '11px' },
			g: {},
			text: { fill: 'rgb(90, 90, 90)', 'text-anchor': 'end' },
			path: { fill: 'none', stroke: 'rgb(0, 114, 178)', 'stroke-width': '2.5px' }
		};
		inlineStyles(source, clone, (element) => styles(computed[(element as FakeElement).tag]!));
		expect(clone.getAttribute('style')).toBe('font-size:11px');
		const [text, path] = clone.children[0]!.children;
		expect(text!.getAttribute('style')).toBe('fill:rgb(90, 90, 90);text-anchor:end');
		expect(path!.getAttribute('style')).toBe('fill:none;stroke:rgb(0, 114, 178);stroke-width:2.5px;opacity:0.5');
		// The source is read, never written.
		expect(source.children[0]!.children[1]!.getAttribute('style')).toBeNull();
	});
});

describe('chart file names', () => {
	it('are waymark-<chart-name>-<yyyy-mm-dd> with the extension', () => {
		const day = new Date(2026, 0, 7, 23, 30);
		expect(chartFileName('nps-per-month', day, 'png')).toBe('waymark-nps-per-month-2026-01-07.png');
		expect(chartFileName('NPS, CSAT & CES per maand', day, 'svg')).toBe('waymark-nps-csat-ces-per-maand-2026-01-07.svg');
	});

	it('slug drops accents and punctuation and never comes out empty', () => {
		expect(slug('Tevredenheid één – overzicht')).toBe('tevredenheid-een-overzicht');
		expect(slug('—')).toBe('chart');
		expect(slug('a'.repeat(80))).toHaveLength(60);
	});
});
