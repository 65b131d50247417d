import { describe, expect, it } from 'vitest';
import { scoreSupport } from '../../src/answer/citations/score-support.js';

const source = 'Trade between Moscow and Beijing now tops $200bn, and Russia’s partnership with China is unlikely to end.';

describe('scoreSupport', () => {
  it('supports a paraphrase that keeps the source\'s content words', () => {
    expect(scoreSupport('Russia’s partnership with China is unlikely to end.', source).level).toBe('supported');
  });
  it('rejects a changed number', () => {
    const result = scoreSupport('Trade between Moscow and Beijing now tops $900bn.', source);
    expect(result).toMatchObject({ level: 'unsupported' });
    expect(result.reason).toMatch(/number 900bn/);
  });
  it('rejects a flipped negation ("likely" for "unlikely")', () => {
    expect(scoreSupport('The partnership between Russia and China is likely to end soon.', 'The partnership between Russia and China is unlikely to end.').level).toBe('unsupported');
  });
  it('rejects a claim about something the source does not mention', () => {
    expect(scoreSupport('The Super Bowl was won by the Eagles.', source).level).toBe('unsupported');
  });
});
