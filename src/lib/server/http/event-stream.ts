/**
 * A server-sent event stream (text/event-stream) as a web Response. The subscriber gets `send`
 * and `close` and returns its cleanup, which runs once however the stream ends: the client went
 * away (adapter-node cancels the body), the server closed it, or the process shuts down.
 */
export type SendEvent = (event: string, data: unknown) => void;

/** Proxies and load balancers drop idle connections; a comment line every so often keeps them. */
const HEARTBEAT_MS = 25_000;
/** How long a browser's EventSource waits before reconnecting after the stream broke. */
const RETRY_MS = 5_000;

export function eventStream(subscribe: (send: SendEvent, close: () => void) => () => void): Response {
	const encoder = new TextEncoder();
	let cleanup: (() => void) | null = null;
	let heartbeat: ReturnType<typeof setInterval> | null = null;
	const stop = () => {
		if (heartbeat) clearInterval(heartbeat);
		heartbeat = null;
		const done = cleanup;
		cleanup = null;
		done?.();
	};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			const write = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			const close = () => {
				stop();
				try {
					controller.close();
				} catch {
					// Already closed by the client.
				}
			};
			write(`retry: ${RETRY_MS}\n\n`);
			cleanup = subscribe((event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`), close);
			heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
			heartbeat.unref?.();
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			// nginx buffers responses by default, which would hold the events back.
			'x-accel-buffering': 'no'
		}
	});
}
