import * as assert from 'node:assert/strict';
import { renderEventCard } from '../../src/core/cards/eventCard';
import { renderOfficialCard } from '../../src/core/cards/officialCard';
import { renderTariffCard } from '../../src/core/cards/tariffCard';
import { describeChange, describeNext, formatRate } from '../../src/core/cards/tariffChanges';
import { type Knowledge, mergeKnowledge } from '../../src/core/knowledge/knowledge';
import type {
  KnowledgeFile,
  Official,
  SourceLocation,
  Tariff,
  TariffStep,
  TimelineEvent,
} from '../../src/core/knowledge/types';

const URI = 'file:///work/talks.trade.yaml';
const source: SourceLocation = {
  uri: URI,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
};

function official(fields: Partial<Official> & Pick<Official, 'id' | 'name' | 'title'>): Official {
  return { aliases: [], titles: [], links: [], source, ...fields };
}

function event(fields: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'date' | 'title'>): TimelineEvent {
  return { participants: [], links: [], source, ...fields };
}

function step(date: string, rate: number, extra: Partial<TariffStep> = {}): TariffStep {
  return { date, rate, links: [], source, ...extra };
}

const bessent = official({
  id: 'scott-bessent',
  name: 'Scott Bessent',
  aliases: ['Bessent', 'Treasury Secretary Bessent'],
  country: 'US',
  title: 'Secretary of the Treasury',
  organization: 'US Department of the Treasury',
  note: 'Led the US side in **Geneva** and London.',
  links: [
    'https://home.treasury.gov/about/general-information/officials/scott-bessent',
    'command:workbench.action.quit',
  ],
});

const heLifeng = official({
  id: 'he-lifeng',
  name: 'He Lifeng',
  country: 'CN',
  title: 'Vice Premier of the State Council',
});

const usOnCn: Tariff = {
  id: 'us-on-cn',
  by: 'US',
  on: 'CN',
  label: 'US tariffs on goods from China',
  links: ['https://www.whitehouse.gov/presidential-actions/2025/05/modifying-reciprocal-tariff-rates/'],
  history: [
    step('2025-02-04', 10, { note: 'IEEPA tariff over fentanyl flows' }),
    step('2025-03-04', 20, { note: 'Fentanyl tariff doubled' }),
    step('2025-04-10', 145, { note: '125% reciprocal + 20% fentanyl', event: 'us-raises-to-145' }),
    step('2025-05-14', 30, {
      note: '**Geneva truce**: reciprocal part cut to 10% for 90 days',
      event: 'geneva-statement',
    }),
  ],
  source,
};

const cnOnUs: Tariff = {
  id: 'cn-on-us',
  by: 'CN',
  on: 'US',
  label: "China's tariffs on goods from the US",
  links: [],
  history: [step('2025-04-10', 84), step('2025-04-12', 125), step('2025-05-14', 10, { event: 'geneva-statement' })],
  source,
};

const london = event({
  id: 'london-2025',
  date: '2025-06-09',
  end: '2025-06-10',
  title: 'London trade talks',
  place: 'Lancaster House, London',
  kind: 'talks',
  participants: ['he-lifeng', 'scott-bessent', 'jamieson-greer'],
  summary: 'Agreed a *framework* to implement the Geneva consensus.',
  links: ['https://www.gov.uk/government/news/uk-to-host-us-china-talks'],
});

const geneva = event({
  id: 'geneva-2025',
  date: '2025-05-10',
  end: '2025-05-11',
  title: 'Geneva trade talks',
  place: 'Villa Saladin, Geneva',
  kind: 'talks',
  participants: ['scott-bessent', 'he-lifeng'],
});

const genevaStatement = event({
  id: 'geneva-statement',
  date: '2025-05-12',
  title: 'Joint statement on the Geneva meeting',
  kind: 'statement',
});

const raiseTo145 = event({
  id: 'us-raises-to-145',
  date: '2025-04-10',
  title: 'US tariff on Chinese goods reaches 145%',
  kind: 'measure',
});

function knowledgeOf(parts: Partial<Omit<KnowledgeFile, 'uri' | 'references'>>): Knowledge {
  return mergeKnowledge(undefined, [fileOf(parts)]).knowledge;
}

function fileOf(parts: Partial<Omit<KnowledgeFile, 'uri' | 'references'>>): KnowledgeFile {
  return {
    uri: URI,
    countries: [
      { code: 'US', name: 'United States', aliases: ['U.S.'], flag: '🇺🇸', source },
      { code: 'CN', name: 'China', aliases: [], flag: '🇨🇳', source },
    ],
    officials: [],
    tariffs: [],
    timeline: [],
    references: [],
    ...parts,
  };
}

const talks = knowledgeOf({
  officials: [bessent, heLifeng],
  tariffs: [usOnCn, cnOnUs],
  // Out of order on purpose: cards must sort.
  timeline: [london, genevaStatement, geneva, raiseTo145],
});

/** The lines of the history table of a tariff card, without header and alignment rows. */
function tableRows(card: string): string[] {
  return card
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2);
}

describe('formatRate', () => {
  it('drops trailing zeros and floating-point noise', () => {
    assert.equal(formatRate(145), '145%');
    assert.equal(formatRate(7.5), '7.5%');
    assert.equal(formatRate(7.5), '7.5%');
    assert.equal(formatRate(0.1 + 0.2), '0.3%');
  });
});

describe('describeChange and describeNext', () => {
  it('describes the first entry, a raise, a cut and an unchanged rate', () => {
    const history = [...usOnCn.history, step('2025-08-12', 30)];
    assert.equal(describeChange(history, 0), 'First recorded rate: 10% on 4 Feb 2025');
    assert.equal(describeChange(history, 2), 'Raised from 20% to 145% on 10 Apr 2025');
    assert.equal(describeChange(history, 3), 'Lowered from 145% to 30% on 14 May 2025');
    assert.equal(describeChange(history, 4), 'Kept at 30% on 12 Aug 2025');
  });

  it('describes what came next, or that nothing did', () => {
    assert.equal(describeNext(usOnCn.history, 1), 'then raised to 145% on 10 Apr 2025');
    assert.equal(describeNext(usOnCn.history, 2), 'then lowered to 30% on 14 May 2025');
    assert.equal(describeNext(usOnCn.history, 3), 'still the latest recorded rate');
  });

  it('dates the latest step with the asOf of the knowledge, and no other', () => {
    assert.equal(describeNext(usOnCn.history, 3, '2025-12-31'), 'still the latest recorded rate as of 31 Dec 2025');
    assert.equal(describeNext(usOnCn.history, 2, '2025-12-31'), 'then lowered to 30% on 14 May 2025');
  });
});

describe('renderOfficialCard', () => {
  const card = renderOfficialCard(bessent, talks);

  it('shows name as a heading, then title and organization, country with flag and aliases', () => {
    assert.deepEqual(card.split('\n\n').slice(0, 3), [
      '#### Scott Bessent',
      'Secretary of the Treasury · US Department of the Treasury',
      '🇺🇸 United States · Also known as: Bessent, Treasury Secretary Bessent',
    ]);
  });

  it('lists the events they took part in, oldest first, with date ranges', () => {
    assert.ok(
      card.includes('**Took part in**\n- 10–11 May 2025 · Geneva trade talks\n- 9–10 Jun 2025 · London trade talks'),
      card,
    );
  });

  it('quotes the note and lists only http(s) links', () => {
    assert.ok(card.includes('\n\n> Led the US side in **Geneva** and London\\.\n\n'), card);
    assert.ok(
      card.endsWith(
        'Sources: [home\\.treasury\\.gov\\/about\\/general\\-information\\/off…](https://home.treasury.gov/about/general-information/officials/scott-bessent)',
      ),
      card,
    );
    assert.ok(!card.includes('command:'), card);
  });

  it('falls back to the country code when the country is unknown, and leaves out empty parts', () => {
    const wang = official({ id: 'wang-wentao', name: 'Wang Wentao', country: 'PRC', title: 'Minister of Commerce' });
    assert.equal(renderOfficialCard(wang, talks), '#### Wang Wentao\n\nMinister of Commerce\n\nPRC');
  });

  it('shows hostile fields literally and cannot be split by its note', () => {
    const hostile = official({
      id: 'hostile',
      name: '<img src=x onerror=alert(1)>',
      title: '[x](command:workbench.action.quit)',
      organization: '| pipes |',
      aliases: ['**bold**'],
      note: 'Intro\n---\n# heading\n[x](javascript:alert(1)) ![i](file:///etc/passwd)',
      links: ['javascript:alert(1)'],
    });
    assert.equal(
      renderOfficialCard(hostile, talks),
      [
        '#### \\<img src\\=x onerror\\=alert\\(1\\)\\>',
        '\\[x\\]\\(command\\:workbench\\.action\\.quit\\) · \\| pipes \\|',
        'Also known as: \\*\\*bold\\*\\*',
        '> Intro\n> \\-\\-\\-\n> \\# heading\n> x i',
      ].join('\n\n'),
    );
  });
});

describe('renderTariffCard', () => {
  it('marks the hovered row and explains the change it was part of, with its event', () => {
    const card = renderTariffCard(145, [usOnCn], talks);
    assert.ok(
      card.startsWith('#### US tariffs on goods from China\n\nImposed by 🇺🇸 United States on 🇨🇳 China\n\n'),
      card,
    );
    assert.ok(
      card.includes(
        '▶ **Raised from 20\\% to 145\\% on 10 Apr 2025**, then lowered to 30\\% on 14 May 2025. ' +
          'Linked event: US tariff on Chinese goods reaches 145\\% (10 Apr 2025)',
      ),
      card,
    );
    assert.ok(
      card.includes('\n\n> 125\\% reciprocal \\+ 20\\% fentanyl\n\n'),
      `the hovered step's note, and only it: ${card}`,
    );
    assert.ok(!card.includes('IEEPA'), 'notes of other steps stay out of the card');
    assert.deepEqual(tableRows(card), [
      '| 4 Feb 2025 | 10\\% |',
      '| 4 Mar 2025 | 20\\% |',
      '| ▶ **10 Apr 2025** | **145\\%** |',
      '| 14 May 2025 | 30\\% |',
    ]);
    assert.ok(
      card.endsWith(
        'Sources: [whitehouse\\.gov\\/presidential\\-actions\\/2025\\/05\\/mod…](https://www.whitehouse.gov/presidential-actions/2025/05/modifying-reciprocal-tariff-rates/)',
      ),
      card,
    );
  });

  it('describes a cut that is still the latest rate', () => {
    const card = renderTariffCard(30, [usOnCn], talks);
    assert.ok(
      card.includes(
        '▶ **Lowered from 145\\% to 30\\% on 14 May 2025**, still the latest recorded rate. ' +
          'Linked event: Joint statement on the Geneva meeting (12 May 2025)',
      ),
      card,
    );
  });

  it('says "as of" the asOf of the file that defines the tariff, never "current"', () => {
    const dated: KnowledgeFile = { ...fileOf({ tariffs: [usOnCn] }), asOf: '2025-12-31' };
    const other: KnowledgeFile = {
      ...fileOf({ tariffs: [{ ...cnOnUs, source: { ...source, uri: 'file:///work/other.trade.yaml' } }] }),
      uri: 'file:///work/other.trade.yaml',
      asOf: '2025-06-30',
    };
    const knowledge = mergeKnowledge(undefined, [dated, other]).knowledge;
    const usCard = renderTariffCard(30, [knowledge.tariffs.get('us-on-cn')!], knowledge);
    assert.ok(usCard.includes('**, still the latest recorded rate as of 31 Dec 2025.'), usCard);
    const cnCard = renderTariffCard(10, [knowledge.tariffs.get('cn-on-us')!], knowledge);
    assert.ok(cnCard.includes('**, still the latest recorded rate as of 30 Jun 2025.'), cnCard);
    assert.doesNotMatch(usCard + cnCard, /current/i);
    assert.equal(knowledge.asOf, '2025-06-30', 'the timeline shows the earliest date any source gives');
    assert.equal(talks.asOf, undefined, 'no date when no source gives one');
  });

  it("marks the step in force on the note's date, and says nothing about a date after asOf", () => {
    const card = renderTariffCard(145, [usOnCn], talks, '2025-06-10');
    assert.ok(
      card.includes('◆ This note is dated 10 Jun 2025: the rate then was **30\\%** (since 14 May 2025).'),
      card,
    );
    assert.deepEqual(tableRows(card), [
      '| 4 Feb 2025 | 10\\% |',
      '| 4 Mar 2025 | 20\\% |',
      '| ▶ **10 Apr 2025** | **145\\%** |',
      '| 14 May 2025 ◆ | 30\\% |',
    ]);
    assert.ok(
      renderTariffCard(145, [usOnCn], talks, '2025-01-01').includes(
        'This note is dated 1 Jan 2025, before the first recorded rate.',
      ),
    );
    const dated = mergeKnowledge(undefined, [{ ...fileOf({ tariffs: [usOnCn] }), asOf: '2025-12-31' }]).knowledge;
    const later = renderTariffCard(30, [dated.tariffs.get('us-on-cn')!], dated, '2026-03-01');
    assert.ok(
      later.includes('This note is dated 1 Mar 2026, after this knowledge was last checked (as of 31 Dec 2025).'),
      later,
    );
    assert.ok(!later.includes('◆'), 'no step is marked as in force after asOf');
  });

  it('keeps the history table to dates and rates', () => {
    const card = renderTariffCard(125, [cnOnUs], talks);
    assert.ok(
      card.includes('| Date | Rate |\n| --- | ---: |\n| 10 Apr 2025 | 84\\% |\n| ▶ **12 Apr 2025** | **125\\%** |\n'),
      card,
    );
  });

  it('gives each candidate its own section, separated by rules, after a line saying why', () => {
    const card = renderTariffCard(10, [usOnCn, cnOnUs], talks);
    const sections = card.split('\n\n---\n\n');
    assert.equal(sections.length, 3);
    assert.equal(sections[0], '*10\\% appears in 2 tariffs*');
    assert.ok(sections[1].startsWith('#### US tariffs on goods from China\n'));
    assert.ok(
      sections[1].includes('▶ **First recorded rate\\: 10\\% on 4 Feb 2025**, then raised to 20\\% on 4 Mar 2025.'),
    );
    assert.ok(
      sections[2].startsWith("#### China\\'s tariffs on goods from the US\n\nImposed by 🇨🇳 China on 🇺🇸 United States"),
    );
    assert.ok(
      sections[2].includes('▶ **Lowered from 125\\% to 10\\% on 14 May 2025**, still the latest recorded rate.'),
    );
    assert.deepEqual(
      tableRows(sections[2]).map((row) => row.startsWith('| ▶')),
      [false, false, true],
    );
  });

  it('marks every step with the hovered rate when a rate recurs', () => {
    const roundTrip: Tariff = {
      ...cnOnUs,
      history: [...cnOnUs.history, step('2025-11-10', 125), step('2025-11-11', 10)],
    };
    const card = renderTariffCard(10, [roundTrip], talks);
    assert.equal(card.split('\n').filter((line) => line.startsWith('▶ ')).length, 2);
    assert.deepEqual(
      tableRows(card).map((row) => row.startsWith('| ▶')),
      [false, false, true, false, true],
    );
  });

  it('keeps a hostile note inert and shows unknown countries as codes', () => {
    const hostile: Tariff = {
      ...cnOnUs,
      by: 'XX',
      label: '<b>label</b>',
      history: [
        step('2025-04-10', 84, { note: '| pipes |\n<img src=x onerror=alert(1)> [x](command:workbench.action.quit)' }),
      ],
    };
    const card = renderTariffCard(84, [hostile], talks);
    assert.ok(card.startsWith('#### \\<b\\>label\\<\\/b\\>\n\nImposed by XX on 🇺🇸 United States'), card);
    assert.deepEqual(tableRows(card), ['| ▶ **10 Apr 2025** | **84\\%** |']);
    assert.ok(card.includes('> \\| pipes \\|\n> \\<img src\\=x onerror\\=alert\\(1\\)\\> x'), card);
  });

  it('says so when no candidate is given', () => {
    assert.equal(renderTariffCard(7.5, [], talks), 'No tariff in the knowledge has the rate 7\\.5\\%.');
  });
});

describe('renderEventCard', () => {
  it('shows date range, kind, place, participants, summary and links', () => {
    assert.equal(
      renderEventCard(london, talks),
      [
        '#### London trade talks',
        '9–10 Jun 2025 · Talks · Lancaster House\\, London',
        '**Participants:** 🇨🇳 He Lifeng, 🇺🇸 Scott Bessent, jamieson\\-greer',
        '> Agreed a *framework* to implement the Geneva consensus\\.',
        'Sources: [gov\\.uk\\/government\\/news\\/uk\\-to\\-host\\-us\\-china\\-talks](https://www.gov.uk/government/news/uk-to-host-us-china-talks)',
      ].join('\n\n'),
    );
  });

  it('lists the tariff changes linked to the event', () => {
    assert.equal(
      renderEventCard(genevaStatement, talks),
      [
        '#### Joint statement on the Geneva meeting',
        '12 May 2025 · Statement',
        '**Tariff changes**\n' +
          '- **US tariffs on goods from China**: Lowered from 145\\% to 30\\% on 14 May 2025\n' +
          "- **China\\'s tariffs on goods from the US**: Lowered from 125\\% to 10\\% on 14 May 2025",
      ].join('\n\n'),
    );
  });

  it('shows hostile fields literally and keeps the summary in its quote', () => {
    const hostile = event({
      id: 'hostile',
      date: '2025-06-09',
      title: '# <script>alert(1)</script>',
      place: '[x](javascript:alert(1))',
      participants: ['<img src=x>'],
      summary: '---\n# heading\n\n![i](file:///etc/passwd)',
    });
    assert.equal(
      renderEventCard(hostile, talks),
      [
        '#### \\# \\<script\\>alert\\(1\\)\\<\\/script\\>',
        '9 Jun 2025 · \\[x\\]\\(javascript\\:alert\\(1\\)\\)',
        '**Participants:** \\<img src\\=x\\>',
        '> \\-\\-\\-\n> \\# heading\n>\n> i',
      ].join('\n\n'),
    );
  });
});
