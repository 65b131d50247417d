import { STOPWORDS } from '../../text/stopwords.js';
import { tokenizeWords } from '../../text/tokenize-words.js';

/** One chat turn. */
export interface ChatMessage { role: 'user' | 'assistant'; content: string }

/** What to search for: the new question, plus earlier context that should count for less. */
export interface SearchIntent {
  question: string;
  /** Names and key terms carried from earlier user turns; empty for a first question. */
  context: string;
}

const NAME = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*/gu;
const PRONOUN = /\b(he|she|they|him|her|them|his|hers|their|it|its|this|that|these|those)\b/i;
const CARRY_TURNS = 3;

/**
 * Offline follow-up handling: carries forward the names and key terms of earlier user turns
 * (most recent first, at most three turns), to be weighted below the new question. A question that
 * stands alone (no pronoun, and names of its own) carries only names, so topics do not bleed.
 */
export function condenseConversation(messages: ChatMessage[]): SearchIntent {
  const users = messages.filter((m) => m.role === 'user');
  const last = users[users.length - 1];
  if (!last) return { question: '', context: '' };
  const earlier = users.slice(0, -1).slice(-CARRY_TURNS).reverse();
  if (!earlier.length) return { question: last.content, context: '' };
  const ownWords = new Set(tokenizeWords(last.content));
  const dependent = PRONOUN.test(last.content) || tokenizeWords(last.content).filter((w) => !STOPWORDS.has(w)).length <= 3;
  const carried: string[] = [];
  for (const turn of earlier) {
    for (const match of turn.content.matchAll(NAME)) {
      const name = match[0].replace(/[’'.,;:!?]+$/, '');
      const words = tokenizeWords(name).filter((w) => !STOPWORDS.has(w) && !['what', 'why', 'how', 'who', 'which', 'when', 'where'].includes(w));
      if (words.length && !words.every((w) => ownWords.has(w))) carried.push(words.join(' '));
    }
    if (dependent) carried.push(...tokenizeWords(turn.content).filter((w) => !STOPWORDS.has(w) && w.length > 3 && !ownWords.has(w)));
  }
  return { question: last.content, context: [...new Set(carried)].join(' ') };
}
