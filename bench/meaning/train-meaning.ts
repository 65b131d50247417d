import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { exportMeaningData } from './export-meaning-data.js';

/** A Python that can import torch: Debian's python3-torch lives under /usr/bin, which a pyenv shim may hide. */
function pythonWithTorch(): string | undefined {
  return ['/usr/bin/python3', 'python3'].find((python) => spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0);
}

/**
 * `npm run train:meaning [-- --out FILE --epochs N ...]`: exports the examples, trains with scripts/train-meaning.py and
 * writes models/meaning-v1.bin (or FILE; `npm run train:answer` writes the answer model). Needs the shared data
 * folder and PyTorch (`apt-get install python3-torch`).
 */
async function main(): Promise<number> {
  const root = process.cwd();
  const dataDir = path.resolve(process.env.WEDGE_DATA_DIR ?? '../shared/data');
  if (!existsSync(path.join(dataDir, 'speeches'))) {
    console.error(`train:meaning: no speeches under ${dataDir}; the shared data folder must be beside the checkout (or set WEDGE_DATA_DIR)`);
    return 1;
  }
  const python = pythonWithTorch();
  if (!python) {
    console.error('train:meaning: no Python with PyTorch found; install it with `apt-get install python3-torch`');
    return 1;
  }
  const dataOut = path.join(root, 'indexes/.meaning-data');
  console.error(`exported ${JSON.stringify(await exportMeaningData(root, dataDir, dataOut))}`);
  const args = process.argv.slice(2);
  const at = args.indexOf('--out');
  const out = at >= 0 ? args.splice(at, 2)[1] : 'models/meaning-v1.bin';
  if (!out) {
    console.error('train:meaning: --out needs a file name');
    return 1;
  }
  const run = spawnSync(python, [path.join(root, 'scripts/train-meaning.py'), dataOut, path.resolve(root, out), ...args], { stdio: 'inherit' });
  return run.status ?? 1;
}

process.exitCode = await main();
