const browsers: [RegExp, string][] = [
	[/Edg\/(\d+)/, 'Edge'],
	[/OPR\/(\d+)/, 'Opera'],
	[/Firefox\/(\d+)/, 'Firefox'],
	[/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
	[/Version\/(\d+).*Safari\//, 'Safari']
];

const systems: [RegExp, string][] = [
	[/iPhone|iPad/, 'iOS'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/Mac OS X|Macintosh/, 'macOS'],
	[/CrOS/, 'ChromeOS'],
	[/Linux/, 'Linux']
];

/**
 * "Chrome 131 · Windows" instead of a raw user-agent string, so people recognise their
 * sessions. Unknown agents show as they are (the full string stays in the title attribute).
 */
export function describeUserAgent(userAgent: string): string {
	const browser = browsers.find(([pattern]) => pattern.test(userAgent));
	const system = systems.find(([pattern]) => pattern.test(userAgent));
	if (!browser && !system) return userAgent;
	const version = browser ? userAgent.match(browser[0])?.[1] : undefined;
	const name = browser ? `${browser[1]}${version ? ` ${version}` : ''}` : '';
	return [name, system?.[1]].filter(Boolean).join(' · ');
}
