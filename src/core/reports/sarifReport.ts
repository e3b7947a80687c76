import type { FindingSeverity } from '../checks/noteFinding';
import type { PlacedFinding } from './placedFinding';

/** SARIF has three levels of result that show. */
const SARIF_LEVELS: Readonly<Record<FindingSeverity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The base that the files' relative URIs start from. */
const SOURCE_ROOT = '%SRCROOT%';

export interface SarifTool {
  readonly name: string;
  readonly version: string;
}

/**
 * A SARIF 2.1.0 log of one run, for code-scanning dashboards (GitHub's among them): file URIs relative to
 * `baseUri` (the current folder, ending in `/`), regions from 1 with exclusive ends, columns in UTF-16
 * code units as the editor counts them.
 */
export function sarifReport(findings: readonly PlacedFinding[], tool: SarifTool, baseUri: string): string {
  const rules = [...new Set(findings.map((finding) => finding.rule))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            rules: rules.map((id) => ({ id })),
          },
        },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: baseUri } },
        columnKind: 'utf16CodeUnits',
        results: findings.map(({ path, range, severity, rule, message }) => ({
          ruleId: rule,
          ruleIndex: rules.indexOf(rule),
          level: SARIF_LEVELS[severity],
          message: { text: message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(path), uriBaseId: SOURCE_ROOT },
                region: {
                  startLine: range.start.line + 1,
                  startColumn: range.start.character + 1,
                  endLine: range.end.line + 1,
                  endColumn: range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A relative path as a relative URI reference: each segment percent-encoded. */
function relativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
