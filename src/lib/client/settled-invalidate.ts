import { afterNavigate, invalidate } from '$app/navigation';
import { navigating } from '$app/state';

/**
 * `invalidate` that never cancels a navigation. SvelteKit lets an invalidation take over from a
 * navigation under way (it loads the current page again instead), so a change announced while a
 * form's redirect is being followed — creating a group announces `groups` — would keep the user
 * on the form. One that comes during a navigation waits for it to finish. Call during component
 * setup (it registers an `afterNavigate`).
 */
export function settledInvalidate(): (dependency: string) => void {
	const pending = new Set<string>();
	afterNavigate(() => {
		for (const dependency of pending) void invalidate(dependency);
		pending.clear();
	});
	return (dependency) => {
		if (navigating.to) pending.add(dependency);
		else void invalidate(dependency);
	};
}
