/**
 * Which batch each zone read from the import worker came from (parseBatchZones): the map's tile
 * worker may have read that batch already (map/tiles.ts, `stage`), and then needs only to be told
 * to keep it. A zone changed since (an edit, a rename) is a new object and has no origin. Batches
 * are named by a small token, so the zones do not keep their batch's text and buffers alive.
 */
const tokens = new WeakMap<object, object>();

/** The token of a batch (the same object for the same batch). */
export function originToken(batch: object): object {
  let t = tokens.get(batch);
  if (!t) tokens.set(batch, (t = {}));
  return t;
}

/** Zone → the token of the batch it was read from. */
export const originOf = new WeakMap<object, object>();
