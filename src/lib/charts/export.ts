/*
 * Turns a chart's <svg> into files a reader can keep: an SVG that looks the same outside the page
 * (the page's CSS does not travel with it, so the computed styles are written onto each element)
 * and a PNG of that SVG at twice the size on white. The DOM walk takes its elements and styles as
 * parameters so that it can be tested without a browser.
 */

/** The properties that decide how an SVG chart looks; CSS variables resolve to their values. */
export const EXPORTED_STYLE_PROPERTIES = [
	'fill',
	'fill-opacity',
	'stroke',
	'stroke-width',
	'stroke-dasharray',
	'stroke-opacity',
	'opacity',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'visibility',
	'display'
] as const;

export interface StyleSource {
	getPropertyValue(property: string): string;
}

/** The parts of a DOM element the inlining uses. */
export interface StylableElement {
	readonly children: ArrayLike<StylableElement>;
	getAttribute(name: string): string | null;
	setAttribute(name: string, value: string): void;
}

/** `fill:red;stroke:none;…` of the exported properties that have a value. */
export function styleText(style: StyleSource): string {
	return EXPORTED_STYLE_PROPERTIES.map((property) => [property, style.getPropertyValue(property).trim()] as const)
		.filter(([, value]) => value !== '')
		.map(([property, value]) => `${property}:${value}`)
		.join(';');
}

/**
 * Writes the computed style of each element of `source` onto the element in the same place of
 * `target` (its clone), before any style the clone already carries inline.
 */
export function inlineStyles(source: StylableElement, target: StylableElement, computed: (element: StylableElement) => StyleSource): void {
	const own = target.getAttribute('style');
	const inlined = styleText(computed(source));
	target.setAttribute('style', own ? `${inlined};${own}` : inlined);
	const count = Math.min(source.children.length, target.children.length);
	for (let i = 0; i < count; i++) inlineStyles(source.children[i]!, target.children[i]!, computed);
}

/** Lower-case words joined by hyphens, accents dropped: a chart's label fit for a file name. */
export function slug(text: string): string {
	return (
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'chart'
	);
}

/** waymark-<chart-name>-<yyyy-mm-dd>.<extension>, the date in the reader's time zone. */
export function chartFileName(name: string, date: Date, extension: 'png' | 'svg'): string {
	const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
	return `waymark-${slug(name)}-${day}.${extension}`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Room above the chart for its title in the exported file. */
const TITLE_HEIGHT = 28;

/** The chart as a standalone SVG document: computed styles inlined, its title on top, no HTML inside. */
export function exportableSvg(svg: SVGSVGElement, title: string): { text: string; width: number; height: number } {
	const width = svg.width.baseVal.value;
	const height = svg.height.baseVal.value + TITLE_HEIGHT;
	const clone = svg.cloneNode(true) as SVGSVGElement;
	inlineStyles(svg, clone, (element) => getComputedStyle(element as unknown as Element));
	// Tooltips are HTML in a foreignObject: not part of the picture, and they would taint the canvas.
	for (const foreign of Array.from(clone.querySelectorAll('foreignObject'))) foreign.remove();
	const document = svg.ownerDocument;
	const body = document.createElementNS(SVG_NS, 'g');
	body.setAttribute('transform', `translate(0,${TITLE_HEIGHT})`);
	body.append(...Array.from(clone.childNodes));
	const titleElement = document.createElementNS(SVG_NS, 'title');
	titleElement.textContent = title;
	const heading = document.createElementNS(SVG_NS, 'text');
	heading.textContent = title;
	heading.setAttribute('x', '0');
	heading.setAttribute('y', '18');
	const font = getComputedStyle(svg).getPropertyValue('font-family');
	heading.setAttribute('style', `font-family:${font};font-size:14px;font-weight:700;fill:#1a1a1a`);
	clone.append(titleElement, heading, body);
	clone.setAttribute('xmlns', SVG_NS);
	clone.setAttribute('width', String(width));
	clone.setAttribute('height', String(height));
	clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
	clone.removeAttribute('role');
	clone.removeAttribute('aria-label');
	return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`, width, height };
}

/** The SVG drawn on a canvas at `scale` × its size on white, as PNG. */
export async function svgToPng(svg: { text: string; width: number; height: number }, scale = 2): Promise<Blob> {
	const image = new Image();
	image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
	await image.decode();
	const canvas = document.createElement('canvas');
	canvas.width = Math.ceil(svg.width * scale);
	canvas.height = Math.ceil(svg.height * scale);
	const context = canvas.getContext('2d');
	if (!context) throw new Error('No 2D canvas');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.scale(scale, scale);
	context.drawImage(image, 0, 0, svg.width, svg.height);
	return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Hands a file to the browser's downloads. */
export function download(blob: Blob, fileName: string): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// The download has taken the blob by the next task; revoking at once can cancel it in some browsers.
	setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads the chart as SVG or PNG under waymark-<name>-<today>. */
export async function downloadChart(svg: SVGSVGElement, title: string, name: string, format: 'png' | 'svg', now = new Date()): Promise<void> {
	const exported = exportableSvg(svg, title);
	const blob = format === 'svg' ? new Blob([exported.text], { type: 'image/svg+xml' }) : await svgToPng(exported);
	download(blob, chartFileName(name, now, format));
}
