import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTarget } from '../../src/eval/eval-target.js';
import { runAnswerEval } from '../../src/eval/run-answer-eval.js';
import { createApp } from '../../src/server/create-app.js';
import { offlineDeps } from '../helpers/default-index.js';
import { serveOnFreePort } from '../helpers/serve-app.js';

let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let url: string;
beforeAll(async () => {
  const deps = await offlineDeps();
  const app = createApp({ deps: () => deps, log: () => {} });
  server = await serveOnFreePort(app);
  url = server.origin;
});
afterAll(() => server.close());

describe('evaluating a running server over HTTP (wedge eval --url)', () => {
  it('measures the same things through /api/chat, /api/search and /api/documents', async () => {
    const report = await runAnswerEval(httpTarget(url), {
      answerable: [{ id: 'a1', question: 'What share of China\'s energy imports passes through the Strait of Malacca?', type: 'lexical', gold: [{ docId: 'paulsen-peel-russia-from-china', quote: 'Strait of Malacca (the maritime route for 70% of China\'s energy imports)' }] }],
      unanswerable: [{ id: 'u1', question: 'Who won the Super Bowl?' }],
      steelman: [],
    });
    expect(report).toMatchObject({ target: url, generator: 'extractive', retrieval: { recallAt5: 1 }, answers: { answered: 1, goldCited: 1, citationValidity: 1 }, abstention: { declined: 1 } });
  });
});
