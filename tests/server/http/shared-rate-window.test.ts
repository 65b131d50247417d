import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryRateWindow } from '../../../src/server/http/rate-window.js';
import { sharedRateWindow } from '../../../src/server/http/shared-rate-window.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-rate-'));

describe('sharedRateWindow', () => {
  it('counts one limit across every handle on the file, as two workers would', () => {
    const file = path.join(dir, 'two-workers.sqlite');
    const first = sharedRateWindow(file);
    const second = sharedRateWindow(file);
    try {
      expect([first.admit('key-a', 1000, 3), second.admit('key-a', 1001, 3), first.admit('key-a', 1002, 3)]).toEqual([0, 0, 0]);
      // The fourth within the minute waits until the oldest (at 1000) leaves the window.
      expect(second.admit('key-a', 1003, 3)).toBe(60_000 - 3);
      expect(first.admit('key-b', 1003, 3)).toBe(0);
    } finally {
      first.close();
      second.close();
    }
  });

  it('admits a client again once its oldest request has left the window, and keeps the count across a restart', () => {
    const file = path.join(dir, 'restart.sqlite');
    const before = sharedRateWindow(file);
    expect([before.admit('k', 0, 2), before.admit('k', 10, 2), before.admit('k', 20, 2)]).toEqual([0, 0, 59_980]);
    before.close();
    const after = sharedRateWindow(file);
    try {
      expect(after.admit('k', 30, 2)).toBe(59_970);
      expect(after.admit('k', 60_001, 2)).toBe(0);
    } finally {
      after.close();
    }
  });
});

describe('memoryRateWindow', () => {
  it('says how long until the oldest request leaves the window, and forgets it after', () => {
    const window = memoryRateWindow(1000);
    expect([window.admit('k', 0, 1), window.admit('k', 400, 1), window.admit('k', 1000, 1)]).toEqual([0, 600, 0]);
  });
});
