const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a browser sent a state-changing request from somewhere other than this site. The
 * browser's own word (`Sec-Fetch-Site`) decides when it gives one: `same-site` is a sibling
 * subdomain, which shares the cookie but is another origin, so it is refused whatever the Origin
 * header says (or omits). `none` is a request the user started themselves (a bookmark, the
 * address bar). Browsers too old to send `Sec-Fetch-Site` are judged by the Origin header.
 */
export function isCrossOriginWrite(request: Request, ownOrigin: string): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null && site !== 'same-origin' && site !== 'none') return true;
	const origin = request.headers.get('origin');
	return origin !== null && origin !== ownOrigin;
}
