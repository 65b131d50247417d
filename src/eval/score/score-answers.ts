import { scoreSupport, type SupportOptions, type SupportScore } from '../../answer/citations/score-support.js';
import type { AnswerItem, ScoredItem, ScoredStatement } from './answer-item.js';
import { locateQuote } from './locate-quote.js';
import { splitStatements } from './split-statements.js';

/** Decides whether source text supports a statement; the offline judge by default, an LLM judge when chosen. */
export type SupportJudge = (statement: string, source: string) => Promise<{ supported: boolean; score: number; reason: string; level?: SupportScore['level'] }>;

/** The offline judge: the same scoreSupport that verifies the LLM generator's claims, with the same knowledge. */
export function offlineJudge(options: SupportOptions = {}): SupportJudge {
  return async (statement, source) => {
    const result = scoreSupport(statement, source, options);
    return { supported: result.level === 'supported', score: result.score, reason: result.reason, level: result.level };
  };
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/**
 * Scores one answer: citation validity (quote really in the article, at its offsets when given),
 * ALCE citation recall and precision (Gao et al., 2023), and RAGAS faithfulness (Es et al., 2023).
 */
export async function scoreAnswer(item: AnswerItem, docs: ReadonlyMap<string, { body: string }>, judge: SupportJudge): Promise<ScoredItem> {
  const citations = item.citations.map((c) => {
    const doc = c.docId ? docs.get(c.docId) : undefined;
    if (c.docId && !doc) return { ...c, valid: false, reason: `unknown document ${c.docId}` };
    if (doc && c.start !== undefined && c.end !== undefined) {
      const valid = doc.body.slice(c.start, c.end) === c.quote;
      return { ...c, valid, ...(valid ? {} : { reason: 'the quote is not at the stated offsets' }) };
    }
    const found = locateQuote(c.quote, c.docId && doc ? [[c.docId, doc]] : docs, c.docId);
    return found ? { ...c, ...found, valid: true } : { ...c, valid: false, reason: c.docId ? 'the quote is not in the cited article' : 'the quote is in no article' };
  });
  const quoteOf = (n: number) => citations.find((c) => c.n === n && c.valid)?.quote;
  const contexts = item.contexts ?? citations.filter((c) => c.valid).map((c) => c.quote);

  const statements: ScoredStatement[] = [];
  const precision: number[] = [];
  const faithful: boolean[] = [];
  for (const statement of splitStatements(item.answer)) {
    const quotes = statement.citations.map(quoteOf).filter((q): q is string => !!q);
    const verdict = quotes.length ? await judge(statement.text, quotes.join(' ')) : { supported: false, score: 0, level: 'unsupported' as const, reason: statement.citations.length ? 'its citations are not valid quotes' : 'no citation' };
    statements.push({ ...statement, ...verdict });
    // ALCE precision: a citation counts when the statement is supported and the citation is not irrelevant
    // (irrelevant = it does not support alone, and the others support without it).
    for (const [i, quote] of quotes.entries()) {
      if (!verdict.supported) { precision.push(0); continue; }
      if ((await judge(statement.text, quote)).supported) { precision.push(1); continue; }
      const others = quotes.filter((_, j) => j !== i);
      precision.push(others.length && (await judge(statement.text, others.join(' '))).supported ? 0 : 1);
    }
    for (const n of statement.citations) if (!quoteOf(n)) precision.push(0);
    let grounded = contexts.length ? (await judge(statement.text, contexts.join(' '))).supported : false;
    for (const context of contexts) if (!grounded) grounded = (await judge(statement.text, context)).supported;
    faithful.push(grounded);
  }
  return {
    id: item.id,
    ...(item.question ? { question: item.question } : {}),
    citationValidity: citations.length ? citations.filter((c) => c.valid).length / citations.length : 1,
    citationRecall: mean(statements.map((s) => Number(s.supported))),
    citationPrecision: precision.length ? mean(precision) : 0,
    faithfulness: mean(faithful.map(Number)),
    statements,
    citations,
  };
}

/** Scores many answers and averages each metric over items. */
export async function scoreAnswers(items: AnswerItem[], docs: ReadonlyMap<string, { body: string }>, judge: SupportJudge) {
  const scored: ScoredItem[] = [];
  for (const item of items) scored.push(await scoreAnswer(item, docs, judge));
  const avg = (key: 'citationValidity' | 'citationRecall' | 'citationPrecision' | 'faithfulness') => mean(scored.map((s) => s[key]));
  return {
    items: scored,
    aggregate: { items: scored.length, citationValidity: avg('citationValidity'), citationRecall: avg('citationRecall'), citationPrecision: avg('citationPrecision'), faithfulness: avg('faithfulness') },
  };
}
