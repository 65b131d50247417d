import { parse } from 'yaml';

const OPENING = /^---[ \t]*\r?\n/;
const CLOSING = /^---[ \t]*(?:\r?\n|$)/m;

/** Splits `---` YAML front matter from a Markdown/text file; the body is returned byte-for-byte. */
export function parseFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const opening = OPENING.exec(text);
  if (!opening) return { data: {}, body: text };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) throw new Error('front matter starts with "---" but has no closing "---" line');
  const parsed: unknown = parse(rest.slice(0, closing.index)) ?? {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('front matter is not a YAML mapping');
  return { data: parsed as Record<string, unknown>, body: rest.slice(closing.index + closing[0].length) };
}
