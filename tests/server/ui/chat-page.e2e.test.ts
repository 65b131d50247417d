import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/server/create-app.js';
import { offlineDeps } from '../../helpers/default-index.js';
import { serveOnFreePort } from '../../helpers/serve-app.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = 'test-artifacts/screenshots';
const hostile = {
  meta: { id: 'markup-sample', title: 'Markup in the pipeline gas report', publisher: 'Test Desk' },
  body: 'Pipeline gas report.\n\nThe pipeline gas report quoted <img src=x onerror=alert(1)> and <script>alert(2)</script> as raw text about Siberian pipeline gas volumes.\n',
  file: 'markup-sample.md',
};

let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let origin: string;
let browser: Browser;
let deps: Awaited<ReturnType<typeof offlineDeps>>;
let page: Page;
const requests: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  deps = await offlineDeps([hostile]);
  const app = createApp({ deps: () => deps, log: () => {} });
  server = await serveOnFreePort(app);
  origin = server.origin;
  await mkdir(SHOTS, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server.close();
});

beforeEach(async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await page.goto(origin);
  await page.evaluate('localStorage.clear()');
  await page.reload();
});

async function askQuestion(text: string): Promise<void> {
  await page.getByTestId('question-input').fill(text);
  await page.getByTestId('question-input').press('Enter');
  await page.getByTestId('answer').last().locator('.tools').waitFor();
}

describe.skipIf(!existsSync(CHROMIUM))('the chat page in a real browser', () => {
  it('shows starter questions, streams a cited answer, and opens a citation highlighted in its article', async () => {
    await expect.poll(() => page.locator('#starters button').count()).toBe(4);
    await askQuestion("Why won't the split work?");
    const answer = page.getByTestId('answer').last();
    expect(await answer.getByTestId('citation').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/answer.png` });
    await answer.getByTestId('citation').first().click();
    const passage = page.getByTestId('passage');
    await passage.locator('mark').waitFor();
    const marked = await passage.locator('mark').textContent();
    const title = await passage.locator('h2').textContent();
    expect(marked!.length).toBeGreaterThan(20);
    expect(title).toBeTruthy();
    expect(await passage.locator('mark').isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/passage.png` });
    await answer.getByRole('button', { name: 'Copy as Markdown' }).click();
    const copied = await page.evaluate<string>('navigator.clipboard.readText()');
    expect(copied).toMatch(/^\*\*Q:\*\* Why won't the split work\?\n\n[\s\S]*\[1\][\s\S]*\n\nSources:\n\[1\] /);
  });

  it('shows a thinking state while waiting, and Stop aborts the request', async () => {
    await page.route('**/api/chat', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.fulfill({ status: 200, body: '' }).catch(() => {});
    });
    await page.getByTestId('question-input').fill('What does China fear?');
    await page.getByTestId('send').click();
    await expect.poll(() => page.locator('#status').getAttribute('class')).toMatch(/thinking/);
    expect(await page.getByTestId('stop').isVisible()).toBe(true);
    await page.getByTestId('stop').click();
    await expect.poll(() => page.locator('.answer.error').last().textContent()).toBe('Stopped.');
    expect(await page.getByTestId('send').isVisible()).toBe(true);
  });

  it('switches to steelman and shows two sides, each with a thesis, cited points and a support count', async () => {
    await page.getByTestId('mode-steelman').click();
    await askQuestion('Can the US pull Russia away from China?');
    const sides = page.getByTestId('side');
    await expect.poll(() => sides.count()).toBe(2);
    for (const side of await sides.all()) {
      expect(await side.locator('h3').textContent()).toBeTruthy();
      expect(await side.textContent()).toMatch(/\d+ passages? support this side/);
      expect(await side.getByTestId('citation').count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: `${SHOTS}/steelman.png`, fullPage: true });
  });

  it('keeps the conversation across a reload, continues it with a follow-up, and clears it with New chat', async () => {
    await askQuestion('Who is Jin Canrong?');
    await page.reload();
    await expect.poll(() => page.getByTestId('answer').count()).toBe(1);
    await askQuestion('What does he say about the border?');
    const lastCitations = page.getByTestId('answer').last().getByTestId('citation');
    await lastCitations.first().click();
    await page.getByTestId('passage').locator('mark').waitFor();
    expect(await page.getByTestId('passage').locator('h2').textContent()).toMatch(/Not That Easy/);
    await page.getByTestId('new-chat').click();
    await expect.poll(() => page.getByTestId('answer').count()).toBe(0);
    await expect.poll(() => page.locator('#empty').isVisible()).toBe(true);
  });

  it('says plainly when the articles do not cover a question, and shows server errors instead of a blank screen', async () => {
    await askQuestion('Who won the Super Bowl?');
    expect(await page.getByTestId('answer').last().textContent()).toMatch(/The articles don't cover this/);
    await page.route('**/api/chat', (route) => route.fulfill({ status: 429, headers: { 'retry-after': '30', 'content-type': 'application/json' }, body: '{"error":{"code":"rate_limited","message":"slow down"}}' }));
    await page.getByTestId('question-input').fill('What does China fear?');
    await page.getByTestId('send').click();
    await expect.poll(() => page.locator('.answer.error').textContent()).toBe('Too many requests. Try again in 30 s.');
    await page.route('**/api/chat', (route) => route.abort('connectionrefused'));
    await page.getByTestId('question-input').fill('What does China fear?');
    await page.getByTestId('send').click();
    await expect.poll(() => page.locator('.answer.error').last().textContent()).toBe('Cannot reach the wedge server. Is it running?');
  });

  it('renders article text with markup as literal characters, never as HTML', async () => {
    await askQuestion('What did the pipeline gas report quote about Siberian pipeline gas volumes?');
    const answer = page.getByTestId('answer').last();
    const citation = answer.getByRole('button', { name: /Markup in the pipeline gas report/ }).first();
    await citation.click();
    const passage = page.getByTestId('passage');
    await passage.locator('mark').waitFor();
    expect(await passage.locator('#passage-text').textContent()).toContain('<img src=x onerror=alert(1)> and <script>alert(2)</script>');
    expect(await passage.locator('img, script').count()).toBe(0);
    expect(await answer.locator('img, script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('fits a 390 px phone screen with no horizontal scrolling, and sends no request beyond this server', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('mode-steelman').click();
    await askQuestion('Can the US pull Russia away from China?');
    const width = await page.evaluate<number[]>('[document.documentElement.scrollWidth, document.documentElement.clientWidth]');
    expect(width[0]).toBeLessThanOrEqual(width[1]!);
    await page.screenshot({ path: `${SHOTS}/phone-steelman.png` });
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
  });

  it('asks for an API key when the server requires one, then answers with it', async () => {
    const keyed = await serveOnFreePort(createApp({ deps: () => deps, apiKeys: ['page-key-0123456789abcdef'] }));
    try {
      await page.goto(keyed.origin);
      await page.getByTestId('question-input').fill('What does China fear?');
      await page.getByTestId('send').click();
      await expect.poll(() => page.locator('.answer.error').last().textContent()).toBe('This server needs an API key: enter it at the top of the page and ask again.');
      expect(await page.getByTestId('api-key').isVisible()).toBe(true);
      await page.getByTestId('api-key').fill('page-key-0123456789abcdef');
      await page.getByTestId('api-key').press('Tab');
      await askQuestion('What does China fear?');
      expect(await page.getByTestId('answer').last().getByTestId('citation').count()).toBeGreaterThan(0);
    } finally {
      await keyed.close();
    }
  });

  it('works from the keyboard: Shift+Enter adds a line, Tab reaches the citations, labels name the controls', async () => {
    const input = page.getByTestId('question-input');
    await input.fill('first line');
    await input.press('Shift+Enter');
    await input.type('second line');
    expect(await input.inputValue()).toBe('first line\nsecond line');
    await input.fill('');
    await askQuestion('What does China fear?');
    let focused = '';
    for (let i = 0; i < 20 && focused !== 'citation'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate<string>("document.activeElement?.dataset?.testid ?? ''");
    }
    expect(focused).toBe('citation');
    expect(await page.getByLabel('Your question').count()).toBe(1);
    expect(await page.getByTestId('answer').last().getAttribute('aria-live')).toBeNull();
    expect(await page.locator('[aria-live]').count()).toBeGreaterThan(0);
  });

  it('follows the conversation: the newest answer is in view after the third question, on desktop and phone, and Jump to latest returns to it', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      await page.setViewportSize(viewport);
      await page.getByTestId('new-chat').click();
      for (const question of ["Why won't the split work?", 'What does China fear?', 'What does history say about Nixon and Kissinger?']) await askQuestion(question);
      const top = async () => (await page.getByTestId('answer').last().boundingBox())!.y;
      // In view means readable: its top in the upper half of the window or the whole answer shown, not a sliver at the bottom edge.
      const box = (await page.getByTestId('answer').last().boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y < viewport.height / 2 || box.y + box.height <= viewport.height).toBe(true);
      await askQuestion('What would make the split work?');
      await page.evaluate('window.scrollTo(0, 0)');
      // Scrolled up to read: the newest answer is out of view, so the button offers the way back.
      expect(await top()).toBeGreaterThanOrEqual(viewport.height);
      await expect.poll(() => page.getByTestId('jump-latest').isVisible()).toBe(true);
      await page.getByTestId('jump-latest').click();
      await expect.poll(async () => { const y = await top(); return y >= 0 && y < viewport.height; }).toBe(true);
      await expect.poll(() => page.getByTestId('jump-latest').isVisible()).toBe(false);
    }
  }, 60_000);
});
