import * as Y from 'yjs';

type TopLevelKind = 'map' | 'array' | 'text';

/**
 * What a top-level entry of a decoded document is. After `applyUpdate` on a fresh doc the
 * top-level types are untyped placeholders; their content tells which type they were.
 */
function kindOf(type: Y.AbstractType<any>): TopLevelKind | null { // eslint-disable-line @typescript-eslint/no-explicit-any
	if (type instanceof Y.Map) return 'map';
	if (type instanceof Y.Text) return 'text';
	if (type instanceof Y.Array) return 'array';
	if (type._map.size > 0) return 'map';
	for (let item = type._start; item; item = item.right) {
		if (item.content instanceof Y.ContentString || item.content instanceof Y.ContentFormat) return 'text';
		if (!item.deleted) return 'array';
	}
	return null;
}

const copyValue = (value: unknown) =>
	value instanceof Y.AbstractType ? (value as Y.AbstractType<unknown> & { clone(): unknown }).clone() : value;

/**
 * Makes `target` hold exactly the content of `source`, as ordinary edits in one transaction:
 * everyone connected receives the result as one update and stays in sync, and the history
 * before the restore is kept (a restore can itself be undone by restoring again).
 */
export function replaceDocContent(target: Y.Doc, source: Y.Doc, origin: unknown): void {
	const names = new Set([...target.share.keys(), ...source.share.keys()]);
	target.transact(() => {
		for (const name of names) {
			const from = source.share.get(name);
			const to = target.share.get(name);
			const kind = (from && kindOf(from)) ?? (to && kindOf(to));
			if (!kind) continue;
			if (kind === 'map') {
				const map = target.getMap<unknown>(name);
				for (const key of [...map.keys()]) map.delete(key);
				if (from) for (const [key, value] of source.getMap<unknown>(name)) map.set(key, copyValue(value));
			} else if (kind === 'array') {
				const array = target.getArray<unknown>(name);
				array.delete(0, array.length);
				if (from) array.insert(0, source.getArray<unknown>(name).toArray().map(copyValue));
			} else {
				const text = target.getText(name);
				text.delete(0, text.length);
				if (from) text.applyDelta(source.getText(name).toDelta());
			}
		}
	}, origin);
}
