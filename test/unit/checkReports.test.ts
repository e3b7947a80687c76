// The report formats of `trade-notes check`: text, JSON, GitHub workflow commands, and SARIF validated
// against the SARIF 2.1.0 schema (test/fixtures/sarif).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { githubReport, jsonReport, summaryLine, textReport } from '../../src/core/reports/findingReports';
import { compareFindings, isAtLeast, type PlacedFinding } from '../../src/core/reports/placedFinding';
import { sarifReport } from '../../src/core/reports/sarifReport';

const repoRoot = path.join(__dirname, '..', '..', '..');

/** Checks a log against the SARIF 2.1.0 schema: the schema's complaints, or an empty list. */
function sarifProblems(log: unknown): ErrorObject[] {
  const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The schema's pattern for `language` is not valid with the `u` flag; the rest of it is checked in full.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return validate(log) ? [] : (validate.errors ?? []);
}

function finding(overrides: Partial<PlacedFinding>): PlacedFinding {
  return {
    path: 'knowledge/team.trade.yaml',
    range: { start: { line: 6, character: 4 }, end: { line: 6, character: 14 } },
    severity: 'error',
    rule: 'missing-field',
    message: "Missing required field 'title'.",
    ...overrides,
  };
}

const FINDINGS: readonly PlacedFinding[] = [
  finding({}),
  finding({
    path: 'notes/a b,c:d%.pnote',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'hint',
    rule: 'unknown-official',
    message: "'Zhang Wei' after 'Commerce Minister' looks like an official,\nwith 100% certainty.",
  }),
  finding({ severity: 'warning', rule: 'unknown-field', path: 'k.trade.yaml' }),
];

describe('Check reports', () => {
  it('text: path:line:column severity message [rule], from 1, one line each, coloured only when asked', () => {
    const plain = textReport(FINDINGS, { colour: false });
    assert.equal(
      plain,
      "knowledge/team.trade.yaml:7:5 error Missing required field 'title'. [missing-field]\n" +
        "notes/a b,c:d%.pnote:1:1 hint 'Zhang Wei' after 'Commerce Minister' looks like an official, with 100% certainty. [unknown-official]\n" +
        "k.trade.yaml:7:5 warning Missing required field 'title'. [unknown-field]\n",
    );
    const coloured = textReport(FINDINGS.slice(0, 1), { colour: true });
    assert.equal(
      coloured,
      "\x1b[1mknowledge/team.trade.yaml:7:5\x1b[0m \x1b[31merror\x1b[0m Missing required field 'title'. [missing-field]\n",
    );
  });

  it('the summary counts severities and files', () => {
    assert.equal(
      summaryLine(FINDINGS, { knowledgeFiles: 2, notes: 1 }),
      '1 error, 1 warning, 1 hint in 3 files (2 knowledge files, 1 note checked)\n',
    );
    assert.equal(
      summaryLine([], { knowledgeFiles: 1, notes: 0 }),
      '0 errors, 0 warnings (1 knowledge file, 0 notes checked)\n',
    );
  });

  it('JSON: positions from 1 with exclusive ends, severities, rules and the counts', () => {
    const report = JSON.parse(jsonReport(FINDINGS, { knowledgeFiles: 2, notes: 1 }));
    assert.equal(report.version, 1);
    assert.deepEqual(report.findings[0], {
      path: 'knowledge/team.trade.yaml',
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 15,
      severity: 'error',
      rule: 'missing-field',
      message: "Missing required field 'title'.",
    });
    assert.deepEqual(report.summary, { knowledgeFiles: 2, notes: 1, error: 1, warning: 1, information: 0, hint: 1 });
  });

  it('GitHub: one workflow command per finding, with its data and properties escaped', () => {
    const lines = githubReport(FINDINGS).split('\n');
    assert.equal(
      lines[0],
      "::error file=knowledge/team.trade.yaml,line=7,col=5,endLine=7,endColumn=15,title=Trade Notes%3A missing-field::Missing required field 'title'.",
    );
    assert.equal(
      lines[1],
      "::notice file=notes/a b%2Cc%3Ad%25.pnote,line=1,col=1,endLine=1,endColumn=1,title=Trade Notes%3A unknown-official::'Zhang Wei' after 'Commerce Minister' looks like an official,%0Awith 100%25 certainty.",
    );
    assert.match(lines[2]!, /^::warning /);
    assert.equal(lines.length, 4, 'three lines and the final line break');
  });

  it('SARIF: a log that the SARIF 2.1.0 schema accepts, with rules, levels, relative URIs and regions', () => {
    const log = JSON.parse(sarifReport(FINDINGS, { name: 'trade-notes', version: '0.1.0' }, 'file:///work/repo/'));
    assert.deepEqual(sarifProblems(log), []);

    const [run] = log.runs;
    assert.deepEqual(run.tool.driver.rules, [
      { id: 'missing-field' },
      { id: 'unknown-field' },
      { id: 'unknown-official' },
    ]);
    assert.deepEqual(
      run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, r.ruleIndex, r.level]),
      [
        ['missing-field', 0, 'error'],
        ['unknown-official', 2, 'note'],
        ['unknown-field', 1, 'warning'],
      ],
    );
    assert.deepEqual(run.results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'notes/a%20b%2Cc%3Ad%25.pnote', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
    });
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const log = JSON.parse(sarifReport(FINDINGS, { name: 'trade-notes', version: '0.1.0' }, 'file:///w/'));
    delete log.runs[0].results[0].message;
    const problems = sarifProblems(log);
    assert.ok(
      problems.some((problem) => problem.params.missingProperty === 'message'),
      JSON.stringify(problems),
    );
  });

  it('orders findings by file and position, and compares severities', () => {
    const sorted = [...FINDINGS].sort(compareFindings).map((f) => f.path);
    assert.deepEqual(sorted, ['k.trade.yaml', 'knowledge/team.trade.yaml', 'notes/a b,c:d%.pnote']);
    assert.ok(isAtLeast('error', 'warning'));
    assert.ok(isAtLeast('warning', 'warning'));
    assert.ok(!isAtLeast('hint', 'information'));
  });
});
