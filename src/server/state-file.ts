import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the SQLite state file every server process on the machine shares (WAL, so readers and one writer at a time
 * go on together). The busy timeout is set first: workers open the file at the same moment, switching it to WAL takes
 * a lock, and writers meet when Slack fans one mention out as two events; they wait for the lock rather than fail.
 */
export function openStateFile(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('busy_timeout = 2000');
  db.pragma('journal_mode = WAL');
  return db;
}
