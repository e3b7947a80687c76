/** Timing and memory helpers: warm-up, several runs, median and min–max, retained heap after a full GC. */

export interface Timing {
  readonly runs: number;
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export function summarize(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return { runs: sorted.length, medianMs: median, minMs: sorted[0]!, maxMs: sorted[sorted.length - 1]! };
}

/** Runs `run` `warmup` times unmeasured, then `runs` times measured. */
export function time(run: () => unknown, runs: number, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

export async function timeAsync(run: () => Promise<unknown>, runs: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Runs several measurements in turns (a, b, c, a, b, c, …) so that a noisy neighbour on a shared
 * machine slows them alike and their ratios stay honest.
 */
export function interleaved(runs: Record<string, () => unknown>, rounds: number, warmup = 1): Record<string, Timing> {
  const samples: Record<string, number[]> = {};
  for (const name of Object.keys(runs)) samples[name] = [];
  for (let round = -warmup; round < rounds; round++) {
    for (const [name, run] of Object.entries(runs)) {
      const start = performance.now();
      run();
      const elapsed = performance.now() - start;
      if (round >= 0) samples[name]!.push(elapsed);
    }
  }
  const result: Record<string, Timing> = {};
  for (const [name, list] of Object.entries(samples)) result[name] = summarize(list);
  return result;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Heap retained by what `make` returns (kept alive until measured), after full collections; undefined without --expose-gc. */
export function retainedBytes<T>(make: () => T): { value: T; bytes: number | undefined } {
  if (!gc) return { value: make(), bytes: undefined };
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc();
  gc();
  const bytes = process.memoryUsage().heapUsed - before;
  return { value, bytes };
}

export async function retainedBytesAsync<T>(make: () => Promise<T>): Promise<{ value: T; bytes: number | undefined }> {
  if (!gc) return { value: await make(), bytes: undefined };
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = await make();
  gc();
  gc();
  return { value, bytes: process.memoryUsage().heapUsed - before };
}

export function megabytes(bytes: number | undefined): string {
  if (bytes === undefined) return 'n/a (run with --expose-gc)';
  // Below this, what the collector freed meanwhile outweighs what was kept.
  if (bytes < 102400) return '< 0.1 MB';
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** One row of the benchmark's report and of bench/results.json. */
export interface BenchRow {
  readonly section: string;
  readonly name: string;
  readonly timing?: Timing;
  /** What the row's figure is, when it is not a time: a rate, a size, a ratio. */
  readonly value?: string;
  readonly target?: string;
  readonly met?: boolean;
  readonly details?: Record<string, unknown>;
}
