import type { AnswerResult, Citation } from '../../answer/answer-result.js';

/** A Block Kit block (kept loose: Slack's own types are large and wedge builds only a few kinds). */
export type Block = Record<string, unknown>;

/** Escapes the three characters Slack's mrkdwn treats as markup. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Turns wedge's Markdown into Slack mrkdwn: escaped, **bold** → *bold*, "- " bullets → "•", nested "  - " → "◦". */
export function toMrkdwn(markdown: string): string {
  return escapeMrkdwn(markdown).replace(/\*\*([^*]+)\*\*/g, '*$1*').replace(/^- /gm, '• ').replace(/^\s+- /gm, '      ◦ ');
}

const MAX_SECTION = 2900;
const section = (text: string): Block => ({ type: 'section', text: { type: 'mrkdwn', text: text.length > MAX_SECTION ? `${text.slice(0, MAX_SECTION)}…` : text } });

function citationContext(c: Citation, fullQuote: boolean): Block {
  const source = [c.title, [c.publisher ?? c.author, c.kind].filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
  const quote = fullQuote || c.quote.length <= 280 ? c.quote : `${c.quote.slice(0, 277)}…`;
  const link = c.url ? ` <${c.url}|link>` : '';
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `[${c.n}] *${escapeMrkdwn(source)}*${link}\n“${escapeMrkdwn(quote.replace(/\s*\n\s*/g, ' '))}”` }] };
}

/** What the buttons carry: enough to re-ask without server state (Slack limits a value to 2,000 characters). */
export function buttonValue(result: AnswerResult): string {
  return JSON.stringify({ q: result.question.slice(0, 1500), id: result.id, mode: result.mode });
}

/** Builds the reply: the answer (or each steelman side with its support count), a context block per citation, and buttons. */
export function answerBlocks(result: AnswerResult, options: { fullQuotes?: boolean } = {}): Block[] {
  const blocks: Block[] = [];
  if (result.sides?.length) {
    for (const side of result.sides) {
      const points = side.points.map((p) => `• ${p.articles && p.articles > 1 ? `*${p.articles} articles:* ` : ''}“${escapeMrkdwn(p.text.replace(/\s*\n\s*/g, ' '))}” ${p.citations.map((n) => `[${n}]`).join('')}`).join('\n');
      blocks.push(section(`*${escapeMrkdwn(side.label)}* (${side.supportCount} passage${side.supportCount === 1 ? '' : 's'})\n_${escapeMrkdwn(side.thesis)}_\n${points || '• No passage in the articles makes this case.'}`));
    }
    const balance = result.answer.split('\n').find((line) => line.startsWith('**Balance:**'));
    if (balance) blocks.push(section(toMrkdwn(balance)));
  } else {
    blocks.push(section(toMrkdwn(result.answer)));
  }
  for (const citation of result.citations) blocks.push(citationContext(citation, options.fullQuotes ?? false));
  if (!result.abstained) {
    const value = buttonValue(result);
    blocks.push({
      type: 'actions',
      elements: [
        ...(result.mode === 'answer' ? [{ type: 'button', action_id: 'wedge_steelman', text: { type: 'plain_text', text: 'Steelman both sides' }, value }] : []),
        { type: 'button', action_id: 'wedge_sources', text: { type: 'plain_text', text: 'Show sources' }, value },
        { type: 'button', action_id: 'wedge_feedback_up', text: { type: 'plain_text', text: '👍', emoji: true }, value },
        { type: 'button', action_id: 'wedge_feedback_down', text: { type: 'plain_text', text: '👎', emoji: true }, value },
      ],
    });
  }
  return blocks;
}

/** Plain-text fallback Slack shows in notifications. */
export function fallbackText(result: AnswerResult): string {
  return result.answer.replace(/\*\*/g, '').slice(0, 3000);
}
