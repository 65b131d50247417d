import type { ArticleMeta } from '../corpus/article.js';
import { BoundedCache } from './bounded-cache.js';

/** An article as a store hands it out. */
export interface StoredDoc {
  meta: ArticleMeta;
  body: string;
  /** The body's length, known without reading it. */
  chars: number;
}

/**
 * The articles of a store as a read-only map: metadata in memory, each body read on first use and kept in a
 * cache bounded by characters. A 100k-passage index holds ~60 M characters of text (120 MB as JavaScript
 * strings); a query needs the bodies of its dozen hits.
 */
export class StoredDocs implements ReadonlyMap<string, StoredDoc> {
  private readonly bodies: BoundedCache<string, string>;
  private readonly byId = new Map<string, StoredDoc>();

  constructor(metas: Iterable<{ meta: ArticleMeta; chars: number }>, readBody: (id: string) => string, cacheChars: number) {
    this.bodies = new BoundedCache(cacheChars, (body) => body.length);
    const bodies = this.bodies;
    for (const { meta, chars } of metas) {
      this.byId.set(meta.id, { meta, chars, get body() { return bodies.get(meta.id, readBody); } });
    }
  }

  get size(): number { return this.byId.size; }
  get(id: string): StoredDoc | undefined { return this.byId.get(id); }
  has(id: string): boolean { return this.byId.has(id); }
  keys(): MapIterator<string> { return this.byId.keys(); }
  values(): MapIterator<StoredDoc> { return this.byId.values(); }
  entries(): MapIterator<[string, StoredDoc]> { return this.byId.entries(); }
  [Symbol.iterator](): MapIterator<[string, StoredDoc]> { return this.byId.entries(); }
  forEach(callback: (value: StoredDoc, key: string, map: ReadonlyMap<string, StoredDoc>) => void): void {
    for (const [key, value] of this.byId) callback(value, key, this);
  }
}
