import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importValid } from './imports';
import { Client, inviteAndJoin, makeUser, makeWorkspace } from './helpers';

/*
 * The change stream of a workspace (server-sent events) through the real server: open pages learn
 * that an import finished, a group or a persona changed — ids and versions only — and the stream
 * ends when the reader loses access.
 */

interface ServerEvent {
	event: string;
	data: Record<string, unknown>;
}

/** Reads a text/event-stream response event by event. */
class EventReader {
	#buffer = '';
	#queue: ServerEvent[] = [];
	#waiting: ((event: ServerEvent | null) => void) | null = null;
	#ended = false;
	readonly done: Promise<void>;

	constructor(response: Response) {
		this.done = this.#pump(response);
	}

	async #pump(response: Response) {
		const decoder = new TextDecoder();
		try {
			for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
				this.#buffer += decoder.decode(chunk, { stream: true });
				let end: number;
				while ((end = this.#buffer.indexOf('\n\n')) >= 0) {
					const block = this.#buffer.slice(0, end);
					this.#buffer = this.#buffer.slice(end + 2);
					const lines = block.split('\n');
					const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
					const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
					if (event && data) this.#push({ event, data: JSON.parse(data) });
				}
			}
		} catch {
			// Aborted by the test.
		}
		this.#ended = true;
		this.#waiting?.(null);
	}

	#push(event: ServerEvent) {
		if (this.#waiting) {
			const resolve = this.#waiting;
			this.#waiting = null;
			resolve(event);
		} else this.#queue.push(event);
	}

	/** The next event, or null when the stream ended. */
	next(): Promise<ServerEvent | null> {
		const queued = this.#queue.shift();
		if (queued) return Promise.resolve(queued);
		if (this.#ended) return Promise.resolve(null);
		return new Promise((resolve) => (this.#waiting = resolve));
	}

	/** Skips events until one of `kind` (events the test did not cause may come in between). */
	async nextOf(kind: string): Promise<ServerEvent | null> {
		for (;;) {
			const event = await this.next();
			if (!event || event.event === kind) return event;
		}
	}
}

const open: AbortController[] = [];
async function follow(client: Client, workspaceId: string) {
	const controller = new AbortController();
	open.push(controller);
	const response = await client.open(`/api/v1/workspaces/${workspaceId}/changes`, controller.signal);
	return { response, events: response.ok ? new EventReader(response) : null };
}

afterEach(() => {
	for (const controller of open.splice(0)) controller.abort();
});

let owner: Client;
let workspaceId: string;

beforeAll(async () => {
	({ client: owner } = await makeUser());
	workspaceId = (await makeWorkspace(owner, 'Changes')).id;
});

describe('the change stream of a workspace', () => {
	it('says hello with the dataset version, then tells of an import, with the new version', async () => {
		const viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
		const { response, events } = await follow(viewer.client, workspaceId);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
		const hello = await events!.next();
		expect(hello).toEqual({ event: 'hello', data: { workspaceId, datasetVersion: expect.any(Number) } });
		const before = hello!.data.datasetVersion as number;

		await importValid(owner, workspaceId, 'customer_id,name\nk1,Anna\nk2,Bram', { kind: 'customers' });
		const dataset = await events!.nextOf('dataset');
		expect(dataset!.data).toEqual({ workspaceId, datasetVersion: before + 1 });
		// Ids and versions only: nothing about the customers themselves.
		expect(JSON.stringify(dataset)).not.toMatch(/Anna|k1/);
	});

	it('tells of groups created, changed and deleted, and of personas added and renamed', async () => {
		const { events } = await follow(owner, workspaceId);
		await events!.nextOf('hello');
		const created = await owner.post(`/api/v1/workspaces/${workspaceId}/groups`, { name: 'Everyone' });
		expect(created.status).toBe(201);
		expect(await events!.nextOf('groups')).toEqual({ event: 'groups', data: { workspaceId } });

		const groupId = created.body.id as string;
		const persona = await owner.post(`/api/v1/groups/${groupId}/personas`, { name: 'Hand-made Hanna' });
		expect(persona.status).toBe(201);
		expect(await events!.nextOf('personas')).toEqual({ event: 'personas', data: { workspaceId, groupId } });
		await owner.patch(`/api/v1/personas/${persona.body.id}`, { name: 'Hanna' });
		expect(await events!.nextOf('personas')).toEqual({ event: 'personas', data: { workspaceId, groupId } });

		await owner.delete(`/api/v1/groups/${groupId}`);
		expect(await events!.nextOf('groups')).toEqual({ event: 'groups', data: { workspaceId } });
	});

	it('tells every reader that the settings changed when an owner sets the currency or renames the workspace', async () => {
		const viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
		const { events } = await follow(viewer.client, workspaceId);
		await events!.nextOf('hello');
		expect((await owner.patch(`/api/v1/workspaces/${workspaceId}`, { currency: 'USD' })).status).toBe(200);
		expect(await events!.nextOf('settings')).toEqual({ event: 'settings', data: { workspaceId } });
		expect((await owner.patch(`/api/v1/workspaces/${workspaceId}`, { name: 'Changes' })).status).toBe(200);
		expect(await events!.nextOf('settings')).toEqual({ event: 'settings', data: { workspaceId } });
	});

	it('tells every reader that event types were named', async () => {
		const viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
		const { events } = await follow(viewer.client, workspaceId);
		await events!.nextOf('hello');
		expect((await owner.patch(`/api/v1/workspaces/${workspaceId}/event-types`, { labels: { add_to_cart: 'In het mandje' } })).status).toBe(200);
		expect(await events!.nextOf('event-types')).toEqual({ event: 'event-types', data: { workspaceId } });
	});

	it("does not tell one workspace's readers about another's changes", async () => {
		const other = (await makeWorkspace(owner, 'Elsewhere')).id;
		const { events } = await follow(owner, workspaceId);
		await events!.nextOf('hello');
		await importValid(owner, other, 'customer_id\nz1', { kind: 'customers' });
		await importValid(owner, workspaceId, 'customer_id\nk9', { kind: 'customers' });
		// The first dataset event to arrive is this workspace's own.
		expect((await events!.nextOf('dataset'))!.data.workspaceId).toBe(workspaceId);
	});

	it('ends when the reader is removed from the workspace', async () => {
		const viewer = await inviteAndJoin(owner, workspaceId, 'viewer');
		const { events } = await follow(viewer.client, workspaceId);
		await events!.nextOf('hello');
		const removed = await owner.delete(`/api/v1/workspaces/${workspaceId}/members/${viewer.user.id}`);
		expect(removed.status).toBe(204);
		expect(await events!.nextOf('dataset')).toBeNull();
		// Reconnecting is refused like any request of a non-member.
		expect((await follow(viewer.client, workspaceId)).response.status).toBe(404);
	});

	it('is for members only', async () => {
		const { client: stranger } = await makeUser();
		expect((await follow(stranger, workspaceId)).response.status).toBe(404);
		expect((await follow(new Client(), workspaceId)).response.status).toBe(401);
	});
});
