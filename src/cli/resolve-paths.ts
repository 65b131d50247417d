import path from 'node:path';
import type { Config } from '../config/load-config.js';

/** Makes the config's folders absolute against the directory the user ran wedge in. */
export function resolvePaths(config: Config, cwd: string): Config {
  const at = (dir: string) => path.resolve(cwd, dir);
  return { ...config, corpusDir: at(config.corpusDir), indexDir: at(config.indexDir), cacheDir: at(config.cacheDir), dataDir: at(config.dataDir), meaningModel: at(config.meaningModel), answerModel: at(config.answerModel), samePointModel: at(config.samePointModel), ...(config.answerabilityModel ? { answerabilityModel: at(config.answerabilityModel) } : {}), promptsDir: at(config.promptsDir), feedbackFile: at(config.feedbackFile), stateFile: at(config.stateFile) };
}
