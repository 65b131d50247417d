/**
 * The `limit` best of `count` items by score, best first, ties in item order: what a stable sort by score
 * and a slice return, in O(count · log limit) with a bounded heap instead of sorting every item.
 */
export function selectTop(count: number, score: (item: number) => number, limit: number): number[] {
  if (limit <= 0 || count === 0) return [];
  const size = Math.min(limit, count);
  // A min-heap of the best so far: the root is the worst kept (lowest score, or the later item of a tie).
  const heap = new Int32Array(size);
  const keys = new Float64Array(size);
  let held = 0;
  const worse = (a: number, b: number) => keys[a]! < keys[b]! || (keys[a] === keys[b] && heap[a]! > heap[b]!);
  const swap = (a: number, b: number) => {
    const item = heap[a]!; heap[a] = heap[b]!; heap[b] = item;
    const key = keys[a]!; keys[a] = keys[b]!; keys[b] = key;
  };
  const siftDown = (from: number, end: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= end) return;
      const right = left + 1;
      const child = right < end && worse(right, left) ? right : left;
      if (!worse(child, at)) return;
      swap(child, at);
      at = child;
    }
  };
  for (let item = 0; item < count; item += 1) {
    const key = score(item);
    if (held < size) {
      heap[held] = item;
      keys[held] = key;
      for (let at = held++; at > 0 && worse(at, (at - 1) >> 1); at = (at - 1) >> 1) swap(at, (at - 1) >> 1);
    } else if (key > keys[0]!) {
      // A later item only displaces the root with a strictly higher score: on a tie the earlier one stays.
      heap[0] = item;
      keys[0] = key;
      siftDown(0, held);
    }
  }
  // Heap sort: the worst goes to the end each round, leaving the best first.
  for (let end = held - 1; end > 0; end -= 1) {
    swap(0, end);
    siftDown(0, end);
  }
  // A plain copy: Array.from over a typed array walks an iterator, an object per item.
  const top = new Array<number>(held);
  for (let i = 0; i < held; i += 1) top[i] = heap[i]!;
  return top;
}
