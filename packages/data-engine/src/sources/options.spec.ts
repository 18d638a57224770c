import type { TaskType } from '@mixed-r1/records';
import type { SourceConfig } from '../source-adapter';
import { choice, forcedTask, readOptions, template, text } from './options';

interface Example {
  readonly pairs: 'first' | 'all';
  readonly task: TaskType | undefined;
  readonly imageDir: string;
  readonly annotations: string | undefined;
  readonly question: string;
}

const SPEC = {
  pairs: choice(['first', 'all'], 'first'),
  task: forcedTask,
  imageDir: text('png'),
  annotations: text(undefined),
  question: template('{expression}', 'Locate {expression}.'),
};

const source = (options?: Record<string, unknown>): SourceConfig => ({ name: 'mine', adapter: 'example', path: 'x.json', options });

describe('readOptions', () => {
  it('fills defaults and freezes the result', () => {
    const options = readOptions<Example>(source(), 'example', SPEC);
    expect(options).toEqual({ pairs: 'first', task: undefined, imageDir: 'png', annotations: undefined, question: 'Locate {expression}.' });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it('takes given values', () => {
    const given = { pairs: 'all', task: 'chart', imageDir: 'charts', annotations: 'a.json', question: 'Find {expression}!' };
    expect(readOptions<Example>(source(given), 'example', SPEC)).toEqual(given);
  });

  it('throws on an unknown option, naming the source, the adapter and the valid options', () => {
    expect(() => readOptions<Example>(source({ pair: 'all' }), 'example', SPEC)).toThrow(
      'source "mine" (adapter example): unknown option "pair"; valid options: pairs, task, imageDir, annotations, question',
    );
    expect(() => readOptions(source({ any: 1 }), 'plain', {})).toThrow('valid options: none');
  });

  it.each([
    [{ pairs: 'some' }, 'option "pairs" must be one of "first", "all", found "some"'],
    [{ task: 'counting' }, 'option "task" must be a task type (yes_no, multiple_choice, chart, grounding, open_ended), found "counting"'],
    [{ imageDir: '' }, 'option "imageDir" must be a non-empty string, found ""'],
    [{ annotations: 3 }, 'option "annotations" must be a non-empty string, found 3'],
    [{ question: 'Locate it.' }, 'option "question" must be a string containing {expression}, found "Locate it."'],
  ])('throws on a bad value %j', (given, message) => {
    expect(() => readOptions<Example>(source(given), 'example', SPEC)).toThrow(`source "mine" (adapter example): ${message}`);
  });
});
