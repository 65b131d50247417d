import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../../../src/answer/answer-question.js';
import { loadConfig } from '../../../src/config/load-config.js';
import { createApp } from '../../../src/server/create-app.js';
import { createSlackBotFromConfig } from '../../../src/server/slack/create-slack-bot-from-config.js';
import { signSlackRequest, verifySlackSignature } from '../../../src/server/slack/verify-slack-signature.js';
import { offlineDeps } from '../../helpers/default-index.js';
import { startFakeSlack } from '../../helpers/fake-slack-server.js';

const SECRET = 'test-signing-secret';
const NOW = new Date('2026-11-23T12:00:00Z');
const nowSeconds = String(Math.floor(NOW.getTime() / 1000));
const feedbackFile = path.join(os.tmpdir(), `wedge-feedback-${process.pid}.jsonl`);
const stateFile = path.join(os.tmpdir(), `wedge-slack-state-${process.pid}.sqlite`);
const logs: string[] = [];
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let deps: AnswerDeps;
let app: ReturnType<typeof createApp>;
let bot: NonNullable<ReturnType<typeof createSlackBotFromConfig>>['bot'];

beforeAll(async () => {
  slack = await startFakeSlack();
  deps = await offlineDeps();
  const config = loadConfig({ SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-secret-token', SLACK_API_URL: slack.apiUrl, WEDGE_FEEDBACK_FILE: feedbackFile, WEDGE_STATE_FILE: stateFile });
  const wired = createSlackBotFromConfig(config, () => deps, (m) => logs.push(m))!;
  bot = wired.bot;
  app = createApp({ deps: () => deps, clock: () => NOW, log: (m) => logs.push(m), slack: wired });
});
afterAll(async () => { await slack.close(); await rm(feedbackFile, { force: true }); for (const suffix of ['', '-wal', '-shm']) await rm(`${stateFile}${suffix}`, { force: true }); });
beforeEach(() => { slack.calls.length = 0; });

function signed(pathname: string, body: string, contentType: string, headers: Record<string, string> = {}, timestamp = nowSeconds) {
  return app.request(pathname, { method: 'POST', body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signSlackRequest(SECRET, timestamp, body), ...headers } });
}
const event = (id: string, ev: Record<string, unknown>) => JSON.stringify({ type: 'event_callback', event_id: id, event: ev });
const posts = () => slack.calls.filter((c) => c.method === 'chat.postMessage');

describe('Slack request signatures', () => {
  it('matches Slack\'s documented example request and signature', () => {
    const body = 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    const expected = 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503';
    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', '1531420618', body)).toBe(expected);
    expect(verifySlackSignature({ signingSecret: '8f742231b10e8888abcd99yyyzzz85a5', timestamp: '1531420618', signature: expected, rawBody: body, nowSeconds: 1531420618 + 60 })).toBe(true);
  });

  it('answers url_verification with the challenge', async () => {
    const res = await signed('/slack/events', JSON.stringify({ type: 'url_verification', challenge: 'abc123' }), 'application/json');
    expect(await res.json()).toEqual({ challenge: 'abc123' });
  });

  it('rejects a bad signature and a stale timestamp with 401 and the JSON error shape', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'x' });
    const bad = await app.request('/slack/events', { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': nowSeconds, 'x-slack-signature': 'v0=deadbeef' } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_signature', message: 'Slack request signature or timestamp is invalid.' } });
    const stale = String(Number(nowSeconds) - 6 * 60);
    expect((await signed('/slack/events', body, 'application/json', {}, stale)).status).toBe(401);
    expect((await app.request('/slack/commands', { method: 'POST', body: 'text=hi' })).status).toBe(401);
  });

  it('keeps Slack routes off (404) when no signing secret is configured', async () => {
    const plain = createApp({ deps: () => deps, log: () => {} });
    expect((await plain.request('/slack/events', { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('the Slack bot', () => {
  it('answers a mention with exactly one threaded reply of Block Kit with citation context blocks, even when Slack retries', async () => {
    const mention = { type: 'app_mention', user: 'U1', text: "<@UBOT> why won't the split work?", channel: 'C1', ts: '1700000000.000100' };
    const res = await signed('/slack/events', event('Ev1', mention), 'application/json');
    expect(res.status).toBe(200);
    await signed('/slack/events', event('Ev1', mention), 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    await signed('/slack/events', event('Ev2', { ...mention, type: 'message', channel_type: 'channel' }), 'application/json');
    await bot.idle();
    expect(posts()).toHaveLength(1);
    const args = posts()[0]!.args as { channel: string; thread_ts: string; blocks: Array<{ type: string; elements?: Array<{ text?: string; action_id?: string }> }> };
    expect(args).toMatchObject({ channel: 'C1', thread_ts: mention.ts });
    expect(args.blocks[0]!.type).toBe('section');
    const contexts = args.blocks.filter((b) => b.type === 'context');
    expect(contexts.length).toBeGreaterThan(0);
    expect(contexts[0]!.elements![0]!.text).toMatch(/^\[1\] \*.+\*\n“.+”$/s);
    expect(args.blocks.find((b) => b.type === 'actions')!.elements!.map((e) => e.action_id)).toEqual(['wedge_steelman', 'wedge_sources', 'wedge_feedback_up', 'wedge_feedback_down']);
    expect(slack.calls.find((c) => c.method === 'chat.postMessage')!.authorization).toBe('Bearer xoxb-secret-token');
  });

  it('uses earlier thread messages as the conversation for a follow-up', async () => {
    slack.setReplies([
      { user: 'U1', text: '<@UBOT> Who is Jin Canrong?', ts: '1700000100.000100' },
      { bot_id: 'BBOT', user: 'UBOT', text: 'Jin Canrong is a professor at Renmin University.', ts: '1700000101.000100' },
      { user: 'U1', text: '<@UBOT> what does he say about the border?', ts: '1700000102.000100' },
    ]);
    await signed('/slack/events', event('Ev3', { type: 'app_mention', user: 'U1', text: '<@UBOT> what does he say about the border?', channel: 'C1', ts: '1700000102.000100', thread_ts: '1700000100.000100' }), 'application/json');
    await bot.idle();
    expect(slack.calls.find((c) => c.method === 'conversations.replies')!.args).toMatchObject({ channel: 'C1', ts: '1700000100.000100' });
    const blocks = JSON.stringify(posts()[0]!.args.blocks);
    expect(blocks).toMatch(/Trump Wants to “Join Forces with Russia Against China/);
    expect(posts()[0]!.args.thread_ts).toBe('1700000100.000100');
  });

  it('answers a direct message in the DM and ignores messages from bots, including itself', async () => {
    await signed('/slack/events', event('Ev4', { type: 'message', channel_type: 'im', user: 'U2', text: 'What does China fear?', channel: 'D1', ts: '1700000200.000100' }), 'application/json');
    await signed('/slack/events', event('Ev5', { type: 'message', channel_type: 'im', bot_id: 'BBOT', user: 'UBOT', text: 'an answer', channel: 'D1', ts: '1700000201.000100' }), 'application/json');
    await signed('/slack/events', event('Ev6', { type: 'message', channel_type: 'im', user: 'UBOT', text: 'echo', channel: 'D1', ts: '1700000202.000100' }), 'application/json');
    await bot.idle();
    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.args).toMatchObject({ channel: 'D1' });
    expect(posts()[0]!.args.thread_ts).toBeUndefined();
  });

  it('acknowledges /wedge at once, then posts the steelman answer to response_url', async () => {
    const body = new URLSearchParams({ command: '/wedge', text: 'steelman can the US pull Russia away from China?', response_url: slack.responseUrl('cmd1'), user_id: 'U1', channel_id: 'C1' }).toString();
    const res = await signed('/slack/commands', body, 'application/x-www-form-urlencoded');
    expect(await res.json()).toEqual({ response_type: 'ephemeral', text: 'Working on it: “can the US pull Russia away from China?”…' });
    await bot.idle();
    const response = slack.calls.find((c) => c.method === '/response/cmd1')!;
    expect(response.args).toMatchObject({ response_type: 'in_channel' });
    const text = JSON.stringify(response.args.blocks);
    expect(text).toMatch(/\*The split can work\* \(\d+ passages?\)/);
    expect(text).toMatch(/\*The split won't work\* \(\d+ passages?\)/);
  });

  it('re-asks in steelman mode from the button, and records 👍/👎 feedback to the JSONL file', async () => {
    const value = JSON.stringify({ q: 'What does China fear?', id: 'ans_1', mode: 'answer' });
    const click = (action_id: string) => signed('/slack/interactions', new URLSearchParams({ payload: JSON.stringify({
      type: 'block_actions', user: { id: 'U9' }, channel: { id: 'C1' }, response_url: slack.responseUrl('btn'), message: { ts: '1700000300.000100' }, actions: [{ action_id, value }],
    }) }).toString(), 'application/x-www-form-urlencoded');
    expect((await click('wedge_steelman')).status).toBe(200);
    await click('wedge_feedback_down');
    await click('wedge_sources');
    await bot.idle();
    expect(posts().map((p) => p.args.thread_ts)).toEqual(['1700000300.000100', '1700000300.000100']);
    expect(JSON.stringify(posts()[0]!.args.blocks)).toMatch(/passages?\)/);
    expect(JSON.stringify(posts()[1]!.args.blocks)).toMatch(/Sources, quoted in full/);
    const lines = (await readFile(feedbackFile, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toMatchObject({ vote: 'down', answerId: 'ans_1', question: 'What does China fear?', user: 'U9', channel: 'C1' });
  });

  it('honours Slack\'s 429 with Retry-After, then posts once; apologises in Slack when answering fails; never logs the token', async () => {
    slack.rateLimitNext('chat.postMessage');
    await signed('/slack/events', event('Ev7', { type: 'app_mention', user: 'U1', text: '<@UBOT> What does China fear?', channel: 'C2', ts: '1700000400.000100' }), 'application/json');
    await bot.idle();
    expect(posts()).toHaveLength(2);
    expect(posts().every((p) => p.args.channel === 'C2')).toBe(true);
    const failing = { ...deps, generator: { name: 'broken', generate: async () => { throw new Error('boom'); } } };
    const original = deps;
    deps = failing;
    try {
      await signed('/slack/events', event('Ev8', { type: 'app_mention', user: 'U1', text: '<@UBOT> What does China fear?', channel: 'C3', ts: '1700000500.000100' }), 'application/json');
      await bot.idle();
    } finally {
      deps = original;
    }
    const apology = posts().find((p) => p.args.channel === 'C3')!;
    expect(apology.args.text).toMatch(/^Sorry, I could not answer that just now/);
    expect(logs.join('\n')).toMatch(/could not answer C3/);
    expect(logs.join('\n')).not.toMatch(/xoxb-secret-token|test-signing-secret/);
  });
});
