// The `trade-notes` command line: each command in this process (with the bundled knowledge loaded as
// the build loads it), then the built program in a process of its own, for what only a process shows:
// exit codes, no stack trace on bad input (a FIFO, a 50 MB note, binary files), a reader that stops
// early, the launcher, and the build's refusal of a `vscode` import.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BuildOptions } from 'esbuild';
import { runCommandLine } from '../../src/cli/program';
import type { Terminal } from '../../src/cli/terminal';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';

const repoRoot = path.join(__dirname, '..', '..', '..');
const bundledText = fs.readFileSync(path.join(repoRoot, 'src/bundled/us-china-2025.trade.yaml'), 'utf8');
const bundled = loadKnowledgeFile('trade-notes-bundled:/us-china-2025.trade.yaml', bundledText).file!;

const TEAM = `kind: trade-knowledge
version: 1
officials:
  - id: ana-analyst
    name: Ana Analystova
    title: Chief Negotiator
    country: US
timeline:
  - id: team-call
    date: 2025-05-20
    title: Team call
    kind: call
    participants: [ana-analyst, scott-bessent]
`;

/** Line 7 has an entry without its required title. */
const BROKEN = `kind: trade-knowledge
version: 1
officials:
  - id: fine
    name: Fine Person
    title: Fine
  - id: second
    name: Second Person
`;

const NOTE = 'Ana Analystova met Scott Bessent.\nCommerce Minister Zhang Wei did not come.\n';

interface Run {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs the command line in this process, in `cwd`. */
async function run(cwd: string, ...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const terminal: Terminal = {
    write: (text) => void (out += text),
    writeError: (text) => void (err += text),
    colour: false,
    interactive: false,
    cwd,
    now: () => new Date('2025-07-01T00:00:00Z'),
  };
  const code = await runCommandLine(args, terminal, { bundled, version: '9.8.7' });
  return { code, out, err };
}

const folders: string[] = [];

/** A folder with these files (paths with `/`). */
function workspaceWith(files: Record<string, string | Buffer>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-cli-'));
  folders.push(folder);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  return folder;
}

after(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

describe('trade-notes check', () => {
  it('passes the examples workspace (exit 0), with only the deliberate fact-check warning of the desk draft', async () => {
    const { code, out, err } = await run(repoRoot, 'check', 'examples');
    assert.equal(code, 0);
    assert.match(
      out,
      /^examples\/notes\/2025-06-12-desk-draft\.pnote:7:42 warning .*not 145%.* \[rate-not-current\]\n$/,
    );
    assert.match(err, /^0 errors, 1 warning in 1 file \(1 knowledge file, 5 notes checked\)/);
    const silenced = await run(repoRoot, 'check', '--no-fact-check', 'examples');
    assert.equal(silenced.out, '');
    assert.match(silenced.err, /^0 errors, 0 warnings \(1 knowledge file, 0 notes checked\)/);
  });

  it('reports a broken knowledge file at its line and column and exits 1', async () => {
    const folder = workspaceWith({ 'kb/team.trade.yaml': TEAM, 'kb/broken.trade.yaml': BROKEN, 'n/a.pnote': NOTE });
    const { code, out } = await run(folder, 'check');
    assert.equal(code, 1);
    assert.equal(out, "kb/broken.trade.yaml:7:5 error Missing required field 'title'. [missing-field]\n");
  });

  it('fails on warnings only with --fail-on warning, and never with --fail-on none', async () => {
    const folder = workspaceWith({ 'w.trade.yaml': `${TEAM}    color: blue\n` });
    assert.match((await run(folder, 'check')).out, /warning Unknown field 'color'/);
    assert.equal((await run(folder, 'check')).code, 0);
    assert.equal((await run(folder, 'check', '--fail-on', 'warning')).code, 1);
    const broken = workspaceWith({ 'b.trade.yaml': BROKEN });
    assert.equal((await run(broken, 'check', '--fail-on', 'none')).code, 0);
  });

  it('checks notes for unknown officials with --hints only', async () => {
    const folder = workspaceWith({ 'k.trade.yaml': TEAM, 'notes/a.pnote': NOTE, 'b.policy.md': NOTE, 'c.md': NOTE });
    const without = await run(folder, 'check');
    assert.equal(without.out, '');
    const { code, out, err } = await run(folder, 'check', '--hints');
    assert.equal(code, 0, 'hints are below the default --fail-on');
    assert.deepEqual(out.split('\n').filter(Boolean), [
      "b.policy.md:2:19 hint 'Zhang Wei' after 'Commerce Minister' looks like an official the knowledge does not have yet. [unknown-official]",
      "notes/a.pnote:2:19 hint 'Zhang Wei' after 'Commerce Minister' looks like an official the knowledge does not have yet. [unknown-official]",
    ]);
    assert.match(err, /\(1 knowledge file, 2 notes checked\)/);
    assert.equal((await run(folder, 'check', '--hints', '--fail-on', 'hint')).code, 1);
  });

  it('uses the bundled knowledge unless --no-bundled', async () => {
    const folder = workspaceWith({ 'k.trade.yaml': TEAM });
    assert.equal((await run(folder, 'check')).out, '');
    const { out } = await run(folder, 'check', '--no-bundled');
    assert.match(out, /^k\.trade\.yaml:7:14 warning Unknown country code 'US'\. \[unknown-country\]$/m);
    assert.match(out, /^k\.trade\.yaml:13:33 warning Unknown official id 'scott-bessent'\. \[unknown-official\]$/m);
  });

  it("leaves out what .gitignore and --ignore say, and follows a folder's knowledge files setting", async () => {
    const folder = workspaceWith({
      '.gitignore': 'drafts/\n',
      'drafts/b.trade.yaml': BROKEN,
      'old/b.trade.yaml': BROKEN,
      'k.trade.yaml': TEAM,
    });
    assert.match((await run(folder, 'check')).out, /^old\/b\.trade\.yaml:7:5 error/);
    assert.equal((await run(folder, 'check', '--ignore', 'old/')).code, 0);
    const withSetting = workspaceWith({
      '.vscode/settings.json': '{\n  // kept under kb/\n  "tradeNotes.knowledgeFiles": ["kb/**/*.yaml"],\n}\n',
      'kb/people.yaml': BROKEN,
      'ignored.trade.yaml': BROKEN,
    });
    assert.equal(
      (await run(withSetting, 'check')).out,
      "kb/people.yaml:7:5 error Missing required field 'title'. [missing-field]\n",
    );
    assert.match((await run(withSetting, 'check', '--knowledge', '*.trade.yaml')).out, /^ignored\.trade\.yaml:7:5/);
  });

  it('checks the files it is given, by their names', async () => {
    const folder = workspaceWith({ 'a.trade.yaml': BROKEN, 'b.trade.yaml': BROKEN, 'n.pnote': NOTE });
    const { out } = await run(folder, 'check', '--hints', 'b.trade.yaml', 'n.pnote');
    assert.match(out, /^b\.trade\.yaml:7:5 error/);
    assert.match(out, /^n\.pnote:2:19 hint/m);
    assert.doesNotMatch(out, /a\.trade\.yaml/);
  });

  it('JSON, SARIF and GitHub outputs carry the same findings', async () => {
    const folder = workspaceWith({ 'b.trade.yaml': BROKEN });
    const json = JSON.parse((await run(folder, 'check', '--format', 'json')).out);
    assert.deepEqual(json.findings, [
      {
        path: 'b.trade.yaml',
        line: 7,
        column: 5,
        endLine: 7,
        endColumn: 7,
        severity: 'error',
        rule: 'missing-field',
        message: "Missing required field 'title'.",
      },
    ]);
    const sarif = JSON.parse((await run(folder, 'check', '--format', 'sarif')).out);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.version, '9.8.7');
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(folder).href + '/');
    assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.region, {
      startLine: 7,
      startColumn: 5,
      endLine: 7,
      endColumn: 7,
    });
    const github = await run(folder, 'check', '--format', 'github');
    assert.equal(
      github.out,
      "::error file=b.trade.yaml,line=7,col=5,endLine=7,endColumn=7,title=Trade Notes%3A missing-field::Missing required field 'title'.\n",
    );
    assert.equal(github.code, 1);
  });

  it('reports files it cannot read, and goes on: binary, over the size limit', async () => {
    const folder = workspaceWith({
      'binary.trade.yaml': Buffer.from([0x6b, 0x3a, 0x00, 0xff, 0xfe]),
      'binary.pnote': Buffer.from([0x00, 0x01, 0xc3, 0x28, 0xff]),
      'huge.pnote': Buffer.alloc(10 * 1024 * 1024 + 1, 'a'),
      'ok.trade.yaml': BROKEN,
    });
    const { code, out, err } = await run(folder, 'check', '--hints');
    assert.equal(code, 1);
    assert.deepEqual(out.split('\n').filter(Boolean), [
      'binary.trade.yaml:1:3 error This file is not text (it contains NUL bytes); it is not loaded. [not-text]',
      'huge.pnote:1:1 error This file is 10 MB; files over 10 MB are not read. [file-too-large]',
      "ok.trade.yaml:7:5 error Missing required field 'title'. [missing-field]",
    ]);
    assert.match(err, /\(2 knowledge files, 2 notes checked\)/);
  });

  it('finds nothing to complain about in a folder without knowledge files or notes', async () => {
    const { code, err } = await run(workspaceWith({ 'readme.txt': 'hello' }), 'check', '--hints');
    assert.equal(code, 0);
    assert.match(err, /\(0 knowledge files, 0 notes checked\)/);
  });
});

describe('trade-notes: usage', () => {
  it('answers --help and --version on standard output with exit 0', async () => {
    for (const args of [['--help'], ['check', '--help'], ['timeline', '--help'], ['mentions', '--help']]) {
      const { code, out } = await run(repoRoot, ...args);
      assert.equal(code, 0, args.join(' '));
      assert.match(out, /^Usage: trade-notes/, args.join(' '));
    }
    assert.equal((await run(repoRoot, '--version')).out, '9.8.7\n');
  });

  it('exits 2 with a message on wrong usage or a path that does not exist', async () => {
    const cases: [string[], RegExp][] = [
      [['check', '--frobnicate'], /unknown option '--frobnicate'/],
      [['check', '--format', 'xml'], /argument 'xml' is invalid/],
      [['check', 'no/such/folder'], /^trade-notes: no\/such\/folder: no such file or folder\n$/],
      [['check', 'README.md'], /README\.md: neither a knowledge file .* nor a note/],
      [['timeline', '--from', '2025-02-30'], /--from 2025-02-30: write an ISO date/],
      [['timeline', '--kind', 'talks,party'], /--kind party: use one of talks, call, statement, measure, deadline/],
      [['mentions', 'no-such.pnote'], /no-such\.pnote: no such file/],
      [['mentions', 'examples'], /examples: a folder: name one file/],
      [['mentions'], /missing required argument 'file'/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const { code, out, err } = await run(repoRoot, ...args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '', args.join(' '));
      assert.match(err, message, args.join(' '));
      assert.doesNotMatch(err, /^\s+at /m, 'no stack trace');
    }
  });
});

describe('trade-notes timeline', () => {
  const folder = workspaceWith({ 'k.trade.yaml': TEAM });

  it('prints the merged timeline as Markdown by month: bundled and workspace events', async () => {
    const { code, out } = await run(folder, 'timeline');
    assert.equal(code, 0);
    assert.match(out, /^# Talks timeline\n/);
    assert.match(
      out,
      /## May 2025\n\n\| Date \| Event \|[^\n]*\n[^\n]*\n(\|[^\n]*\n)*\| 20 May 2025 \| \*\*Team call\*\*/,
    );
    assert.match(out, /## June 2025/);
    assert.doesNotMatch((await run(folder, 'timeline', '--no-bundled')).out, /June 2025/);
  });

  it('filters by dates, kind and participant, and says when a participant is unknown', async () => {
    const json = async (...args: string[]): Promise<string[]> =>
      JSON.parse((await run(folder, 'timeline', '--format', 'json', ...args)).out).months.flatMap(
        (month: { events: { id: string }[] }) => month.events.map((event) => event.id),
      );
    assert.deepEqual(await json('--kind', 'call', '--from', '2025-05-01', '--to', '2025-05-31'), ['team-call']);
    assert.deepEqual(await json('--participant', 'ana-analyst'), ['team-call']);
    const all = await json();
    assert.ok(all.length > 5 && all.includes('team-call'));
    const months = async (...args: string[]): Promise<string[]> =>
      JSON.parse((await run(folder, 'timeline', '--format', 'json', ...args)).out).months.map(
        (month: { month: string }) => month.month,
      );
    assert.deepEqual(await months('--newest-first'), [...(await months())].reverse());
    assert.deepEqual([...(await json('--newest-first'))].sort(), [...all].sort());
    const unknown = await run(folder, 'timeline', '--participant', 'nobody');
    assert.equal(unknown.code, 0);
    assert.match(unknown.err, /no official has the id 'nobody'/);
  });

  it('writes an iCalendar file that ical.js parses, one VEVENT per event', async () => {
    const ICAL = (await import('ical.js')).default;
    const { out } = await run(folder, 'timeline', '--format', 'ics');
    const events = new ICAL.Component(ICAL.parse(out)).getAllSubcomponents('vevent');
    const json = JSON.parse((await run(folder, 'timeline', '--format', 'json')).out);
    const count = json.months.reduce((sum: number, month: { events: unknown[] }) => sum + month.events.length, 0);
    assert.equal(events.length, count);
    assert.ok(events.some((event) => event.getFirstPropertyValue('uid') === 'team-call@trade-notes'));
  });

  it('says that knowledge files with errors are left out', async () => {
    const { code, err } = await run(workspaceWith({ 'b.trade.yaml': BROKEN }), 'timeline');
    assert.equal(code, 0);
    assert.match(err, /1 knowledge file has errors and is left out/);
  });
});

describe('trade-notes mentions', () => {
  it('lists the mentions of a file with line:column, kind, id and text, or as JSON', async () => {
    const folder = workspaceWith({
      'k.trade.yaml': TEAM,
      'n.txt': 'Tariffs hit 145%.\nAna Analystova met\nHe Lifeng.\n',
    });
    const { code, out } = await run(folder, 'mentions', 'n.txt');
    assert.equal(code, 0);
    assert.equal(
      out,
      '1:13 figure us-on-cn 145%\n2:1 official ana-analyst Ana Analystova\n3:1 official he-lifeng He Lifeng\n',
    );
    const json = JSON.parse((await run(folder, 'mentions', '--format', 'json', 'n.txt')).out);
    assert.deepEqual(json.mentions[1], {
      line: 2,
      column: 1,
      endLine: 2,
      endColumn: 15,
      kind: 'official',
      id: 'ana-analyst',
      text: 'Ana Analystova',
    });
    assert.equal(json.mentions[0].rate, 145);
  });
});

describe('trade-notes, the built program', function () {
  this.timeout(120_000);
  let buildFolder: string;
  let program: string;

  /** Runs the built program; a read that never ends would fail the test rather than hang it. */
  function runBuilt(cwd: string, ...args: string[]): Run {
    const result = spawnSync(process.execPath, [program, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.error, undefined, 'the program ended by itself');
    return { code: result.status!, out: result.stdout, err: result.stderr };
  }

  before(async () => {
    buildFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-cli-build-'));
    folders.push(buildFolder);
    program = path.join(buildFolder, 'dist', 'cli.js');
    const esbuild = await import('esbuild');
    const { cliBuild } = (await import(pathToFileURL(path.join(repoRoot, 'esbuild.mjs')).href)) as {
      cliBuild: (options: { outfile: string }) => BuildOptions;
    };
    await esbuild.build({ ...cliBuild({ outfile: program }), sourcemap: false, logLevel: 'silent' });
  });

  it('exits 0 on the examples and 2 on a missing path, with a message and no stack trace', () => {
    assert.equal(runBuilt(repoRoot, 'check', 'examples').code, 0);
    const missing = runBuilt(repoRoot, 'check', 'nowhere');
    assert.equal(missing.code, 2);
    assert.equal(missing.err, 'trade-notes: nowhere: no such file or folder\n');
  });

  it('refuses named pipes, a 50 MB note and binary files, reports them and ends, without a stack trace', () => {
    const folder = workspaceWith({
      'k.trade.yaml': TEAM,
      'binary.trade.yaml': Buffer.from([0, 1, 2, 3, 0xff]),
      'binary.pnote': Buffer.from([0, 0xc3, 0x28]),
      'huge.pnote': Buffer.alloc(50 * 1024 * 1024, 'Scott Bessent '),
    });
    execFileSync('mkfifo', [path.join(folder, 'pipe.trade.yaml'), path.join(folder, 'pipe.pnote')]);
    const { code, out, err } = runBuilt(folder, 'check', '--hints');
    assert.equal(code, 1);
    assert.deepEqual(
      out
        .split('\n')
        .filter(Boolean)
        .map((line) => line.replace(/ error .* \[/, ' [')),
      [
        'binary.trade.yaml:1:1 [not-text]',
        'huge.pnote:1:1 [file-too-large]',
        'pipe.pnote:1:1 [not-a-file]',
        'pipe.trade.yaml:1:1 [not-a-file]',
      ],
    );
    assert.doesNotMatch(err, /^\s+at /m);
    const pipe = runBuilt(folder, 'mentions', 'pipe.pnote');
    assert.equal(pipe.code, 2);
    assert.equal(pipe.err, 'trade-notes: pipe.pnote: This is not a regular file; it is not read.\n');
  });

  it('stops quietly when its reader does (a pipe closed early)', () => {
    // Far more output than a pipe holds, so that the program is still writing when `head` has gone.
    const folder = workspaceWith({ 'long.pnote': 'Scott Bessent and He Lifeng.\n'.repeat(50_000) });
    const command = `set -o pipefail; "${process.execPath}" "${program}" mentions long.pnote | head -c 20`;
    const result = spawnSync('bash', ['-c', command], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.stdout, '1:1 official scott-b');
    assert.equal(result.stderr, '');
    assert.equal(result.status, 0);
  });

  it('runs through the launcher of package.json, which says how to build the program when it is missing', () => {
    const launcher = path.join(buildFolder, 'bin', 'trade-notes.mjs');
    fs.mkdirSync(path.dirname(launcher), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, 'bin', 'trade-notes.mjs'), launcher);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.equal(manifest.bin['trade-notes'], './bin/trade-notes.mjs');
    assert.equal(
      execFileSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' }),
      `${manifest.version}\n`,
    );
    fs.renameSync(program, `${program}.away`);
    try {
      const missing = spawnSync(process.execPath, [launcher, '--version'], { encoding: 'utf8' });
      assert.equal(missing.status, 2);
      assert.match(missing.stderr, /dist\/cli\.js is missing; run `npm run build`/);
    } finally {
      fs.renameSync(`${program}.away`, program);
    }
  });

  it('is what the npm package carries, and runs once installed from it (nothing else is packed)', () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-pack-'));
    folders.push(project);
    for (const file of ['package.json', '.npmignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'bin/trade-notes.mjs']) {
      fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
      fs.copyFileSync(path.join(repoRoot, file), path.join(project, file));
    }
    fs.mkdirSync(path.join(project, 'dist', 'web'), { recursive: true });
    fs.copyFileSync(program, path.join(project, 'dist', 'cli.js'));
    // What the extension's build and a clone hold beside it, none of which the command line needs.
    for (const decoy of ['dist/extension.js', 'dist/web/extension.js', 'src/extension.ts', 'examples/a.pnote']) {
      fs.mkdirSync(path.dirname(path.join(project, decoy)), { recursive: true });
      fs.writeFileSync(path.join(project, decoy), '// not packed\n');
    }
    const npm = (cwd: string, ...args: string[]) =>
      execFileSync('npm', [...args, '--ignore-scripts', '--offline', '--no-audit', '--no-fund'], {
        cwd,
        encoding: 'utf8',
      });
    const [packed] = JSON.parse(npm(project, 'pack', '--json')) as { filename: string; files: { path: string }[] }[];
    assert.deepEqual(packed!.files.map((file) => file.path).sort(), [
      'CHANGELOG.md',
      'LICENSE',
      'README.md',
      'bin/trade-notes.mjs',
      'dist/cli.js',
      'package.json',
    ]);
    const user = fs.mkdtempSync(path.join(os.tmpdir(), 'trade-notes-user-'));
    folders.push(user);
    fs.writeFileSync(path.join(user, 'package.json'), '{ "private": true }\n');
    npm(user, 'install', path.join(project, packed!.filename));
    const installed = spawnSync(path.join(user, 'node_modules', '.bin', 'trade-notes'), ['check', 'examples'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    assert.equal(installed.status, 0);
    assert.match(installed.stderr, /^0 errors, 1 warning in 1 file \(1 knowledge file, \d+ notes checked\)\n$/);
  });

  it('cannot be built with a vscode import', async () => {
    const esbuild = await import('esbuild');
    const { cliBuild } = (await import(pathToFileURL(path.join(repoRoot, 'esbuild.mjs')).href)) as {
      cliBuild: (options: { outfile: string }) => BuildOptions;
    };
    const entry = path.join(buildFolder, 'sneaky.ts');
    fs.writeFileSync(entry, "import * as vscode from 'vscode';\nconsole.log(vscode.version);\n");
    await assert.rejects(
      esbuild.build({
        ...cliBuild({ outfile: path.join(buildFolder, 'sneaky.js') }),
        entryPoints: [entry],
        logLevel: 'silent',
      }),
      /'vscode' imported by .*sneaky\.ts: the command line runs without VS Code/,
    );
  });
});
