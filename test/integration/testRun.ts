// One run of mocha inside an extension host, with its spec report kept for the launcher: shared by the
// Node test index (index.ts) and the web worker one (web/index.ts), which differ only in how they load
// mocha and the test files and where they keep the report. Nothing here may use Node: it runs in both.

/** What a test index hands over. Mocha comes from the index (the Node package or the browser build), not from here. */
export interface TestRun {
  /** The suite's name, for the summary line. */
  readonly suite: string | undefined;
  readonly mocha: Mocha;
  /** Mocha's base reporter: the spec reporter prints through its `consoleLog`. */
  readonly reporter: typeof Mocha.reporters.Base;
  /** Loads the test files, for an index that does not add them with `mocha.addFile`. */
  readonly loadTestFiles?: () => void;
  /** Keeps the report (spec output, summary, or the error that stopped the run) where the launcher reads it. */
  readonly keepReport?: (report: string) => Promise<void>;
}

/** The base reporter of the running tests, for `report`. */
let running: typeof Mocha.reporters.Base | undefined;

/** Adds a line to the report, under the running test: a figure measured, a fact about the host. */
export function report(line: string): void {
  running?.consoleLog(`      ${line}`);
}

/** Runs the tests and keeps the report; rejects when a test failed, none ran or the test files did not load. */
export async function runWithReport({ suite, mocha, reporter, loadTestFiles, keepReport }: TestRun): Promise<void> {
  const lines: string[] = [];
  let kept = false;
  running = reporter;
  const consoleLog = reporter.consoleLog;
  // The extension host's output is not visible to the launcher: keep each line of the report too.
  reporter.consoleLog = (...data: unknown[]) => {
    lines.push(formatLine(data));
    consoleLog(...data);
  };
  try {
    loadTestFiles?.();
    const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
      const runner = mocha.run(() => {
        if (runner.stats) resolve(runner.stats);
        else reject(new Error('Mocha finished without statistics.'));
      });
    });
    const summary = `suite=${suite ?? '(shared only)'} passes=${stats.passes} failures=${stats.failures} pending=${stats.pending}`;
    lines.push(summary);
    await keepReport?.(lines.join('\n') + '\n');
    kept = true;
    if (stats.passes + stats.failures === 0) throw new Error(`No integration tests ran (${summary}).`);
    if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed (${summary}).`);
  } catch (error) {
    // A test file that fails to load never reaches the reporter: keep its error for the launcher.
    if (!kept) await keepReport?.(`${lines.join('\n')}\n${error instanceof Error ? error.stack : String(error)}\n`);
    throw error;
  } finally {
    reporter.consoleLog = consoleLog;
    running = undefined;
  }
}

/** A line as console.log prints it: mocha's reporters use `%s` and `%d` placeholders only. */
function formatLine(data: unknown[]): string {
  const [template, ...values] = data;
  if (data.length === 0) return '';
  if (typeof template !== 'string') return [template, ...values].map(String).join(' ');
  const text = template.replace(/%[sdi%]/g, (placeholder) =>
    placeholder === '%%' ? '%' : values.length > 0 ? String(values.shift()) : placeholder,
  );
  return [text, ...values.map(String)].join(' ');
}
