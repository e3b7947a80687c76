/** Where a command writes, and what it may know of the terminal: `process` in the program, memory in tests. */
export interface Terminal {
  /** Standard output: the report. */
  write(text: string): void;
  /** Standard error: summaries, warnings, progress. */
  writeError(text: string): void;
  /** Whether standard output shows colours (a terminal that has them, NO_COLOR unset). */
  readonly colour: boolean;
  /** Whether standard error is a terminal, where progress can be redrawn in place. */
  readonly interactive: boolean;
  /** The folder paths are shown relative to. */
  readonly cwd: string;
  now(): Date;
}

/** Work longer than this shows its progress (on an interactive terminal). */
const PROGRESS_AFTER_MS = 1000;
/** Progress is redrawn at most this often. */
const PROGRESS_EVERY_MS = 100;

/** "Checking notes: 1200 of 2000", redrawn in place on standard error once the work has taken a while. */
export class Progress {
  private readonly started = performance.now();
  private drawn = 0;

  constructor(
    private readonly terminal: Terminal,
    private readonly what: string,
  ) {}

  report(done: number, total: number): void {
    if (!this.terminal.interactive) return;
    const now = performance.now();
    if (now - this.started < PROGRESS_AFTER_MS || now - this.drawn < PROGRESS_EVERY_MS) return;
    this.drawn = now;
    this.terminal.writeError(`\r${this.what}: ${done} of ${total}`);
  }

  /** Clears the line, if anything was drawn. */
  done(): void {
    if (this.drawn > 0) this.terminal.writeError('\r\x1b[K');
  }
}
