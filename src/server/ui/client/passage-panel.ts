import { fetchDocument } from './api-client.js';
import type { Citation } from './types.js';

/** Shows a citation in its article: metadata, then the whole text with the cited sentences marked and scrolled to. */
export async function showPassage(citation: Citation): Promise<void> {
  const panel = document.getElementById('passage')!;
  const title = document.getElementById('passage-title')!;
  const meta = document.getElementById('passage-meta')!;
  const text = document.getElementById('passage-text')!;
  panel.hidden = false;
  title.textContent = citation.title;
  meta.textContent = 'Loading the article…';
  text.replaceChildren();
  try {
    const doc = await fetchDocument(citation.docId);
    meta.textContent = [doc.publisher, doc.kind, doc.author, doc.date].filter(Boolean).join(' · ') || 'No byline';
    const mark = document.createElement('mark');
    // Offsets come from the server and always slice the body to the quote; text nodes keep any markup literal.
    mark.textContent = doc.text.slice(citation.start, citation.end);
    text.replaceChildren(document.createTextNode(doc.text.slice(0, citation.start)), mark, document.createTextNode(doc.text.slice(citation.end)));
    mark.scrollIntoView({ block: 'center' });
  } catch (error) {
    meta.textContent = `Could not load the article: ${(error as Error).message}`;
  }
}

/** Wires the panel's close button. */
export function initPassagePanel(): void {
  document.getElementById('close-passage')!.addEventListener('click', () => { document.getElementById('passage')!.hidden = true; });
}
