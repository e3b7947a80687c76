import assert from 'node:assert/strict';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import { entriesOf, idAt, indexKnowledge } from '../../src/core/navigation/knowledgeIndex';
import type { Span } from '../../src/core/text/span';
import { TALKS_YAML } from './support/knowledge';

const TEAM = `kind: trade-knowledge
version: 1
countries:
  EU: { name: European Union, flag: "🇪🇺" }
officials:
  - id: maros-sefcovic   # the commissioner
    name: Maroš Šefčovič
    country: EU
    title: Commissioner
  - { id: ana, name: Ana, title: Envoy, country: US }
tariffs:
  - id: eu-steel
    by: EU
    on: US
    label: EU steel duties
    history:
      - { date: 2025-01-01, rate: 7.5, event: brussels }
      - date: 2025-03-01
        rate: 10%
timeline:
  - id: brussels
    date: 2025-06-12
    title: Briefing in Brussels
    participants: [maros-sefcovic, ana]
  - id: call
    date: 2025-06-13
    title: A call
    participants:
      - maros-sefcovic
      - "ana"
`;

function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

describe('indexKnowledge', () => {
  const index = indexKnowledge(TEAM);

  it('lists sections and their entries with the spans of their ids', () => {
    assert.deepEqual(
      index.sections.map((s) => `${s.key}: ${s.entries.map((e) => `${e.kind} ${textOf(TEAM, e.idSpan)}`).join(', ')}`),
      [
        'countries: country EU',
        'officials: official maros-sefcovic, official ana',
        'tariffs: tariff eu-steel',
        'timeline: event brussels, event call',
      ],
    );
    assert.equal(index.hasSyntaxErrors, false);
  });

  it('keeps names and details for the outline, and tariff steps', () => {
    const [eu, maros, ana, tariff, brussels] = entriesOf(index);
    assert.deepEqual(
      [eu!.name, maros!.name, maros!.detail, ana!.name, tariff!.name, brussels!.name, brussels!.detail],
      [
        'European Union',
        'Maroš Šefčovič',
        'Commissioner',
        'Ana',
        'EU steel duties',
        'Briefing in Brussels',
        '2025-06-12',
      ],
    );
    assert.deepEqual(
      tariff!.steps.map((s) => [s.date, s.rate]),
      [
        ['2025-01-01', '7.5'],
        ['2025-03-01', '10%'],
      ],
    );
  });

  it('spans an entry from its first key to its last value, without the comment after the id or trailing space', () => {
    const maros = entriesOf(index).find((e) => e.id === 'maros-sefcovic')!;
    assert.equal(
      textOf(TEAM, maros),
      'id: maros-sefcovic   # the commissioner\n    name: Maroš Šefčovič\n    country: EU\n    title: Commissioner',
    );
    const ana = entriesOf(index).find((e) => e.id === 'ana')!;
    assert.equal(textOf(TEAM, ana), '{ id: ana, name: Ana, title: Envoy, country: US }');
  });

  it('records every use of an id: country, by, on, event and participants in flow and block lists', () => {
    assert.deepEqual(
      index.uses.map((u) => `${u.target}:${u.id}=${textOf(TEAM, u)}`),
      [
        'country:EU=EU',
        'country:US=US',
        'country:EU=EU',
        'country:US=US',
        'event:brussels=brussels',
        'official:maros-sefcovic=maros-sefcovic',
        'official:ana=ana',
        'official:maros-sefcovic=maros-sefcovic',
        'official:ana="ana"',
      ],
    );
  });

  it('finds the same uses as the loader on a valid file', () => {
    const loaded = loadKnowledgeFile(
      'file:///t.trade.yaml',
      TALKS_YAML + 'timeline:\n  - { id: e, date: 2025-06-09, title: T, participants: [scott-bessent] }\n',
    );
    const own = indexKnowledge(
      TALKS_YAML + 'timeline:\n  - { id: e, date: 2025-06-09, title: T, participants: [scott-bessent] }\n',
    );
    assert.ok(loaded.file);
    const lines = own.lines;
    assert.deepEqual(
      own.uses.map((u) => ({ target: u.target, id: u.id, range: lines.rangeAt(u.start, u.end) })),
      loaded.file.references.map((r) => ({ target: r.target, id: r.id, range: r.range })),
    );
  });

  it('indexes what it can of a file with YAML errors, which the loader rejects', () => {
    const broken = `${TEAM}  - id: half\n    participants: [maros-sefcovic, \n`;
    assert.equal(loadKnowledgeFile('file:///b.trade.yaml', broken).file, undefined);
    const partial = indexKnowledge(broken);
    assert.equal(partial.hasSyntaxErrors, true);
    assert.ok(
      entriesOf(partial).some((e) => e.id === 'maros-sefcovic'),
      'earlier entries are still indexed',
    );
  });

  it('keeps an entry without an id, spanning its id at the entry start', () => {
    const text = 'kind: trade-knowledge\nversion: 1\nofficials:\n  - name: No Id Yet\n';
    const [entry] = entriesOf(indexKnowledge(text));
    assert.equal(entry!.id, undefined);
    assert.equal(entry!.name, 'No Id Yet');
    assert.equal(entry!.idSpan.start, entry!.start);
  });

  it('gives nothing for text that is not a mapping', () => {
    assert.deepEqual(indexKnowledge('- just\n- a list\n').sections, []);
    assert.deepEqual(indexKnowledge('').sections, []);
  });
});

describe('idAt', () => {
  const index = indexKnowledge(TEAM);

  it('finds a used id, also with the cursor right after it', () => {
    const at = TEAM.indexOf('participants: [maros-sefcovic') + 'participants: ['.length;
    assert.deepEqual(idAt(index, at), {
      kind: 'official',
      id: 'maros-sefcovic',
      start: at,
      end: at + 'maros-sefcovic'.length,
      isDefinition: false,
    });
    assert.equal(idAt(index, at + 'maros-sefcovic'.length)?.id, 'maros-sefcovic');
  });

  it('finds a defined id and a country code as definitions', () => {
    const defined = idAt(index, TEAM.indexOf('id: eu-steel') + 6);
    assert.deepEqual([defined?.kind, defined?.id, defined?.isDefinition], ['tariff', 'eu-steel', true]);
    const country = idAt(index, TEAM.indexOf('EU: {') + 1);
    assert.deepEqual([country?.kind, country?.id, country?.isDefinition], ['country', 'EU', true]);
  });

  it('finds an event id used in a tariff step', () => {
    assert.deepEqual(idAt(index, TEAM.indexOf('event: brussels') + 8)?.kind, 'event');
  });

  it('finds nothing on other values and keys', () => {
    assert.equal(idAt(index, TEAM.indexOf('Briefing in Brussels') + 3), undefined);
    assert.equal(idAt(index, TEAM.indexOf('title: Commissioner') + 2), undefined);
  });
});
