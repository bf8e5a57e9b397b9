import { json } from '@sveltejs/kit';
import { databaseIsHealthy } from '$lib/server/db';

/** For load balancers and orchestrators: public, cheap, and says whether the database answers. */
export function GET() {
	const healthy = databaseIsHealthy();
	return json({ status: healthy ? 'ok' : 'unavailable' }, { status: healthy ? 200 : 503 });
}
