import { requireOperator } from '$lib/server/auth';
import { collabMetrics, updatesPerSecond } from '$lib/server/collab';
import { api } from '$lib/server/http/api';

/** Prometheus text format; scrape it with an owner's API token as bearer. */
export const GET = api(({ locals }) => {
	requireOperator(locals.user);
	const m = collabMetrics;
	const lines = [
		['waymark_collab_rooms_loaded', 'gauge', 'Collaborative documents held in memory', m.roomsLoaded],
		['waymark_collab_connections', 'gauge', 'Open collaboration websockets', m.connections],
		['waymark_collab_updates_applied_total', 'counter', 'Document updates applied and stored', m.updatesApplied],
		['waymark_collab_updates_per_second', 'gauge', 'Updates applied per second, last 10 s', updatesPerSecond()],
		['waymark_collab_updates_dropped_total', 'counter', 'Updates from read-only connections, dropped', m.updatesDropped],
		['waymark_collab_bytes_stored_total', 'counter', 'Bytes of document updates written', m.bytesStored],
		['waymark_collab_frames_rejected_total', 'counter', 'Malformed frames that closed a socket', m.framesRejected],
		['waymark_collab_updates_refused_total', 'counter', 'Updates refused for their shape or missing predecessors, closing a socket', m.updatesRefused],
		['waymark_collab_compactions_total', 'counter', 'Document log compactions', m.compactions],
		['process_resident_memory_bytes', 'gauge', 'Resident memory of the server process', process.memoryUsage().rss]
	] as const;
	const body = lines
		.map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}`)
		.join('\n');
	return new Response(body + '\n', {
		headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }
	});
});
