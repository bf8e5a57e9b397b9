/** Process-wide counters of the collaboration server, for /metrics and the benchmark. */
export const collabMetrics = {
	roomsLoaded: 0,
	connections: 0,
	updatesApplied: 0,
	updatesDropped: 0,
	bytesStored: 0,
	framesRejected: 0,
	/** Updates refused for their shape, or for waiting too long on predecessors. */
	updatesRefused: 0,
	compactions: 0
};

const recentUpdates: number[] = [];

export function countAppliedUpdate(bytes: number): void {
	collabMetrics.updatesApplied += 1;
	collabMetrics.bytesStored += bytes;
	const now = Date.now();
	recentUpdates.push(now);
	while (recentUpdates.length && recentUpdates[0]! < now - 10_000) recentUpdates.shift();
}

/** Updates per second over the last ten seconds. */
export function updatesPerSecond(): number {
	const now = Date.now();
	while (recentUpdates.length && recentUpdates[0]! < now - 10_000) recentUpdates.shift();
	return recentUpdates.length / 10;
}
