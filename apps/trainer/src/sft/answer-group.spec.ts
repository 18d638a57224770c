import { answerGroupOf } from './answer-group';

describe('answerGroupOf', () => {
  it('is the task and the question kind the metadata records', () => {
    const metadata = JSON.stringify({ generator: 'yes-no', question: { kind: 'attribute', template: 'x' }, scene: {} });
    expect(answerGroupOf({ task: 'yes_no', metadata })).toBe('yes_no/attribute');
    expect(answerGroupOf({ task: 'chart', metadata: JSON.stringify({ question: { kind: 'largest' } }) })).toBe('chart/largest');
  });

  it('is the task alone without a usable kind: no metadata, not JSON, no kind, or a kind that is not a name', () => {
    for (const metadata of [null, '', '{not json', 'null', '{"question":{}}', '{"question":{"kind":3}}', '{"question":{"kind":"a/b"}}']) {
      expect([metadata, answerGroupOf({ task: 'grounding', metadata })]).toEqual([metadata, 'grounding']);
    }
  });
});
