/**
 * Keeps the board's copies of group personas in line with their groups: a persona renamed in its
 * gallery is renamed on every open map, one archived by a new derivation (or deleted, or whose
 * group went) is marked as gone. Runs when the board opens, when the set of groups it refers to
 * changes, and when the workspace's change stream says a group's personas or the groups changed.
 * Editors' sessions write the result (idempotent: simultaneous editors agree); viewers read it.
 * The personas' photos are read on the way, for the persona panel.
 */
import { followWorkspaceChanges } from '$lib/client/workspace-changes';
import { followGroupPersonas } from '$lib/domain/board';
import type { BoardSession } from './board-session.svelte';

export class GroupPersonaFollower {
	#session: BoardSession;
	#groupIds: string[] = [];
	#photos = $state.raw<Record<string, string | null>>({});
	#unfollow: () => void;

	constructor(session: BoardSession, workspaceId: string) {
		this.#session = session;
		this.#unfollow = followWorkspaceChanges(workspaceId, (change) => {
			if (change.kind === 'personas') {
				if (this.#groupIds.includes(change.groupId)) void this.#refresh(change.groupId);
			} else if (change.kind === 'groups' || change.kind === 'resync') {
				for (const groupId of this.#groupIds) void this.#refresh(groupId);
			}
		});
	}

	/** Photo address per group persona id (null: none). */
	get photos(): Readonly<Record<string, string | null>> {
		return this.#photos;
	}

	/** Call with the groups the board's personas come from; refreshes those it did not follow yet. */
	follow(groupIds: readonly string[]) {
		const fresh = groupIds.filter((id) => !this.#groupIds.includes(id));
		this.#groupIds = [...groupIds];
		for (const groupId of fresh) void this.#refresh(groupId);
	}

	async #refresh(groupId: string): Promise<void> {
		let current: { personaId: string; name: string; photoUrl: string | null }[];
		try {
			const response = await fetch(`/api/v1/groups/${encodeURIComponent(groupId)}/personas`);
			// A deleted group (or one this user can no longer see) has no personas left to follow.
			if (response.status === 404) current = [];
			else if (!response.ok) return;
			else {
				const body = (await response.json()) as { items: { id: string; name: string; photoUrl: string | null }[] };
				current = body.items.map((p) => ({ personaId: p.id, name: p.name, photoUrl: p.photoUrl }));
			}
		} catch {
			return;
		}
		if (!this.#groupIds.includes(groupId)) return;
		this.#photos = { ...this.#photos, ...Object.fromEntries(current.map((p) => [p.personaId, p.photoUrl])) };
		this.#session.reconcile((doc, origin) => followGroupPersonas(doc, groupId, current, origin));
	}

	destroy() {
		this.#unfollow();
	}
}
