import type { WebClient } from '@slack/web-api';
import type { AnswerMode, AnswerResult } from '../../answer/answer-result.js';
import type { ChatMessage } from '../../answer/conversation/condense-conversation.js';
import { answerBlocks, fallbackText, type Block } from './format-blocks.js';
import { createRecentKeys, type RecentKeys } from './recent-keys.js';
import type { FeedbackEntry } from './record-feedback.js';

/** What the bot needs; everything that talks to the outside is passed in. */
export interface SlackBotDeps {
  client: WebClient;
  answer: (messages: ChatMessage[], mode: AnswerMode) => Promise<AnswerResult>;
  /** POSTs JSON to a Slack response_url. */
  postResponse: (url: string, body: Record<string, unknown>) => Promise<void>;
  recordFeedback: (entry: FeedbackEntry) => Promise<void>;
  log: (message: string) => void;
  /** Runs work after the HTTP acknowledgement; Slack wants an answer within 3 seconds. */
  schedule?: (task: () => Promise<void>) => void;
  clock?: () => Date;
  /** Where the bot remembers what it has answered, by scope ("events", "messages"); in this process without it. */
  recentKeys?: (scope: string) => RecentKeys;
}

interface SlackEvent { type: string; subtype?: string; bot_id?: string; user?: string; text?: string; channel: string; channel_type?: string; ts: string; thread_ts?: string }
interface ButtonValue { q: string; id: string; mode: AnswerMode }

const APOLOGY = 'Sorry, I could not answer that just now. Please try again in a minute.';
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>/g;

/** Strips user mentions and a leading "steelman" keyword; returns the question and its mode. */
export function parseQuestion(text: string): { question: string; mode: AnswerMode } {
  const clean = text.replace(MENTION, '').trim();
  const steelman = /^steelman\b[:,]?\s*/i.exec(clean);
  return steelman ? { question: clean.slice(steelman[0].length).trim(), mode: 'steelman' } : { question: clean, mode: 'answer' };
}

/** Creates the Slack bot: events, slash commands and button clicks, each answered exactly once, in the background. */
export function createSlackBot(deps: SlackBotDeps) {
  const recentKeys = deps.recentKeys ?? (() => createRecentKeys());
  const events = recentKeys('events');
  const messages = recentKeys('messages');
  const answers = new Map<string, AnswerResult>();
  const pending = new Set<Promise<void>>();
  let botUserId: Promise<string | undefined> | undefined;
  const clock = deps.clock ?? (() => new Date());
  const schedule = deps.schedule ?? ((task: () => Promise<void>) => {
    const run = task().catch((error: unknown) => deps.log(`slack: background task failed: ${(error as Error).message}`)).finally(() => pending.delete(run));
    pending.add(run);
  });

  const remember = (result: AnswerResult) => {
    answers.set(result.id, result);
    if (answers.size > 500) answers.delete(answers.keys().next().value as string);
    return result;
  };
  const ownId = () => (botUserId ??= deps.client.auth.test().then((r) => r.user_id as string | undefined, () => undefined));
  const post = (channel: string, threadTs: string | undefined, blocks: Block[] | undefined, text: string) =>
    deps.client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}), ...(threadTs ? { thread_ts: threadTs } : {}) });

  /** Earlier messages of the thread, oldest first, as conversation turns. */
  async function threadHistory(event: SlackEvent, me: string | undefined): Promise<ChatMessage[]> {
    if (!event.thread_ts || event.thread_ts === event.ts) return [];
    const replies = await deps.client.conversations.replies({ channel: event.channel, ts: event.thread_ts, limit: 50 });
    return (replies.messages ?? [])
      .filter((m) => m.ts !== event.ts && Number(m.ts) < Number(event.ts) && m.text)
      .map((m) => ({ role: m.bot_id || (me && m.user === me) ? 'assistant' as const : 'user' as const, content: (m.text ?? '').replace(MENTION, '').trim() }));
  }

  async function replyToMessage(event: SlackEvent): Promise<void> {
    const threadTs = event.channel_type === 'im' && !event.thread_ts ? undefined : event.thread_ts ?? event.ts;
    try {
      const me = await ownId();
      const { question, mode } = parseQuestion(event.text ?? '');
      if (!question) {
        await post(event.channel, threadTs, undefined, 'Ask me a question about the articles, e.g. “why won’t the split work?”');
        return;
      }
      const history = await threadHistory(event, me);
      const result = remember(await deps.answer([...history, { role: 'user', content: question }], mode));
      await post(event.channel, threadTs, answerBlocks(result), fallbackText(result));
    } catch (error) {
      deps.log(`slack: could not answer ${event.channel}/${event.ts}: ${(error as Error).message}`);
      await post(event.channel, threadTs, undefined, APOLOGY).catch(() => {});
    }
  }

  async function handleEvent(envelope: { type?: string; event_id?: string; event?: SlackEvent }): Promise<void> {
    const event = envelope.event;
    if (envelope.type !== 'event_callback' || !event) return;
    // Slack retries after 3 s without an ack, and sends app_mention and message for one mention: answer once.
    if (envelope.event_id && !events.firstTime(envelope.event_id)) return;
    if (event.bot_id || event.subtype) return;
    const isMention = event.type === 'app_mention';
    const isDirect = event.type === 'message' && event.channel_type === 'im';
    if (!isMention && !isDirect) return;
    if (!messages.firstTime(`${event.channel}:${event.ts}`)) return;
    schedule(async () => {
      if (event.user && event.user === await ownId()) return;
      await replyToMessage(event);
    });
  }

  async function handleCommand(params: URLSearchParams): Promise<Record<string, unknown>> {
    const { question, mode } = parseQuestion(params.get('text') ?? '');
    const responseUrl = params.get('response_url');
    if (!question) return { response_type: 'ephemeral', text: 'Usage: `/wedge <question>` or `/wedge steelman <question>`' };
    if (!responseUrl) return { response_type: 'ephemeral', text: 'Slack sent no response_url; please try again.' };
    schedule(async () => {
      try {
        const result = remember(await deps.answer([{ role: 'user', content: question }], mode));
        await deps.postResponse(responseUrl, { response_type: 'in_channel', replace_original: false, text: fallbackText(result), blocks: answerBlocks(result) });
      } catch (error) {
        deps.log(`slack: /wedge failed: ${(error as Error).message}`);
        await deps.postResponse(responseUrl, { response_type: 'ephemeral', text: APOLOGY }).catch(() => {});
      }
    });
    return { response_type: 'ephemeral', text: `Working on it: “${question}”…` };
  }

  async function handleInteraction(payload: {
    type?: string; user?: { id?: string }; channel?: { id?: string }; response_url?: string;
    message?: { ts?: string; thread_ts?: string }; actions?: Array<{ action_id?: string; value?: string }>;
  }): Promise<void> {
    const action = payload.actions?.[0];
    if (payload.type !== 'block_actions' || !action?.action_id?.startsWith('wedge_')) return;
    let value: ButtonValue;
    try {
      value = JSON.parse(action.value ?? '') as ButtonValue;
    } catch {
      return;
    }
    const channel = payload.channel?.id;
    const threadTs = payload.message?.thread_ts ?? payload.message?.ts;
    schedule(async () => {
      try {
        if (action.action_id === 'wedge_feedback_up' || action.action_id === 'wedge_feedback_down') {
          await deps.recordFeedback({ at: clock().toISOString(), vote: action.action_id.endsWith('up') ? 'up' : 'down', answerId: value.id, question: value.q, mode: value.mode, user: payload.user?.id, channel });
          if (payload.response_url) await deps.postResponse(payload.response_url, { response_type: 'ephemeral', replace_original: false, text: 'Thanks, your feedback is recorded.' });
          return;
        }
        if (!channel) return;
        if (action.action_id === 'wedge_steelman') {
          const result = remember(await deps.answer([{ role: 'user', content: value.q }], 'steelman'));
          await post(channel, threadTs, answerBlocks(result), fallbackText(result));
        } else if (action.action_id === 'wedge_sources') {
          const result = answers.get(value.id) ?? remember(await deps.answer([{ role: 'user', content: value.q }], value.mode));
          const blocks = answerBlocks(result, { fullQuotes: true }).filter((block) => block.type === 'context');
          await post(channel, threadTs, [{ type: 'section', text: { type: 'mrkdwn', text: '*Sources, quoted in full:*' } }, ...blocks], 'Sources');
        }
      } catch (error) {
        deps.log(`slack: button ${action.action_id} failed: ${(error as Error).message}`);
        if (channel) await post(channel, threadTs, undefined, APOLOGY).catch(() => {});
      }
    });
  }

  return {
    handleEvent,
    handleCommand,
    handleInteraction,
    /** Resolves when every background task has finished (tests and graceful shutdown wait on it). */
    async idle(): Promise<void> {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
}

/** The bot's handlers. */
export type SlackBot = ReturnType<typeof createSlackBot>;
