import * as Y from 'yjs';

/*
 * What a room's document already holds, for judging an update against it: the struct at an ID
 * and how deep a live type sits. Shared by the scan of incoming updates and the decoded path.
 */

/** Depth of a live type: 0 for a top-level type; counting stops past `cap`. */
export function depthInDoc(type: Y.AbstractType<unknown>, cap: number): number {
	let depth = 0;
	for (let item = type._item; item && depth <= cap; item = (item.parent as Y.AbstractType<unknown>)._item) depth += 1;
	return depth;
}

/** The struct of `doc` holding (client, clock), if the document has got that far. */
export function docItem(doc: Y.Doc | null, client: number, clock: number): Y.Item | Y.GC | undefined {
	if (!doc || clock >= Y.getState(doc.store, client)) return undefined;
	return Y.getItem(doc.store, Y.createID(client, clock)) as Y.Item | Y.GC;
}
