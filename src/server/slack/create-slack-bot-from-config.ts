import { WebClient } from '@slack/web-api';
import { answerQuestion, type AnswerDeps } from '../../answer/answer-question.js';
import type { Config } from '../../config/load-config.js';
import { createFeedbackRecorder } from './record-feedback.js';
import { createSharedRecentKeys } from './shared-recent-keys.js';
import { createSlackBot, type SlackBot } from './slack-bot.js';

/** Builds the Slack bot from config when SLACK_SIGNING_SECRET is set; undefined otherwise (routes off). */
export function createSlackBotFromConfig(config: Config, deps: () => AnswerDeps, log: (message: string) => void, fetchImpl: typeof fetch = fetch): { signingSecret: string; bot: SlackBot } | undefined {
  if (!config.slackSigningSecret || !config.slackBotToken) return undefined;
  // The official client retries Slack's 429s after their Retry-After; SLACK_API_URL points it at a proxy or a test fake.
  const client = new WebClient(config.slackBotToken, { ...(config.slackApiUrl ? { slackApiUrl: config.slackApiUrl.replace(/\/?$/, '/') } : {}) });
  const bot = createSlackBot({
    client,
    answer: (messages, mode) => answerQuestion(deps(), { messages, mode }),
    postResponse: async (url, body) => {
      const response = await fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
    },
    recordFeedback: createFeedbackRecorder(config.feedbackFile),
    // One file every worker opens, so WEDGE_WORKERS > 1 still answers each Slack event once.
    recentKeys: (scope) => createSharedRecentKeys(config.stateFile, { name: scope }),
    log,
  });
  return { signingSecret: config.slackSigningSecret, bot };
}
