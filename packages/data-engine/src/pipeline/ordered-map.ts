/**
 * Maps `items` through `work` with up to `window` calls in flight, yielding results in input
 * order (never completion order), so that the output does not depend on scheduling. Pulls
 * items only as the window frees up, which bounds memory.
 */
export async function* orderedMap<T, R>(items: AsyncIterable<T>, work: (item: T) => Promise<R>, window: number): AsyncGenerator<{ item: T; result: R }> {
  if (!Number.isInteger(window) || window < 1) throw new TypeError(`orderedMap: window must be a whole number >= 1, found ${window}`);
  const iterator = items[Symbol.asyncIterator]();
  const pending: Promise<{ item: T; result: R }>[] = [];
  let exhausted = false;
  try {
    for (;;) {
      while (!exhausted && pending.length < window) {
        const next = await iterator.next();
        if (next.done) {
          exhausted = true;
          break;
        }
        const item = next.value;
        const settled = work(item).then((result) => ({ item, result }));
        // A failure is raised where its turn comes (the await below); until then it is marked as handled.
        settled.catch(() => undefined);
        pending.push(settled);
      }
      const head = pending.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
  }
}
