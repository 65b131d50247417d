import { cp } from 'node:fs/promises';
import path from 'node:path';

/** A fresh folder holding a copy of the default corpus, as a user's checkout would. */
export async function projectCopy(makeDir: () => Promise<string>): Promise<string> {
  const dir = await makeDir();
  await cp(path.resolve('corpus'), path.join(dir, 'corpus'), { recursive: true });
  return dir;
}
