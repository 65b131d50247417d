import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import MiniSearch from 'minisearch';
import type { RankedSpan } from '../retrieval-metrics.js';

/** Ranks passages for a question, best first. */
export type BaselineSearch = (question: string, k: number) => RankedSpan[];

/**
 * The recipe a user would copy from the LangChain and MiniSearch docs: RecursiveCharacterTextSplitter with
 * 1000-character chunks and 200 of overlap, MiniSearch's BM25 with its default tokenizer. wedge's retrieval is
 * reported beside it on the same questions, so "better" is measured against what people would otherwise use.
 */
export async function createLangchainBm25(docs: ReadonlyMap<string, { body: string }>): Promise<BaselineSearch> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const spans: RankedSpan[] = [];
  for (const [docId, { body }] of docs) {
    let from = 0;
    for (const text of await splitter.splitText(body)) {
      // The splitter returns text only; locate each chunk to score it against gold offsets.
      const start = Math.max(0, body.indexOf(text, from));
      spans.push({ docId, start, end: start + text.length });
      from = start + 1;
    }
  }
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  index.addAll(spans.map((span, id) => ({ id, text: docs.get(span.docId)!.body.slice(span.start, span.end) })));
  return (question, k) => index.search(question).slice(0, k).map((result) => spans[result.id as number]!);
}
