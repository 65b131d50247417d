import { openStateFile } from '../state-file.js';
import type { RateWindow } from './rate-window.js';

const PRUNE_EVERY = 500;

/**
 * The rate window kept in a SQLite file every server process on the machine opens (WAL), so a limit of N a minute
 * is N across all workers, whichever worker each of a client's connections lands on. Count and insert run in one
 * immediate transaction, so two workers cannot both admit the last request of a window.
 */
export function sharedRateWindow(file: string, windowMs = 60_000): RateWindow & { close: () => void } {
  const db = openStateFile(file);
  // The window is lost on a power cut at worst, never corrupted: no fsync per request.
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE IF NOT EXISTS rate_hits (client TEXT NOT NULL, at INTEGER NOT NULL); CREATE INDEX IF NOT EXISTS rate_hits_client_at ON rate_hits (client, at)');
  const inWindow = db.prepare('SELECT count(*) AS n, min(at) AS oldest FROM rate_hits WHERE client = ? AND at > ?');
  const insert = db.prepare('INSERT INTO rate_hits (client, at) VALUES (?, ?)');
  const prune = db.prepare('DELETE FROM rate_hits WHERE at <= ?');
  let admitted = 0;
  const admit = db.transaction((client: string, at: number, limit: number): number => {
    const { n, oldest } = inWindow.get(client, at - windowMs) as { n: number; oldest: number | null };
    if (n >= limit) return Math.max(1, oldest! + windowMs - at);
    insert.run(client, at);
    if ((admitted += 1) % PRUNE_EVERY === 0) prune.run(at - windowMs);
    return 0;
  });
  return {
    admit: (client, at, limit) => admit.immediate(client, at, limit),
    close: () => db.close(),
  };
}
