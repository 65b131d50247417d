import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';

/**
 * A real Postgres for tests: WEDGE_TEST_DATABASE_URL when set (a Postgres with pgvector), else PGlite
 * (Postgres compiled to WebAssembly, with the real pgvector extension) served over the Postgres wire
 * protocol on a free port. Either way wedge talks to it through `pg` over a socket.
 */
export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; pool: () => pg.Pool; stop: () => Promise<void> }> {
  const pools: pg.Pool[] = [];
  const pool = (url: string) => () => { const p = new pg.Pool({ connectionString: url, max: 4 }); pools.push(p); return p; };
  const external = env.WEDGE_TEST_DATABASE_URL;
  if (external) {
    const admin = new pg.Pool({ connectionString: external });
    await admin.query('DROP TABLE IF EXISTS wedge_chunks, wedge_docs, wedge_terms, wedge_meta, wedge_migrations CASCADE');
    await admin.end();
    return { url: external, pool: pool(external), stop: async () => { await Promise.all(pools.map((p) => p.end())); } };
  }
  const db = await PGlite.create({ extensions: { vector } });
  const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  const port = (server as unknown as { server: { address(): { port: number } } }).server.address().port;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    pool: pool(url),
    stop: async () => {
      await Promise.all(pools.map((p) => p.end()));
      await server.stop();
      await db.close();
    },
  };
}
