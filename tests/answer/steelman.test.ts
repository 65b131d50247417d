import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyStance } from '../../src/answer/steelman/classify-stance.js';
import { readCorpusSettings } from '../../src/corpus/corpus-settings.js';
import { balanceLine } from '../../src/answer/steelman/balance-line.js';
import { deriveSides, stripSteelmanPrefix } from '../../src/answer/steelman/derive-sides.js';

describe('classifyStance', () => {
  it('reads "unlikely", "impossible" and dependence as against, "opportunity" and "incentives" as for', () => {
    expect(classifyStance('Russia’s partnership with China is unlikely to end.').stance).toBe('con');
    expect(classifyStance('Any US effort to pull Moscow out of Beijing is impossible.').stance).toBe('con');
    expect(classifyStance('With the right incentives, Moscow might be willing to moderate its ties with Beijing.').stance).toBe('pro');
    expect(classifyStance('In 1972 Nixon went to Beijing.').stance).toBe('neutral');
  });
  it('flips a cue under negation and lets the clause after "but" outweigh the one before', async () => {
    const cues = (await readCorpusSettings('corpus')).steelman?.cues;
    expect(classifyStance('That does not mean the marriage is unassailable.', cues).stance).toBe('pro');
    expect(classifyStance('Russia may harbor concerns about China, but the split is unlikely.').stance).toBe('con');
  });
  it('adds a corpus\'s own cues (wedge.yaml) to its general ones, and reads a cue-less sentence as neutral', async () => {
    const cues = (await readCorpusSettings('corpus')).steelman?.cues;
    expect(classifyStance('Moscow now depends on Beijing as its economic lifeline.').stance).toBe('neutral');
    expect(classifyStance('Moscow now depends on Beijing as its economic lifeline.', cues).stance).toBe('con');
    expect(classifyStance('The merger is doomed to fail, whatever the board offers.').stance).toBe('con');
  });
  it('keeps the verdicts it remembers apart per cue set, so two corpora judge one sentence each by their own cues', () => {
    const sentence = 'The alliance rests on a shared border.';
    const against = { con: ['shared border'] };
    const for_ = { pro: ['shared border'] };
    expect(classifyStance(sentence).stance).toBe('neutral');
    expect(classifyStance(sentence, against).stance).toBe('con');
    expect(classifyStance(sentence, for_).stance).toBe('pro');
    expect(classifyStance(sentence, against)).toEqual({ stance: 'con', score: -1 });
  });

  it('labels at least 70% of the hand-labelled sentences in evals/stance.jsonl correctly with the corpus\'s cues', async () => {
    const cues = (await readCorpusSettings('corpus')).steelman?.cues;
    const rows = readFileSync('evals/stance.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { sentence: string; stance: string });
    expect(rows.length).toBeGreaterThanOrEqual(60);
    const correct = rows.filter((row) => classifyStance(row.sentence, cues).stance === row.stance).length;
    expect(correct / rows.length).toBeGreaterThanOrEqual(0.7);
  });
});

describe('deriveSides', () => {
  const settings = { steelman: { sides: [{ label: 'Can work', thesis: 'It can.' }, { label: 'Won\'t work', thesis: 'It cannot.' }] as [{ label: string; thesis: string }, { label: string; thesis: string }] } };
  it('takes sides a question names ("A vs B", "whether A or B")', async () => {
    expect((await deriveSides('Steelman: engagement vs deterrence?')).map((s) => s.label)).toEqual(['engagement', 'deterrence']);
    expect((await deriveSides('Argue both sides of whether sanctions work or sanctions backfire')).map((s) => s.label)).toEqual(['sanctions work', 'sanctions backfire']);
  });
  it('argues the two courses a "Should X do A or B?" question names, as sentences, even where the corpus has default sides', async () => {
    expect(await deriveSides('Should Washington court Moscow or keep up the pressure on it?', settings)).toEqual([
      { label: 'Court Moscow', thesis: 'Washington should court Moscow.' },
      { label: 'Keep up the pressure on Moscow', thesis: 'Washington should keep up the pressure on Moscow.' },
    ]);
    expect((await deriveSides('Steelman both sides: should the EU impose tariffs on Chinese cars or negotiate with Beijing?')).map((s) => s.thesis))
      .toEqual(['The EU should impose tariffs on Chinese cars.', 'The EU should negotiate with Beijing.']);
    expect((await deriveSides('Should the US choose engagement or deterrence?')).map((s) => s.thesis)).toEqual(['The US should choose engagement.', 'The US should choose deterrence.']);
  });
  it('reads a second course\'s "it" or "them" as the first course\'s object only when that course has one noun phrase', async () => {
    expect((await deriveSides('Should the US lift sanctions or keep them?')).map((s) => s.thesis)).toEqual(['The US should lift sanctions.', 'The US should keep sanctions.']);
    expect((await deriveSides('Should the West arm Ukraine or push it to negotiate?')).map((s) => s.label)).toEqual(['Arm Ukraine', 'Push Ukraine to negotiate']);
    expect((await deriveSides('Should Europe buy gas from Russia or stop it?')).map((s) => s.thesis)).toEqual(['Europe should buy gas from Russia.', 'Europe should stop it.']);
  });
  it('falls back to the corpus\'s default sides, then to the question\'s thesis and its negation written as sentences', async () => {
    expect((await deriveSides('Steelman both sides: can the US pull Russia away?', settings)).map((s) => s.label)).toEqual(['Can work', 'Won\'t work']);
    expect(await deriveSides('Steelman both sides: is the plan wise?')).toEqual([{ label: 'Yes', thesis: 'The plan is wise.' }, { label: 'No', thesis: 'The plan is not wise.' }]);
    expect((await deriveSides("Can Russia's leaders trust Washington?")).map((s) => s.thesis)).toEqual(["Russia's leaders can trust Washington.", "Russia's leaders cannot trust Washington."]);
    expect(stripSteelmanPrefix('Steelman both sides: is the plan wise?')).toBe('is the plan wise?');
  });
  it('keeps "yes" and "no" to the question itself when it does not open with an auxiliary', async () => {
    expect((await deriveSides('Why the split fails')).map((s) => s.label)).toEqual(['Yes', 'No']);
  });
});

describe('balanceLine', () => {
  const sides: [{ label: string }, { label: string }] = [{ label: 'Can work' }, { label: 'Won\'t work' }];
  it('calls counts within 1.25× of each other roughly balanced, up to 2× leaning, beyond that mostly one side', () => {
    expect(balanceLine(sides, [8, 10])).toMatch(/^Support is roughly balanced: 8 passages for “Can work”, 10 for “Won't work”\.$/);
    expect(balanceLine(sides, [4, 5])).toMatch(/roughly balanced/);
    expect(balanceLine(sides, [4, 6])).toMatch(/^The articles lean toward “Won't work”: 6 passages against 4 for “Can work”\.$/);
    expect(balanceLine(sides, [5, 10])).toMatch(/lean toward “Won't work”/);
    expect(balanceLine(sides, [8, 15])).toMatch(/lean toward “Won't work”/);
    expect(balanceLine(sides, [4, 9], [2, 0])).toBe('The articles mostly argue “Won\'t work”: 9 passages against 4; the case for “Can work” rests on few passages, 2 of them from articles that argue the other side.');
    expect(balanceLine(sides, [12, 5])).toMatch(/mostly argue “Can work”/);
  });
  it('says plainly when one side has no passage, or neither has', () => {
    expect(balanceLine(sides, [0, 7])).toMatch(/No passage in the articles argues “Can work”/);
    expect(balanceLine(sides, [0, 0])).toMatch(/no clear position/);
  });
});
