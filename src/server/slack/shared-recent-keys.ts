import { openStateFile } from '../state-file.js';
import type { RecentKeys } from './recent-keys.js';

const PRUNE_EVERY = 500;

/**
 * Recent keys kept in a SQLite file that every server process on the machine opens (WAL, one upsert per key), so a
 * Slack retry that reaches another worker is still answered once. A key is new when its row is inserted, or when
 * the row it finds is older than the time to live; rows past it are pruned now and then.
 */
export function createSharedRecentKeys(file: string, options: { name: string; ttlMs?: number; now?: () => number }): RecentKeys & { close: () => void } {
  const { name, ttlMs = 60 * 60 * 1000, now = Date.now } = options;
  const db = openStateFile(file);
  db.exec('CREATE TABLE IF NOT EXISTS recent_keys (scope TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (scope, key))');
  const upsert = db.prepare('INSERT INTO recent_keys (scope, key, at) VALUES (?, ?, ?) ON CONFLICT (scope, key) DO UPDATE SET at = excluded.at WHERE excluded.at - recent_keys.at >= ?');
  const prune = db.prepare('DELETE FROM recent_keys WHERE scope = ? AND at < ?');
  let writes = 0;
  return {
    firstTime(key: string): boolean {
      const at = now();
      const first = upsert.run(name, key, at, ttlMs).changes === 1;
      if (first && (writes += 1) % PRUNE_EVERY === 0) prune.run(name, at - ttlMs);
      return first;
    },
    close: () => db.close(),
  };
}
