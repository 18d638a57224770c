import { ProgressBar } from './progress-bar';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (text: string) => written.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('ProgressBar', () => {
  it('draws the bar, the count, the rate and the ETA against a total', () => {
    const { stream, written } = fakeStream(true);
    const bar = new ProgressBar('images', 8, stream);
    bar.tick(2);
    bar.finish();
    const last = written[written.length - 2];
    expect(last).toMatch(/^\rimages \[######\.{18}\] 2\/8 \d+\/s ETA \d+s$/);
    expect(written[written.length - 1]).toBe('\n');
  });

  it('shows a count and elapsed time when the total is unknown', () => {
    const { stream, written } = fakeStream(false);
    const bar = new ProgressBar('rows', null, stream);
    bar.tick(5);
    bar.finish();
    expect(written[written.length - 1]).toMatch(/^rows 5 \d+\/s \d+s\n$/);
  });

  it('writes whole lines, not carriage returns, to a non-terminal', () => {
    const { stream, written } = fakeStream(false);
    const bar = new ProgressBar('x', 3, stream);
    bar.tick(3);
    bar.finish();
    expect(written.every((line) => !line.includes('\r') && line.endsWith('\n'))).toBe(true);
    expect(written[written.length - 1]).toMatch(/\[#{24}\] 3\/3 .* ETA 0s/);
  });
});
