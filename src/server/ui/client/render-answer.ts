import type { AnswerResult, Citation, Side } from './types.js';

/** Called when a citation button is pressed. */
export type OpenCitation = (citation: Citation) => void;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function citationButton(citation: Citation, open: OpenCitation): HTMLButtonElement {
  const button = el('button', 'cite', `[${citation.n}]`);
  button.type = 'button';
  button.dataset.testid = 'citation';
  button.setAttribute('aria-label', `Source ${citation.n}: ${citation.title}`);
  button.addEventListener('click', () => open(citation));
  return button;
}

/** Appends a line of answer text: **bold** runs and [n] markers become elements; everything else stays text. */
function appendInline(parent: HTMLElement, line: string, citations: Citation[], open: OpenCitation): void {
  for (const part of line.split(/(\*\*[^*]+\*\*|\[\d+\])/)) {
    if (!part) continue;
    const marker = /^\[(\d+)\]$/.exec(part);
    const citation = marker && citations.find((c) => c.n === Number(marker[1]));
    if (citation) parent.append(citationButton(citation, open));
    else if (/^\*\*[^*]+\*\*$/.test(part)) parent.append(el('strong', undefined, part.slice(2, -2)));
    else parent.append(document.createTextNode(part));
  }
}

/** Renders answer Markdown (paragraphs, "- " bullets, bold, [n]) as DOM built from text nodes only. */
export function renderAnswerText(answer: string, citations: Citation[], open: OpenCitation): DocumentFragment {
  const fragment = document.createDocumentFragment();
  let list: HTMLUListElement | undefined;
  let lastItem: HTMLLIElement | undefined;
  for (const line of answer.split('\n')) {
    // "  - Also …" under a point: another article making the same point, nested under it.
    if (/^\s+- /.test(line) && lastItem) {
      let nested = lastItem.querySelector('ul');
      if (!nested) lastItem.append((nested = el('ul')));
      const item = el('li', 'corroboration');
      appendInline(item, line.trim().slice(2), citations, open);
      nested.append(item);
      continue;
    }
    if (line.startsWith('- ')) {
      if (!list) fragment.append((list = el('ul')));
      const item = el('li');
      appendInline(item, line.slice(2), citations, open);
      list.append(item);
      lastItem = item;
      continue;
    }
    lastItem = undefined;
    list = undefined;
    if (!line.trim()) continue;
    const paragraph = el('p');
    appendInline(paragraph, line, citations, open);
    fragment.append(paragraph);
  }
  return fragment;
}

function renderSide(side: Side, citations: Citation[], open: OpenCitation): HTMLElement {
  const box = el('section', 'side');
  box.dataset.testid = 'side';
  box.append(el('h3', undefined, side.label), el('p', undefined, side.thesis), el('p', 'support', `${side.supportCount} passage${side.supportCount === 1 ? '' : 's'} support this side`));
  const list = el('ul');
  if (!side.points.length) list.append(el('li', 'concession', 'No passage in the articles makes this case.'));
  for (const point of side.points) {
    const item = el('li');
    if (point.articles && point.articles > 1) item.append(el('strong', 'articles', `${point.articles} articles: `));
    item.append(document.createTextNode(`“${point.text}” `));
    for (const n of point.citations) {
      const citation = citations.find((c) => c.n === n);
      if (citation) item.append(citationButton(citation, open));
    }
    if (point.concession) item.append(el('span', 'concession', ' (from an article that argues the other side)'));
    list.append(item);
  }
  box.append(list);
  return box;
}

/** Renders a finished answer: plain, abstained, or steelman sides next to each other with the balance line. */
export function renderResult(result: AnswerResult, open: OpenCitation): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (result.sides?.length) {
    const grid = el('div', 'sides');
    for (const side of result.sides) grid.append(renderSide(side, result.citations, open));
    fragment.append(grid);
    const balance = result.answer.split('\n').find((line) => line.startsWith('**Balance:**'));
    if (balance) {
      const paragraph = el('p', 'balance');
      appendInline(paragraph, balance, result.citations, open);
      fragment.append(paragraph);
    }
  } else {
    fragment.append(renderAnswerText(result.answer, result.citations, open));
  }
  if (result.degraded) fragment.append(el('p', 'concession', `Answered offline: ${result.degradedReason ?? 'the language model was unavailable'}.`));
  return fragment;
}

/** The answer as Markdown with its sources listed, for the clipboard. */
export function answerMarkdown(result: AnswerResult): string {
  const sources = result.citations.map((c) => `[${c.n}] ${c.title}${c.author ? `, ${c.author}` : ''}${c.publisher ? `, ${c.publisher}` : ''}${c.kind ? ` (${c.kind})` : ''}: “${c.quote.replace(/\s*\n\s*/g, ' ')}” (${c.docId}, chars ${c.start}–${c.end}${c.caption ? ', photo caption' : ''})`);
  return `**Q:** ${result.question}\n\n${result.answer}${sources.length ? `\n\nSources:\n${sources.join('\n')}` : ''}\n`;
}
