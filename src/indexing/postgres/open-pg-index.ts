import type { Pool } from 'pg';
import type { ArticleMeta } from '../../corpus/article.js';
import type { WedgeEmbeddings } from '../../embeddings/wedge-embeddings.js';
import { EmbedderMismatchError, IndexMissingError } from '../../errors/wedge-error.js';
import { manifestSchema, type Manifest } from '../manifest.js';

/** A Postgres-held index: the manifest, the articles' text (citations slice it), and term statistics. */
export interface PgIndex {
  pool: Pool;
  manifest: Manifest;
  docs: Map<string, { meta: ArticleMeta; body: string }>;
  embedder: WedgeEmbeddings;
  documentFrequency: Map<string, number>;
}

/** Reads the live build id from Postgres, or undefined before the first ingest (what servers poll to reload). */
export async function readPgBuildId(pool: Pool): Promise<string | undefined> {
  const exists = await pool.query("SELECT to_regclass('wedge_meta') IS NOT NULL AS ok");
  if (!exists.rows[0]?.ok) return undefined;
  const row = await pool.query<{ id: string }>("SELECT value->>'buildId' AS id FROM wedge_meta WHERE key = 'manifest'");
  return row.rows[0]?.id ?? undefined;
}

/** Opens the index in Postgres with the embedder it was built with. */
export async function openPgIndex(pool: Pool, embedder: WedgeEmbeddings): Promise<PgIndex> {
  if (!await readPgBuildId(pool)) throw new IndexMissingError('postgres (DATABASE_URL)');
  const manifest = manifestSchema.parse((await pool.query("SELECT value FROM wedge_meta WHERE key = 'manifest'")).rows[0]!.value);
  if (manifest.embedder.id !== embedder.id) throw new EmbedderMismatchError(manifest.embedder.id, embedder.id);
  const [docs, terms] = await Promise.all([
    pool.query<{ id: string; meta: ArticleMeta; body: string }>('SELECT id, meta, body FROM wedge_docs'),
    pool.query<{ term: string; df: number }>('SELECT term, df FROM wedge_terms'),
  ]);
  return {
    pool,
    manifest,
    embedder,
    docs: new Map(docs.rows.map((row) => [row.id, { meta: row.meta, body: row.body }])),
    documentFrequency: new Map(terms.rows.map((row) => [row.term, Number(row.df)])),
  };
}
