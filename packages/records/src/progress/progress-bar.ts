/** A one-line progress bar on stderr with rate and ETA (a count only when the total is unknown). */
export class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(
    private readonly label: string,
    private readonly total: number | null,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  tick(count = 1): void {
    this.done += count;
    const now = performance.now();
    if (now - this.lastDraw >= (this.stream.isTTY ? 100 : 2000)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  finish(): void {
    this.draw(performance.now());
    if (this.stream.isTTY) this.stream.write('\n');
  }

  private draw(now: number): void {
    const seconds = Math.max((now - this.started) / 1000, 1e-9);
    const rate = this.done / seconds;
    const eta = rate > 0 ? formatSeconds((this.total! - this.done) / rate) : '?';
    const line = this.total
      ? `${this.label} ${bar(this.done / this.total)} ${this.done}/${this.total} ${formatRate(rate)}/s ETA ${eta}`
      : `${this.label} ${this.done} ${formatRate(rate)}/s ${formatSeconds(seconds)}`;
    this.stream.write(this.stream.isTTY ? `\r${line}` : `${line}\n`);
  }
}

/** Three significant digits at most: "0.412", "12.5", "3480". */
function formatRate(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate.toPrecision(3);
}

function bar(fraction: number, width = 24): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  return whole >= 60 ? `${Math.floor(whole / 60)}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}
