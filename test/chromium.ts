/**
 * How Waymark's tests and benchmarks start a browser: Debian's Chromium, never a downloaded
 * one, with the flags this closed network needs (no background connections, no QUIC).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
