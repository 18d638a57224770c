import { questionDuplicateTargets, userTextSpan } from './question-duplicate-targets';

describe('questionDuplicateTargets', () => {
  // Ids stand for tokens: 7 " the", 20 " diamond", 31 " orange", 32 " purple", 40 "?", 41 ".", 90 "<think>", 91 "<answer>".
  // Row: [0] system, [1-5] "Is the diamond orange ?", [6] end of the turn, [7] "<think>",
  // [8-12] " the diamond is purple .", [13] "<answer>", [14] "no".
  const row = [1, 5, 7, 20, 31, 40, 2, 90, 7, 20, 9, 32, 41, 91, 60];
  const layout = { questionStart: 1, questionEnd: 6, responseStart: 7, answerStart: 14 };

  it('points each reasoning token at its copies in the question, or at the first token when the question has none', () => {
    const targets = questionDuplicateTargets(row, layout);
    expect(targets.queries).toEqual([7, 8, 9, 10, 11, 12, 13]);
    // "<think>" 7: none; " the" 8: 2; " diamond" 9: 3; " is" 10: none; " purple" 11: none (the question says orange); "." 12: none; "<answer>" 13: none
    expect(targets.keys).toEqual([[0], [2], [3], [0], [0], [0], [0]]);
  });

  it('marks the value as a duplicate when the question asks the same one, and lists every copy', () => {
    const yes = [...row];
    yes[11] = 31; // "... is orange ."
    expect(questionDuplicateTargets(yes, layout).keys[4]).toEqual([4]);
    const twice = [1, 7, 20, 7, 2, 90, 7, 91];
    expect(questionDuplicateTargets(twice, { questionStart: 1, questionEnd: 4, responseStart: 5, answerStart: 7 }).keys).toEqual([[0], [1, 3]]);
  });

  it('ignores the prompt outside the question span, and leaves the answer span out', () => {
    // id 1 (the system token at 0) is outside the span, so the response's 1 finds nothing; 60 after <answer> is not queried
    const targets = questionDuplicateTargets([1, 7, 2, 1, 91, 60], { questionStart: 1, questionEnd: 2, responseStart: 3, answerStart: 5 });
    expect(targets).toEqual({ queries: [3, 4], keys: [[0], [0]] });
  });

  it('refuses a layout out of order, past the row, or with the question at the first token (the "no copy" target)', () => {
    expect(() => questionDuplicateTargets(row, { ...layout, questionStart: 0 })).toThrow(/question \[0, 6\)/);
    expect(() => questionDuplicateTargets(row, { ...layout, answerStart: 99 })).toThrow(/does not fit a row of 15 tokens/);
    expect(() => questionDuplicateTargets(row, { ...layout, questionEnd: 9 })).toThrow(/question \[1, 9\), response \[7, 14\)/);
  });
});

describe('userTextSpan', () => {
  const ids = { imStart: 951, imEnd: 952, visionEnd: 954 };

  it('starts after the last turn\'s image and ends at its <|im_end|>', () => {
    // system turn 0-3, user turn 4-..: <|im_start|> user <vision_start> <pad> <vision_end> Is it ? <|im_end|> <|im_start|> assistant
    const prompt = [951, 10, 11, 952, 951, 12, 953, 955, 954, 20, 21, 22, 952, 951, 13];
    expect(userTextSpan(prompt, ids)).toEqual({ questionStart: 9, questionEnd: 12 });
  });

  it('starts after the turn\'s <|im_start|> when it has no image', () => {
    const prompt = [951, 10, 952, 951, 12, 20, 21, 952, 951, 13];
    expect(userTextSpan(prompt, ids)).toEqual({ questionStart: 4, questionEnd: 7 });
  });

  it('names the missing end of turn', () => {
    expect(() => userTextSpan([951, 10, 11], ids)).toThrow(/no <\|im_end\|> \(id 952\) in a 3-token prompt/);
  });
});
