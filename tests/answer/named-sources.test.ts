import { describe, expect, it } from 'vitest';
import { namedSources } from '../../src/answer/named-sources.js';
import type { ArticleMeta } from '../../src/corpus/article.js';

const docs = new Map<string, { meta: ArticleMeta }>([
  ['paulsen', { meta: { id: 'paulsen', title: 'Why it won\'t work', author: 'Julian D. Paulsen' } }],
  ['kong', { meta: { id: 'kong', title: 'Likely to backfire', author: 'Linggong Kong', publisher: 'Asia Times' } }],
  ['gm', { meta: { id: 'gm', title: 'Breaking the alliance?', publisher: 'Geopolitical Monitor' } }],
  ['how', { meta: { id: 'how', title: 'What China fears', publisher: 'HowNHowTo.com' } }],
]);

describe('namedSources', () => {
  it('finds the article a question names by full author name, surname, publisher or site name', () => {
    expect(namedSources('According to Julian Paulsen, what is the flaw?', docs)).toEqual(['paulsen']);
    expect(namedSources('What does Geopolitical Monitor recommend?', docs)).toEqual(['gm']);
    expect(namedSources('What does the Asia Times author think?', docs)).toEqual(['kong']);
    expect(namedSources('What does HowNHowTo say China hoped for?', docs)).toEqual(['how']);
  });
  it('does not take a short surname alone, or a publisher word on its own, for a name', () => {
    expect(namedSources('Did Hong Kong matter?', docs)).toEqual([]);
    expect(namedSources('What do the times say about the monitor?', docs)).toEqual([]);
  });
});
