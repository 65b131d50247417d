import { SingleBar, Presets } from 'cli-progress';
import type { BuildProgress } from '../indexing/build-index.js';
import type { CliIo } from './cli-io.js';

const LABELS: Record<BuildProgress['step'], string> = {
  chunk: 'Chunking articles',
  'embed-chunks': 'Embedding passages',
  'embed-sentences': 'Embedding sentences',
  write: 'Writing index',
};

/** Shows build progress as a bar on a terminal; stays silent when output is piped or in CI. */
export function createProgressReporter(io: CliIo): { update: (progress: BuildProgress) => void; stop: () => void } {
  if (!io.interactive) return { update: () => {}, stop: () => {} };
  let bar: SingleBar | undefined;
  let step: BuildProgress['step'] | undefined;
  const stop = () => { bar?.stop(); bar = undefined; };
  return {
    update(progress) {
      if (progress.step !== step) {
        stop();
        step = progress.step;
        bar = new SingleBar({ format: `${LABELS[progress.step].padEnd(20)} [{bar}] {value}/{total}`, clearOnComplete: false, stream: process.stderr }, Presets.shades_classic);
        bar.start(progress.total, progress.done);
      }
      bar?.update(progress.done);
    },
    stop,
  };
}

/** A bar with counts and elapsed time on stderr while `wedge eval` answers its questions; silent when stderr is not a terminal. */
export function createEvalProgress(io: CliIo, total: number): { tick: () => void; stop: () => void } {
  if (!io.interactive || total === 0) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: 'Evaluating [{bar}] {value}/{total} questions | {duration_formatted}', clearOnComplete: false, stream: process.stderr }, Presets.shades_classic);
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}
