import { ApiError, apiKey, setApiKey, streamChat } from './api-client.js';
import { loadTurns, saveTurns } from './conversation-store.js';
import { followConversation } from './follow-conversation.js';
import { initPassagePanel, showPassage } from './passage-panel.js';
import { answerMarkdown, renderResult } from './render-answer.js';
import type { Turn } from './types.js';

const STARTERS = [
  "Why won't the split work?",
  'What would make the split work?',
  'What does China fear?',
  'What does history say about Nixon and Kissinger?',
];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const input = byId<HTMLTextAreaElement>('question');
const send = byId<HTMLButtonElement>('send');
const stop = byId<HTMLButtonElement>('stop');
const status = byId<HTMLParagraphElement>('status');
const list = byId<HTMLOListElement>('turns');
let turns: Turn[] = loadTurns();
let mode: Turn['mode'] = 'answer';
let running: AbortController | undefined;
const follow = followConversation(list, byId<HTMLButtonElement>('jump-latest'));

function setMode(next: Turn['mode']): void {
  mode = next;
  for (const button of document.querySelectorAll<HTMLButtonElement>('.modes button')) button.setAttribute('aria-pressed', String(button.dataset.mode === next));
}

function copyButton(turn: Turn): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Copy as Markdown';
  button.addEventListener('click', async () => {
    if (!turn.result) return;
    try {
      await navigator.clipboard.writeText(answerMarkdown(turn.result));
      status.textContent = 'Answer copied as Markdown, with its sources.';
    } catch {
      status.textContent = 'The browser did not allow copying.';
    }
  });
  return button;
}

/** Draws one turn: the question, then its answer (or the streaming text, or the error). */
function renderTurn(turn: Turn, answerBox = document.createElement('div')): HTMLLIElement {
  const item = document.createElement('li');
  const question = document.createElement('p');
  question.className = 'question';
  question.textContent = turn.question;
  answerBox.className = 'answer';
  answerBox.dataset.testid = 'answer';
  if (turn.result) {
    answerBox.classList.toggle('abstained', turn.result.abstained);
    answerBox.replaceChildren(renderResult(turn.result, (citation) => void showPassage(citation)));
    const tools = document.createElement('div');
    tools.className = 'tools';
    tools.append(copyButton(turn));
    answerBox.append(tools);
  } else if (turn.error) {
    answerBox.classList.add('error');
    answerBox.textContent = turn.error;
  }
  item.append(question, answerBox);
  return item;
}

function renderAll(): void {
  list.replaceChildren(...turns.map((turn) => renderTurn(turn)));
  byId('empty').hidden = turns.length > 0;
}

function history(): Array<{ role: 'user' | 'assistant'; content: string }> {
  return turns.filter((t) => t.result).flatMap((t) => [{ role: 'user' as const, content: t.question }, { role: 'assistant' as const, content: t.result!.answer }]);
}

async function ask(question: string): Promise<void> {
  if (!question.trim() || running) return;
  const turn: Turn = { question: question.trim(), mode };
  const messages = [...history(), { role: 'user' as const, content: turn.question }];
  const answerBox = document.createElement('div');
  const streaming = document.createElement('p');
  streaming.className = 'streaming';
  answerBox.setAttribute('aria-live', 'polite');
  answerBox.append(streaming);
  list.append(renderTurn(turn, answerBox));
  byId('empty').hidden = true;
  follow.sent();
  input.value = '';
  running = new AbortController();
  send.hidden = true;
  stop.hidden = false;
  status.textContent = 'Thinking';
  status.classList.add('thinking');
  try {
    turn.result = await streamChat({ messages, mode: turn.mode }, (text) => {
      status.textContent = 'Answering';
      streaming.textContent += text;
      follow.updated();
    }, running.signal);
  } catch (error) {
    turn.error = running.signal.aborted ? 'Stopped.' : error instanceof ApiError ? error.message : `Something went wrong: ${(error as Error).message}`;
    if (error instanceof ApiError && error.status === 401) showKeyField();
  } finally {
    running = undefined;
    send.hidden = false;
    stop.hidden = true;
    status.classList.remove('thinking');
    status.textContent = turn.result?.abstained ? 'The articles do not cover this question.' : turn.error ? 'The question was not answered.' : '';
    turns.push(turn);
    saveTurns(turns);
    renderAll();
    follow.updated();
    input.focus({ preventScroll: true });
  }
}

function showKeyField(): void {
  byId('api-key-label').hidden = false;
}

function init(): void {
  const keyInput = byId<HTMLInputElement>('api-key');
  keyInput.value = apiKey();
  if (keyInput.value) showKeyField();
  keyInput.addEventListener('change', () => setApiKey(keyInput.value));
  const starters = byId('starters');
  for (const text of STARTERS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.addEventListener('click', () => void ask(text));
    starters.append(button);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('.modes button')) {
    button.addEventListener('click', () => setMode(button.dataset.mode as Turn['mode']));
  }
  byId('ask').addEventListener('submit', (event) => { event.preventDefault(); void ask(input.value); });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); void ask(input.value); }
  });
  stop.addEventListener('click', () => running?.abort());
  byId('new-chat').addEventListener('click', () => {
    running?.abort();
    turns = [];
    saveTurns(turns);
    byId('passage').hidden = true;
    status.textContent = '';
    renderAll();
    input.focus();
  });
  initPassagePanel();
  renderAll();
}

init();
