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

/** The manifest of the index in Postgres, or undefined before the first ingest. */
export async function readPgManifest(pool: pg.Pool): Promise<Manifest | undefined> {
  if (!await readPgBuildId(pool)) return undefined;
  return manifestSchema.parse((await pool.query("SELECT value FROM wedge_meta WHERE key = 'manifest'")).rows[0]!.value);
}
