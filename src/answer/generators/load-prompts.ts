import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../../errors/wedge-error.js';

/** The LLM prompt templates, read from the prompts folder at start. */
export interface Prompts { system: string; answer: string; steelman: string; condense: string }

/** Loads prompts/{system,answer,steelman,condense}.md; a missing file is a ConfigError naming it. */
export async function loadPrompts(dir: string): Promise<Prompts> {
  const read = async (name: keyof Prompts) => {
    const file = path.join(dir, `${name}.md`);
    try {
      return await readFile(file, 'utf8');
    } catch {
      throw new ConfigError(`Prompt file ${file} is missing; restore it from the repository or set WEDGE_PROMPTS_DIR.`);
    }
  };
  const [system, answer, steelman, condense] = await Promise.all([read('system'), read('answer'), read('steelman'), read('condense')]);
  return { system, answer, steelman, condense };
}

/** Fills {{name}} placeholders; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}
