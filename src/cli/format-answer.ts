import type { AnswerResult } from '../answer/answer-result.js';

/** Renders an answer for a terminal: the answer, then each citation with its source and offsets. */
export function formatAnswer(result: AnswerResult): string {
  const lines = [result.answer, ''];
  if (result.degraded) lines.push(`(degraded: ${result.degradedReason ?? 'fell back to the offline answerer'})`, '');
  if (result.citations.length) lines.push('Sources:');
  for (const c of result.citations) {
    const source = [c.author, c.publisher, c.kind].filter(Boolean).join(', ');
    lines.push(`[${c.n}] ${c.title}${source ? ` — ${source}` : ''}${c.date ? `, ${c.date}` : ''}`);
    lines.push(`    ${c.docId} · chars ${c.start}-${c.end}${c.caption ? ' · photo caption' : ''}${c.support ? ` · ${c.support}` : ''}`);
    lines.push(`    “${c.quote.replace(/\s*\n\s*/g, ' ')}”`);
  }
  lines.push('', `${result.generator} · ${result.timings.totalMs.toFixed(0)} ms`);
  return `${lines.join('\n')}\n`;
}
