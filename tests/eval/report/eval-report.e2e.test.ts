import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir.js';

const CHROMIUM = '/usr/bin/chromium';
const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();
// The question bank is measured by CI's own `npm run eval`; here it is skipped (no data folder) to keep the test short.
const env = { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache'), WEDGE_DATA_DIR: path.join(root, 'no-such-data-dir') };

describe.skipIf(!existsSync(CHROMIUM))('wedge eval --baseline --html, opened in a real browser', () => {
  it('shows the summary with a delta per metric, the chart and one card per miss, and fits 1280 px and 390 px windows', async () => {
    const dir = await tempDir();
    const index = ['--index', path.join(dir, 'default')];
    // Exit 1 only means a gate failed; the saved run is still a run.
    const first = await run(process.execPath, [bin, 'eval', '--json', ...index], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout: string }) => e);
    await writeFile(path.join(dir, 'base.json'), first.stdout);
    const second = await run(process.execPath, [bin, 'eval', ...index, '--baseline', path.join(dir, 'base.json'), '--html', path.join(dir, 'report.html')], { cwd: root, env, maxBuffer: 64 * 1024 * 1024 }).catch((e: { stdout: string }) => e);
    expect(second.stdout).toMatch(/No question changed outcome\./);
    const saved = JSON.parse(first.stdout) as { outcomes: Array<{ kind: string }> };
    const misses = saved.outcomes.filter((o) => o.kind !== 'pass').length;
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      for (const width of [1280, 390]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.goto(`file://${path.join(dir, 'report.html')}`);
        await expect(page.getByTestId('summary').count()).resolves.toBe(1);
        await expect(page.getByTestId('chart').count()).resolves.toBe(1);
        const deltas = await page.getByTestId('metric-delta').allTextContents();
        expect(deltas.length).toBeGreaterThanOrEqual(5);
        expect(new Set(deltas)).toEqual(new Set(['±0.0']));
        await expect(page.getByTestId('miss').count()).resolves.toBe(misses);
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        // The filters hide the misses of other splits.
        await page.locator('[data-filter-split="test"]').click();
        const shown = await page.locator('[data-testid="miss"]:visible').count();
        expect(shown).toBe(saved.outcomes.filter((o) => o.kind !== 'pass' && (o as unknown as { split: string }).split === 'test').length);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 180_000);
});
