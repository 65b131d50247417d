import { describe, expect, it } from 'vitest';
import { condenseConversation } from '../../src/answer/conversation/condense-conversation.js';

describe('condenseConversation (offline follow-ups)', () => {
  it('carries the names of earlier user turns into a follow-up with a pronoun', () => {
    const intent = condenseConversation([
      { role: 'user', content: 'Who is Jin Canrong?' },
      { role: 'assistant', content: 'A professor at Renmin University.' },
      { role: 'user', content: 'What does he say about the border?' },
    ]);
    expect(intent.question).toBe('What does he say about the border?');
    expect(intent.context).toContain('jin canrong');
  });
  it('leaves a first question alone and ignores what the assistant said', () => {
    expect(condenseConversation([{ role: 'user', content: 'What does China fear?' }])).toEqual({ question: 'What does China fear?', context: '' });
    const intent = condenseConversation([
      { role: 'user', content: 'What does China fear?' },
      { role: 'assistant', content: 'Yun Sun of the Stimson Center says...' },
      { role: 'user', content: 'And what about Taiwan?' },
    ]);
    expect(intent.context).not.toMatch(/stimson|yun/);
  });
});
