/** A point of a per-period series: its value is only trusted with enough respondents. */
export interface SeriesPoint {
	key: string;
	value: number | null;
	n: number;
	lowN: boolean;
}

/**
 * The stretches of consecutive trusted points (a value, enough respondents), as indices. A line is
 * drawn only within a stretch, so that no line runs through a withheld or missing point.
 */
export function trustedRuns(points: readonly SeriesPoint[]): number[][] {
	const runs: number[][] = [];
	let current: number[] = [];
	points.forEach((point, index) => {
		if (point.value !== null && !point.lowN) current.push(index);
		else if (current.length > 0) {
			runs.push(current);
			current = [];
		}
	});
	if (current.length > 0) runs.push(current);
	return runs;
}
