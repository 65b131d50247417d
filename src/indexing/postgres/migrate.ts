import type { Pool, PoolClient } from 'pg';
import { IndexCorruptError } from '../../errors/wedge-error.js';

/**
 * Versioned schema migrations, applied in order inside a transaction each and recorded in
 * wedge_migrations; wedge creates and upgrades its own schema, never a person by hand.
 * The vector width is fixed when the chunks table is created, by the embedder of the first build.
 */
const MIGRATIONS: Array<{ version: number; name: string; sql: (dimensions: number) => string }> = [
  {
    version: 1,
    name: 'documents, chunks, terms, meta',
    sql: (dimensions) => `
      CREATE EXTENSION IF NOT EXISTS vector;
      CREATE TABLE wedge_docs (id text PRIMARY KEY, meta jsonb NOT NULL, body text NOT NULL, hash text NOT NULL, chunks int NOT NULL);
      CREATE TABLE wedge_chunks (
        id text PRIMARY KEY,
        doc_id text NOT NULL REFERENCES wedge_docs(id) ON DELETE CASCADE,
        start_offset int NOT NULL,
        end_offset int NOT NULL,
        role text NOT NULL,
        section text,
        sentences jsonb NOT NULL,
        terms text[] NOT NULL,
        search_folded text NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', search_folded)) STORED,
        embedding vector(${dimensions}) NOT NULL
      );
      CREATE INDEX wedge_chunks_doc ON wedge_chunks (doc_id);
      CREATE INDEX wedge_chunks_tsv ON wedge_chunks USING gin (tsv);
      CREATE INDEX wedge_chunks_embedding ON wedge_chunks USING hnsw (embedding vector_cosine_ops);
      CREATE TABLE wedge_terms (term text PRIMARY KEY, df int NOT NULL);
      CREATE TABLE wedge_meta (key text PRIMARY KEY, value jsonb NOT NULL);`,
  },
  {
    version: 2,
    name: 'term frequencies for BM25',
    // Per-passage term counts, so lexical ranking is BM25 with IDF (as the local store's), not ts_rank_cd; and the
    // terms of the passage text alone, whose document frequencies shape queries and weigh sentences, as locally.
    sql: () => `
      ALTER TABLE wedge_chunks ADD COLUMN IF NOT EXISTS term_freqs jsonb NOT NULL DEFAULT '{}'::jsonb;
      ALTER TABLE wedge_chunks ADD COLUMN IF NOT EXISTS text_terms text[] NOT NULL DEFAULT '{}';
      ALTER TABLE wedge_terms ADD COLUMN IF NOT EXISTS text_df int NOT NULL DEFAULT 0;
      CREATE INDEX IF NOT EXISTS wedge_chunks_terms ON wedge_chunks USING gin (terms);`,
  },
  {
    version: 3,
    name: 'the words each article uses',
    // Read at start for the answerer's coverage check instead of deriving them from every body; articles written
    // before this column have none and are read from their bodies until they are next written.
    sql: () => `ALTER TABLE wedge_docs ADD COLUMN IF NOT EXISTS words text[] NOT NULL DEFAULT '{}';`,
  },
];

/** Applies the migrations not yet applied; safe to run on every start and from several processes. */
export async function migrate(pool: Pool, dimensions: number): Promise<number[]> {
  const client: PoolClient = await pool.connect();
  try {
    await client.query('CREATE TABLE IF NOT EXISTS wedge_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      await client.query('BEGIN');
      try {
        // Serialises concurrent starters: the second waits, then sees the version recorded.
        await client.query('LOCK TABLE wedge_migrations IN EXCLUSIVE MODE');
        const done = await client.query('SELECT 1 FROM wedge_migrations WHERE version = $1', [migration.version]);
        if (!done.rowCount) {
          await client.query(migration.sql(dimensions));
          await client.query('INSERT INTO wedge_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          applied.push(migration.version);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    const width = await client.query("SELECT atttypmod AS dims FROM pg_attribute WHERE attrelid = 'wedge_chunks'::regclass AND attname = 'embedding'");
    const existing = Number(width.rows[0]?.dims);
    if (existing && existing !== dimensions) {
      throw new IndexCorruptError('postgres', `its vectors have ${existing} dimensions but the embedder makes ${dimensions}; use a fresh database or the matching embedder`);
    }
    return applied;
  } finally {
    client.release();
  }
}
