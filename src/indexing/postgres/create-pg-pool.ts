import pg from 'pg';
import type { Config } from '../../config/load-config.js';
import { ConfigError } from '../../errors/wedge-error.js';
import { manifestSchema, type Manifest } from '../manifest.js';
import { readPgBuildId } from './open-pg-index.js';

/** A connection pool to the database named by DATABASE_URL. */
export function createPgPool(config: Config): pg.Pool {
  if (!config.databaseUrl) throw new ConfigError('WEDGE_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/db).');
  return new pg.Pool({ connectionString: config.databaseUrl, max: 8 });
}

/**
 * The HNSW search beam for an index of this many passages. pgvector's default (40) gave recall@10 of 0.90 against
 * exact search at 10k passages and 100 gave 0.96; at 100k, 100 gave 0.918. The beam grows with the index, as the
 * local store's does, up to 400 (npm run bench:scale:postgres).
 */
export function hnswEfSearch(passages: number): number {
  return Math.max(100, Math.min(400, Math.round(passages / 250)));
}

/** The statement that sets the HNSW search beam on a connection (run once per pooled connection). */
export function setEfSearch(passages: number): string {
  return `SET hnsw.ef_search = ${hnswEfSearch(passages)}`;
}

/** The manifest of the index in Postgres, or undefined before the first ingest. */
export async function readPgManifest(pool: pg.Pool): Promise<Manifest | undefined> {
  if (!await readPgBuildId(pool)) return undefined;
  return manifestSchema.parse((await pool.query("SELECT value FROM wedge_meta WHERE key = 'manifest'")).rows[0]!.value);
}
