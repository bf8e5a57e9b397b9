/** A stored image with what its caching headers are made from. */
export interface StoredImage {
	data: Buffer;
	mime: string;
	/** Changes whenever the bytes do (a content hash). */
	version: string;
	updatedAt: Date;
}

function matches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	return ifNoneMatch.split(',').some((tag) => {
		const trimmed = tag.trim();
		return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
	});
}

/**
 * Answers with an image, or 304 when the browser has it. The address with `?v=<version>` never
 * shows other bytes, so the browser keeps it for good; the bare address is checked each time.
 * `private`: the image is for members only, no shared cache may keep it.
 */
export function imageResponse(request: Request, url: URL, image: StoredImage): Response {
	const etag = `"${image.version}"`;
	const headers: Record<string, string> = {
		etag,
		'cache-control': url.searchParams.get('v') === image.version ? 'private, max-age=31536000, immutable' : 'private, no-cache',
		'last-modified': image.updatedAt.toUTCString()
	};
	if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return new Response(new Uint8Array(image.data), {
		headers: { ...headers, 'content-type': image.mime, 'content-length': String(image.data.length) }
	});
}
