import path from 'node:path';

/**
 * Where an index lives. Each build is a directory under builds/; CURRENT names the live one and is
 * replaced by an atomic rename, so a reader always sees a whole build, never a half-written one.
 */
export function indexLayout(indexDir: string) {
  const buildsDir = path.join(indexDir, 'builds');
  return {
    indexDir,
    buildsDir,
    currentFile: path.join(indexDir, 'CURRENT'),
    lockFile: path.join(indexDir, 'build.lock'),
    build: (buildId: string) => {
      const dir = path.join(buildsDir, buildId);
      return {
        dir,
        manifest: path.join(dir, 'manifest.json'),
        /** Documents, chunks, sentence vectors, term statistics and the FTS5 index, in one SQLite file. */
        store: path.join(dir, 'store.sqlite'),
        dense: path.join(dir, 'dense'),
      };
    },
  };
}
