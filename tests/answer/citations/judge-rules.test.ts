import { describe, expect, it } from 'vitest';
import { judgeKnowledge } from '../../../src/answer/citations/judge-knowledge.js';
import { scoreSupport } from '../../../src/answer/citations/score-support.js';
import { speakersOf } from '../../../src/answer/citations/changed-attribution.js';
import { sharedGlove } from '../../helpers/glove.js';

const judge = async (claim: string, source: string) => scoreSupport(claim, source, judgeKnowledge(await sharedGlove()));

describe('the judge reads roles, not just words', () => {
  it('rejects parallel clauses whose roles are traded, and accepts them in order', async () => {
    const source = 'Russia supplies raw materials and energy, while China offers technology and capital.';
    expect((await judge('Russia supplies technology and capital, while China offers raw materials and energy.', source)).level).toBe('unsupported');
    expect((await judge('Kenya grows tea and coffee, whereas Chile mines copper and lithium.', 'Chile grows tea and coffee, whereas Kenya mines copper and lithium.')).level).toBe('unsupported');
    expect((await judge('Kenya has rich farmland and Chile a long coastline.', 'Chile has rich farmland, with Kenya having a long coastline.')).level).toBe('unsupported');
    expect((await judge('Kenya sells tea to Chile, while Chile sells copper to Kenya.', 'Kenya sells tea, while Chile sells copper.')).reason).not.toMatch(/trade places/);
    expect((await judge('Russia provides energy and raw materials, while China supplies capital and technology.', source)).level).toBe('supported');
  });
  it('rejects subject and object of one verb swapped, but not the same fact in the passive', async () => {
    expect((await judge('Germany depends on Norway for gas.', 'Norway depends on Germany for gas.')).level).toBe('unsupported');
    expect((await judge('Norway is relied on by Germany for gas.', 'Germany relies on Norway for gas.')).reason).not.toMatch(/trade places/);
  });
  it('rejects a name moved to another noun ("Russian technology" for "Chinese technology")', async () => {
    const result = await judge('India imports Brazilian coffee and exports Kenyan tea.', 'India imports Kenyan coffee and exports Brazilian tea.');
    expect(result.level).toBe('unsupported');
  });
  it('rejects a statement credited to someone else, and names the speakers', async () => {
    const result = await judge('Sun says the alliance could crack.', 'Paulsen says the alliance could crack.');
    expect(result).toMatchObject({ level: 'unsupported' });
    expect(result.reason).toMatch(/credits “sun” where the source credits “paulsen”/);
    expect([...speakersOf('According to Maria Lopez, prices will rise.')]).toEqual(['maria', 'lopez']);
    expect([...speakersOf('“It is foolish,” said Kong.')]).toEqual(['kong']);
  });
  it('rejects a hedge made a fact (could → will) and accepts a kept hedge', async () => {
    const source = 'Even a small crack in the alliance could force the minister to reconsider his reliance on the bank.';
    expect((await judge('Even a small crack in the alliance will force the minister to drop his reliance on the bank.', source)).level).toBe('unsupported');
    expect((await judge('A small crack in the alliance might force the minister to reconsider his reliance on the bank.', source)).level).toBe('supported');
    expect((await judge('The plan is not likely to work.', 'The plan could not work.')).reason).not.toMatch(/hedges/);
  });
  it('rejects a quantifier made universal and "one of the largest" made "the largest"', async () => {
    expect((await judge('All officials in the capital see the approach as a failure.', 'Many officials in the capital see the approach as a failure.')).level).toBe('unsupported');
    expect((await judge('Canada is the largest exporter of wheat.', 'Canada is one of the largest exporters of wheat.')).level).toBe('unsupported');
  });
  it('rejects cause and effect reversed', async () => {
    const result = await judge('Falling prices led to the drought.', 'The drought led to falling prices.');
    expect(result.level).toBe('unsupported');
    expect((await judge('Prices fell because of the drought.', 'The drought led to falling prices.')).reason).not.toMatch(/cause and effect/);
  });
  it('keeps catching flipped negations and changed numbers', async () => {
    expect((await judge('Moscow is desperate for a rapprochement.', 'Moscow is not desperate for a rapprochement.')).level).toBe('unsupported');
    expect((await judge('Trade reached $327 billion in 2024.', 'Trade reached $237 billion in 2024.')).level).toBe('unsupported');
  });
});

describe('the judge aligns paraphrases', () => {
  it('supports a faithful paraphrase through word vectors and says which words it aligned', async () => {
    const result = await judge('Moscow simply cannot afford to abandon Beijing.', 'In short, Moscow could not afford to ditch Beijing, even if it wanted to.');
    expect(result.level).not.toBe('unsupported');
    const plain = scoreSupport('Russia relies heavily on China as a buyer of its oil.', 'Russia depends heavily on China as a purchaser of its oil.');
    const aligned = await judge('Russia relies heavily on China as a buyer of its oil.', 'Russia depends heavily on China as a purchaser of its oil.');
    expect(aligned.score).toBeGreaterThan(plain.score);
    expect(aligned.level).toBe('supported');
    expect(aligned.reason).toMatch(/aligned by meaning: .*“relies” ~ “depends”/);
  });
  it('names the words it could not align', async () => {
    const result = await judge('Economic relief came with no conditions attached for the farmers.', 'Economic relief came for the farmers.');
    expect(result.reason).toMatch(/not in the source: .*“conditions”/);
  });
  it('does not align one country to another because their vectors are close', async () => {
    const result = await judge('The minister calls Russia the most dangerous threat to growth.', 'The minister calls China the most dangerous threat to growth.');
    expect(result.level).not.toBe('supported');
  });
});
