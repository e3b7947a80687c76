// The JSON Schema shipped for the YAML extension (schemas/trade-knowledge.schema.json) against the
// loader's own validation: on the same files, the schema accepts exactly what loads without a problem.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import { COUNTRY_CODE_PATTERN, ID_PATTERN, isIsoDate } from '../../src/core/knowledge/values';

const repoRoot = join(__dirname, '..', '..', '..');
const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'trade-knowledge.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);

const HEADER = 'kind: trade-knowledge\nversion: 1\n';
const OFFICIAL = '  - { id: a-person, name: A Person, title: Minister }\n';
const TARIFF = (step: string): string =>
  `${HEADER}tariffs:\n  - id: t\n    by: US\n    on: CN\n    label: L\n    history:\n      - ${step}\n`;
const EVENT = (fields: string): string => `${HEADER}timeline:\n  - { id: e, date: 2025-06-09, title: T${fields} }\n`;

interface Verdicts {
  readonly loader: boolean;
  readonly schema: boolean;
  readonly why: string;
}

/** Both verdicts on one file: the loader's (no error and no warning of its own) and the schema's. */
function judge(text: string): Verdicts {
  const { problems } = loadKnowledgeFile('file:///case.trade.yaml', text);
  const schemaOk = validate(parse(text)) as boolean;
  const why = [
    ...problems.map((p) => `loader: ${p.code} ${p.message}`),
    ...(validate.errors ?? []).map((e) => `schema: ${e.instancePath} ${e.message}`),
  ];
  return { loader: problems.length === 0, schema: schemaOk, why: why.join('\n') };
}

function assertAgree(text: string, expected: boolean): void {
  const verdicts = judge(text);
  assert.equal(verdicts.loader, expected, `loader on:\n${text}\n${verdicts.why}`);
  assert.equal(verdicts.schema, expected, `schema on:\n${text}\n${verdicts.why}`);
}

describe('JSON Schema for knowledge format v1', () => {
  describe('accepts the files the loader loads without a problem', () => {
    const realFiles = [
      'src/bundled/us-china-2025.trade.yaml',
      'examples/eu-watch.trade.yaml',
      'test/fixtures/single/knowledge/team.trade.yaml',
    ];
    for (const file of realFiles) {
      it(file, () => assertAgree(readFileSync(join(repoRoot, file), 'utf8'), true));
    }

    const valid: Record<string, string> = {
      'only the header': HEADER,
      // A list or section key with nothing after it is an empty list.
      'a section left empty': `${HEADER}officials:\n`,
      'a list left empty': `${HEADER}officials:\n  - id: a\n    name: A\n    title: T\n    aliases:\n`,
      'empty lists as []': `${HEADER}officials: []\ntimeline:\n  - { id: e, date: 2025-06-09, title: T, participants: [], links: [] }\n`,
      'a country with aliases and flag': `${HEADER}countries:\n  EU-27: { name: European Union, aliases: [EU], flag: "🇪🇺" }\n`,
      'an official with every field': `${HEADER}officials:\n  - id: a-person\n    name: A Person\n    aliases: [Person]\n    country: US\n    title: Minister\n    organization: Ministry\n    note: "*Markdown*"\n    links: [https://example.org]\n`,
      'optional fields left empty': `${HEADER}officials:\n  - id: a-person\n    name: A Person\n    title: Minister\n    country:\n    organization:\n    note:\n`,
      'a number where text is expected': `${HEADER}officials:\n  - { id: agent-007, name: 7, title: 2025 }\n`,
      'a rate as percentage, with spaces and as bare number': TARIFF(
        '{ date: 2025-04-10, rate: 145 % }\n      - { date: 2025-05-14, rate: 7.5 }\n      - { date: 2025-05-15, rate: "30%" }',
      ),
      'a leap day': TARIFF('{ date: 2024-02-29, rate: 10% }'),
      'an event with every field': EVENT(
        ', end: 2025-06-10, place: London, kind: talks, participants: [a-person], summary: S, links: [https://example.org]',
      ),
      'an empty event kind': EVENT(', kind:'),
      'references to ids defined elsewhere (checked across files, not here)': `${HEADER}officials:\n  - { id: a-person, name: A, title: T, country: ZZ }\n`,
      'an asOf date': `${HEADER}asOf: 2025-12-31\n`,
      'a deadline without participants': EVENT(', kind: deadline, participants: []'),
    };
    for (const [name, text] of Object.entries(valid)) it(name, () => assertAgree(text, true));
  });

  describe('rejects the files the loader reports a problem in', () => {
    it('test/fixtures/single/knowledge/broken.trade.yaml', () => {
      assertAgree(readFileSync(join(repoRoot, 'test/fixtures/single/knowledge/broken.trade.yaml'), 'utf8'), false);
    });

    const invalid: Record<string, string> = {
      'no kind': 'version: 1\n',
      'a wrong kind': 'kind: something-else\nversion: 1\n',
      'no version': 'kind: trade-knowledge\n',
      'version 2': 'kind: trade-knowledge\nversion: 2\n',
      'version as text': 'kind: trade-knowledge\nversion: "1"\n',
      'not a mapping': '- kind: trade-knowledge\n',
      'an unknown top-level field (a typo)': `${HEADER}oficials: []\n`,
      'an unknown field in an official': `${HEADER}officials:\n  - { id: a-person, name: A, title: T, titel: X }\n`,
      'a section that is not a list': `${HEADER}officials: { id: a }\n`,
      'an entry that is not a mapping': `${HEADER}officials:\n  - just text\n`,
      'a lower-case country code': `${HEADER}countries:\n  us: { name: United States }\n`,
      'a country without a name': `${HEADER}countries:\n  US: { flag: x }\n`,
      'a country without a value': `${HEADER}countries:\n  US:\n`,
      'an official without a title': `${HEADER}officials:\n  - { id: a-person, name: A }\n`,
      'an id with capitals': `${HEADER}officials:\n  - { id: A-Person, name: A, title: T }\n`,
      'a number as id': `${HEADER}officials:\n  - { id: 7, name: A, title: T }\n`,
      'an empty name': `${HEADER}officials:\n  - { id: a, name: "", title: T }\n`,
      'a blank note': `${HEADER}officials:\n  - { id: a, name: A, title: T, note: "  " }\n`,
      'a required field left empty': `${HEADER}officials:\n  - id: a\n    name:\n    title: T\n`,
      'aliases that are not a list': `${HEADER}officials:\n  - { id: a, name: A, title: T, aliases: Bee }\n`,
      'a number in a list of texts': `${HEADER}officials:\n  - { id: a, name: A, title: T, aliases: [7] }\n`,
      'a boolean as text': `${HEADER}officials:\n  - { id: a, name: A, title: true }\n`,
      'a tariff without history': `${HEADER}tariffs:\n  - { id: t, by: US, on: CN, label: L }\n`,
      'an empty history': `${HEADER}tariffs:\n  - { id: t, by: US, on: CN, label: L, history: [] }\n`,
      'a tariff without "by"': `${HEADER}tariffs:\n  - { id: t, on: CN, label: L, history: [{ date: 2025-04-10, rate: 1% }] }\n`,
      'a step without rate': TARIFF('{ date: 2025-04-10 }'),
      'a rate in words': TARIFF('{ date: 2025-04-10, rate: ten percent }'),
      'a negative rate': TARIFF('{ date: 2025-04-10, rate: -5 }'),
      'an impossible date': TARIFF('{ date: 2025-02-30, rate: 10% }'),
      'the 29th of February in a common year': TARIFF('{ date: 2025-02-29, rate: 10% }'),
      'a century that is not a leap year': TARIFF('{ date: 1900-02-29, rate: 10% }'),
      'year 0000': TARIFF('{ date: 0000-01-01, rate: 10% }'),
      'a date in words': TARIFF('{ date: 9 June 2025, rate: 10% }'),
      'a date as a number': TARIFF('{ date: 20250410, rate: 10% }'),
      'an unknown event kind': EVENT(', kind: meeting'),
      'an empty end date': EVENT(', end:'),
      'participants as text': EVENT(', participants: a-person'),
      'an unknown field in a step': TARIFF('{ date: 2025-04-10, rate: 10%, source: x }'),
      'an official list with a stray entry': `${HEADER}officials:\n${OFFICIAL}  - 42\n`,
      'an impossible asOf date': `${HEADER}asOf: 2025-02-30\n`,
      'an empty asOf': `${HEADER}asOf:\n`,
      'a deadline with participants': EVENT(', kind: deadline, participants: [a-person]'),
    };
    for (const [name, text] of Object.entries(invalid)) it(name, () => assertAgree(text, false));
  });

  it('accepts exactly the dates the loader accepts', () => {
    const day = fc.integer({ min: 0, max: 32 }).map((n) => String(n).padStart(2, '0'));
    const month = fc.integer({ min: 0, max: 13 }).map((n) => String(n).padStart(2, '0'));
    const year = fc
      .oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(1900, 2000, 2024, 2100, 400, 100, 4, 0))
      .map((n) => String(n).padStart(4, '0'));
    const datePattern = new RegExp(schema.definitions.date.pattern, 'u');
    fc.assert(
      fc.property(year, month, day, (y, m, d) => {
        const date = `${y}-${m}-${d}`;
        assert.equal(datePattern.test(date), isIsoDate(date), date);
      }),
      { numRuns: 3000 },
    );
  });

  it("limits ids and country codes with the loader's own patterns", () => {
    assert.equal(schema.definitions.id.pattern, ID_PATTERN.source);
    assert.equal(schema.properties.countries.propertyNames.pattern, COUNTRY_CODE_PATTERN.source);
  });
});
