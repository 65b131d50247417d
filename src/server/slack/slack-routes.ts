import { Hono } from 'hono';
import { WedgeError } from '../../errors/wedge-error.js';
import type { SlackBot } from './slack-bot.js';
import { verifySlackSignature } from './verify-slack-signature.js';

/** A Slack request whose signature or timestamp does not check out. */
export class SlackSignatureError extends WedgeError {
  constructor() { super(401, 'invalid_signature', 'Slack request signature or timestamp is invalid.'); }
}

/** POST /slack/events, /slack/commands, /slack/interactions: every request verified, every one acknowledged at once. */
export function slackRoutes(options: { signingSecret: string; bot: SlackBot; now?: () => Date }): Hono<{ Variables: { rawBody: string } }> {
  const now = options.now ?? (() => new Date());
  const app = new Hono<{ Variables: { rawBody: string } }>();
  app.use('*', async (c, next) => {
    const rawBody = await c.req.text();
    const valid = verifySlackSignature({
      signingSecret: options.signingSecret,
      timestamp: c.req.header('x-slack-request-timestamp'),
      signature: c.req.header('x-slack-signature'),
      rawBody,
      nowSeconds: Math.floor(now().getTime() / 1000),
    });
    if (!valid) throw new SlackSignatureError();
    c.set('rawBody', rawBody);
    await next();
  });
  app.post('/events', async (c) => {
    const envelope = JSON.parse(c.get('rawBody')) as { type?: string; challenge?: string };
    if (envelope.type === 'url_verification') return c.json({ challenge: envelope.challenge });
    await options.bot.handleEvent(envelope);
    return c.body(null, 200);
  });
  app.post('/commands', async (c) => c.json(await options.bot.handleCommand(new URLSearchParams(c.get('rawBody')))));
  app.post('/interactions', async (c) => {
    const payload = new URLSearchParams(c.get('rawBody')).get('payload');
    if (payload) await options.bot.handleInteraction(JSON.parse(payload));
    return c.body(null, 200);
  });
  return app;
}
