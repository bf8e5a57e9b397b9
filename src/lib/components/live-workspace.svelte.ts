import {
	followWorkspaceChanges,
	touchesSettings,
	WORKSPACE_DATA_DEPENDENCY,
	WORKSPACE_SETTINGS_DEPENDENCY
} from '$lib/client/workspace-changes';
import { settledInvalidate } from '$lib/client/settled-invalidate';
import type { Locale } from '$lib/domain/format';
import { provideMoney } from './money';

/**
 * What a page of a workspace (its layout, a journey board) sets up once: amounts in the
 * workspace's currency, and its loads run again when the change stream says the settings (name,
 * currency) — and, with `data`, the data, groups or personas — changed. Call during component
 * setup. The stream is followed by id, so it stays open while the page's data is loaded again.
 */
export function liveWorkspace(
	page: () => { locale: Locale; workspace: { id: string; currency: string } },
	{ data }: { data: boolean }
): void {
	provideMoney(() => ({ locale: page().locale, currency: page().workspace.currency }));
	const workspaceId = $derived(page().workspace.id);
	const refresh = settledInvalidate();
	$effect(() =>
		followWorkspaceChanges(workspaceId, (change) => {
			if (touchesSettings(change)) refresh(WORKSPACE_SETTINGS_DEPENDENCY);
			if (data && change.kind !== 'settings') refresh(WORKSPACE_DATA_DEPENDENCY);
		})
	);
}
