import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSharedRecentKeys } from '../../../src/server/slack/shared-recent-keys.js';

const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-slack-state-'));
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('shared recent keys', () => {
  it('answers a Slack event once even when its retry reaches another worker (two handles on one file)', () => {
    const file = path.join(dir, 'two-workers.sqlite');
    const first = createSharedRecentKeys(file, { name: 'events' });
    const second = createSharedRecentKeys(file, { name: 'events' });
    expect(first.firstTime('Ev1')).toBe(true);
    expect(second.firstTime('Ev1')).toBe(false);
    expect(first.firstTime('Ev1')).toBe(false);
    expect(second.firstTime('Ev2')).toBe(true);
    first.close();
    second.close();
  });

  it('keeps scopes apart and forgets a key after its time to live', () => {
    let now = 1_000;
    const file = path.join(dir, 'ttl.sqlite');
    const events = createSharedRecentKeys(file, { name: 'events', ttlMs: 100, now: () => now });
    const messages = createSharedRecentKeys(file, { name: 'messages', ttlMs: 100, now: () => now });
    expect(events.firstTime('C1:1.0')).toBe(true);
    expect(messages.firstTime('C1:1.0')).toBe(true);
    now += 99;
    expect(events.firstTime('C1:1.0')).toBe(false);
    now += 1;
    expect(events.firstTime('C1:1.0')).toBe(true);
    events.close();
    messages.close();
  });

  it('remembers across a restart (the file outlives the process that wrote it)', () => {
    const file = path.join(dir, 'restart.sqlite');
    const before = createSharedRecentKeys(file, { name: 'events' });
    expect(before.firstTime('Ev9')).toBe(true);
    before.close();
    const after = createSharedRecentKeys(file, { name: 'events' });
    expect(after.firstTime('Ev9')).toBe(false);
    after.close();
  });
});
