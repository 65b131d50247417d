/** The shapes the chat page reads from the API (mirrors src/answer/answer-result.ts). */
export interface Citation {
  n: number; docId: string; title: string; publisher?: string; kind?: string; author?: string; date?: string; url?: string;
  chunkId: string; quote: string; start: number; end: number; score: number; support?: string; caption?: true;
}
export interface Side { label: string; thesis: string; supportCount: number; points: Array<{ text: string; citations: number[]; articles?: number; concession?: boolean }> }
export interface AnswerResult {
  id: string; mode: 'answer' | 'steelman'; question: string; answer: string; citations: Citation[]; sides?: Side[];
  abstained: boolean; generator: string; degraded?: boolean; degradedReason?: string;
}
export interface DocumentText { id: string; title: string; publisher?: string; kind?: string; author?: string; date?: string; url?: string; text: string }
export interface Turn { question: string; mode: 'answer' | 'steelman'; result?: AnswerResult; error?: string }
