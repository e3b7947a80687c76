// The tariff chart's data (src/core/chart/): which tariffs, their steps on one time axis, events, the note's
// date, axes, the accessible table and the keyboard stops; its SVG export; the messages of its webview.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChartRequest, pngBytesOfDataUrl } from '../../src/core/chart/chartProtocol';
import {
  escapeXml,
  renderTariffChartSvg,
  safeColour,
  steppedPath,
  type ChartPalette,
} from '../../src/core/chart/chartSvg';
import { buildTariffChart, counterpartOf, dayOf, tariffsToChart } from '../../src/core/chart/tariffChart';
import { mergeKnowledge } from '../../src/core/knowledge/knowledge';
import { loadKnowledgeFile } from '../../src/core/knowledge/loadKnowledgeFile';
import type { Tariff } from '../../src/core/knowledge/types';
import { formatDate } from '../../src/core/timeline/dates';
import { knowledgeFrom } from './support/knowledge';

const text = readFileSync(join(__dirname, '../../../src/bundled/us-china-2025.trade.yaml'), 'utf8');
const bundled = mergeKnowledge(
  loadKnowledgeFile('trade-notes-bundled:/us-china-2025.trade.yaml', text).file,
  [],
).knowledge;

function tariff(id: string, knowledge = bundled): Tariff {
  const found = knowledge.tariffs.get(id);
  assert.ok(found, id);
  return found;
}

const palette: ChartPalette = {
  background: '#1e1e1e',
  foreground: '#cccccc',
  grid: 'rgba(128, 128, 128, 0.35)',
  event: '#9d9d9d',
  noteDate: '#b180d7',
  series: ['#3794ff', '#f14c4c'],
  fontFamily: '-apple-system, "Segoe UI", sans-serif',
};

const HOSTILE = knowledgeFrom(`kind: trade-knowledge
version: 1
tariffs:
  - id: a-on-b
    by: AA
    on: BB
    label: "<script>alert('x')</script> & co"
    history:
      - { date: 2025-03-01, rate: 10%, event: evil }
  - id: b-on-a
    by: BB
    on: AA
    label: B on A
    history:
      - { date: 2025-04-01, rate: 5% }
      - { date: 2025-05-01, rate: 0% }
timeline:
  - id: evil
    date: 2025-03-01
    title: "</text><script>bad()</script>"
`);

describe('Tariff chart data', () => {
  it('shows one tariff with its counterpart (by and on swapped), and several exactly as asked', () => {
    assert.deepEqual(
      tariffsToChart(['us-on-cn'], bundled).tariffs.map((t) => t.id),
      ['us-on-cn', 'cn-on-us'],
    );
    assert.deepEqual(
      tariffsToChart(['cn-on-us-farm', 'us-on-cn'], bundled).tariffs.map((t) => t.id),
      ['cn-on-us-farm', 'us-on-cn'],
    );
    assert.equal(counterpartOf(tariff('cn-on-us-farm'), bundled)?.id, 'us-on-cn');
    const missing = tariffsToChart(['gone', 'us-on-cn', 'us-on-cn'], bundled);
    assert.deepEqual(missing.missing, ['gone']);
    assert.deepEqual(
      missing.tariffs.map((t) => t.id),
      ['us-on-cn'],
    );
  });

  it('has one step per history entry, and a table row for each, oldest first', () => {
    const tariffs = [tariff('us-on-cn'), tariff('cn-on-us')];
    const chart = buildTariffChart(tariffs, bundled);
    assert.equal(chart.title, `${tariffs[0].label} and ${tariffs[1].label}`);
    assert.deepEqual(
      chart.series.map((s) => s.steps.length),
      tariffs.map((t) => t.history.length),
    );
    assert.equal(chart.rows.length, tariffs[0].history.length + tariffs[1].history.length);
    assert.deepEqual(chart.rows[0], {
      date: '4 Feb 2025',
      rate: '10%',
      tariff: tariffs[0].label,
      event: bundled.events.get('us-fentanyl-tariff-2025')!.title,
    });
    const chronological = tariffs
      .flatMap((t, index) => t.history.map((step) => ({ date: step.date, index })))
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.index - b.index))
      .map((step) => formatDate(step.date));
    assert.deepEqual(
      chart.rows.map((row) => row.date),
      chronological,
    );
    // The same day: the first tariff's row first.
    const may14 = chart.rows.filter((row) => row.date === '14 May 2025');
    assert.deepEqual(
      may14.map((row) => [row.tariff, row.rate]),
      [
        [tariffs[0].label, '30%'],
        [tariffs[1].label, '10%'],
      ],
    );
  });

  it('marks the events the steps link to, once each, by date', () => {
    const chart = buildTariffChart([tariff('us-on-cn'), tariff('cn-on-us')], bundled);
    const linked = new Set(
      [tariff('us-on-cn'), tariff('cn-on-us')].flatMap((t) => t.history.flatMap((s) => (s.event ? [s.event] : []))),
    );
    assert.deepEqual(new Set(chart.events.map((e) => e.id)), linked);
    assert.equal(chart.events.length, linked.size);
    assert.deepEqual(
      chart.events.map((e) => e.day),
      [...chart.events.map((e) => e.day)].sort((a, b) => a - b),
    );
    const geneva = chart.events.find((e) => e.id === 'geneva-joint-statement-2025')!;
    assert.equal(geneva.day, dayOf('2025-05-12'));
    assert.equal(geneva.title, bundled.events.get('geneva-joint-statement-2025')!.title);
  });

  it('aligns the series on one set of days: the rate in force, null before the first step', () => {
    const chart = buildTariffChart([tariff('us-on-cn'), tariff('cn-on-us')], bundled);
    const { days, rates, stepIndexes } = chart.aligned;
    const at = (series: number, iso: string): number | null | undefined => rates[series][days.indexOf(dayOf(iso)!)];
    assert.equal(at(0, '2025-02-04'), 10);
    assert.equal(at(1, '2025-02-04'), null, 'China had no recorded rate yet');
    assert.equal(at(0, '2025-04-12'), 145, 'the US rate carried to a day only China has a step on');
    assert.equal(at(1, '2025-04-12'), 125);
    // Both run up to the date the knowledge was checked to, and the axis goes a little beyond.
    assert.equal(days[days.length - 1], dayOf('2025-12-31'));
    assert.equal(at(0, '2025-12-31'), 20);
    assert.equal(at(1, '2025-12-31'), 10);
    assert.ok(chart.x.max > dayOf('2025-12-31')! && chart.x.min < dayOf('2025-02-04')!);
    assert.deepEqual(
      stepIndexes.map((indexes) => indexes.length),
      [6, 3],
    );
    for (const [series, indexes] of stepIndexes.entries()) {
      for (const [n, index] of indexes.entries())
        assert.equal(rates[series][index], chart.series[series].steps[n].rate);
    }
    assert.equal(chart.asOf, 'as of 31 Dec 2025');
  });

  it('draws the note’s date, widening the axis to it', () => {
    const chart = buildTariffChart([tariff('us-on-cn')], bundled, '2026-03-01');
    assert.deepEqual(chart.noteDate, { day: dayOf('2026-03-01'), date: '1 Mar 2026' });
    assert.ok(chart.x.max > dayOf('2026-03-01')!);
    assert.equal(buildTariffChart([tariff('us-on-cn')], bundled).noteDate, undefined);
  });

  it('labels months on the x axis (the year on the first and on January) and round rates on the y axis', () => {
    const chart = buildTariffChart([tariff('us-on-cn')], bundled);
    assert.equal(chart.x.ticks[0].label, 'Feb 2025');
    assert.equal(chart.x.ticks[1].label, 'Mar');
    assert.ok(chart.x.ticks.some((tick) => tick.label === 'Jan 2026'));
    for (const tick of chart.x.ticks) assert.ok(tick.value >= chart.x.min && tick.value <= chart.x.max);
    assert.deepEqual(
      chart.y.ticks.map((tick) => tick.label),
      ['0%', '50%', '100%', '150%', '200%'],
    );
    assert.equal(chart.y.max, 200);
    const small = buildTariffChart([tariff('b-on-a', HOSTILE)], HOSTILE);
    assert.ok(small.x.max - small.x.min >= 60, 'a short history still gets a readable axis');
    assert.ok(small.y.max >= 5 && small.y.ticks.length <= 6);
  });

  it('gives keyboard stops at each step and event with the rates in force', () => {
    const chart = buildTariffChart([tariff('us-on-cn'), tariff('cn-on-us')], bundled);
    const may14 = chart.stops.find((s) => s.day === dayOf('2025-05-14'))!;
    assert.match(may14.description, /^14 May 2025\. /);
    assert.match(may14.description, /US tariffs on goods from China \(2025\): 30% \(new\)/);
    assert.ok(chart.stops.some((s) => s.day === dayOf('2025-05-12') && /Event: Joint statement/.test(s.description)));
    assert.deepEqual(
      chart.stops.map((s) => s.day),
      [...new Set(chart.stops.map((s) => s.day))].sort((a, b) => a - b),
    );
  });
});

describe('Tariff chart as SVG', () => {
  it('escapes knowledge text and checks colours', () => {
    const chart = buildTariffChart(tariffsToChart(['a-on-b'], HOSTILE).tariffs, HOSTILE, '2025-04-15');
    const svg = renderTariffChartSvg(
      chart,
      { ...palette, foreground: 'red" onload="x()', fontFamily: '"><script>' },
      { noteDate: 'Note <dated>', asOf: undefined },
    );
    assert.doesNotMatch(svg, /<script/);
    assert.doesNotMatch(svg, /onload/);
    assert.match(svg, /&#60;script&#62;alert\(&#39;x&#39;\)&#60;\/script&#62; &#38; co/);
    assert.match(svg, /Note &#60;dated&#62;/);
    assert.match(svg, /fill="#333333"/, 'a colour that is not one falls back');
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="800" height="440"/);
  });

  it('draws a step path per series, a point per step, a line per event and for the note', () => {
    const chart = buildTariffChart([tariff('us-on-cn'), tariff('cn-on-us')], bundled, '2025-06-10');
    const svg = renderTariffChartSvg(chart, palette, { noteDate: 'Note dated 10 Jun 2025', asOf: 'as of 31 Dec 2025' });
    assert.equal((svg.match(/<path d="M[\d.]+ [\d.]+(H[\d.]+V[\d.]+)+"/g) ?? []).length, 2);
    assert.equal((svg.match(/<circle /g) ?? []).length, 9);
    assert.equal((svg.match(/stroke-dasharray="3 3"/g) ?? []).length, chart.events.length);
    assert.match(svg, /Note dated 10 Jun 2025/);
    assert.match(svg, /as of 31 Dec 2025/);
  });

  it('breaks a step line where a value is missing', () => {
    assert.equal(steppedPath(['0', '10', '20', '30'], ['5', '6', null, '7']), 'M0 5H10V6M30 7');
    assert.equal(steppedPath(['0'], [null]), '');
  });

  it('keeps colours the theme gives and drops anything else', () => {
    for (const colour of ['#fff', '#1e1e1eaa', 'rgba(128, 128, 128, 0.35)', 'transparent', 'hsl(0 0% 50% / 50%)']) {
      assert.equal(safeColour(colour, 'x'), colour);
    }
    for (const colour of ['url(#x)', 'red;stroke:blue', 'var(--x)', '"red"'])
      assert.equal(safeColour(colour, 'x'), 'x');
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });
});

describe('Tariff chart webview messages', () => {
  it('accepts only well-formed requests', () => {
    assert.deepEqual(parseChartRequest({ type: 'ready' }), { type: 'ready' });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"></svg>';
    assert.deepEqual(parseChartRequest({ type: 'copySvg', svg }), { type: 'copySvg', svg });
    for (const bad of [
      null,
      'ready',
      { type: 'run' },
      { type: 'copySvg', svg: '<script>alert(1)</script>' },
      { type: 'copySvg', svg: 42 },
      { type: 'copySvg', svg: `<svg ${' '.repeat(11 * 1024 * 1024)}` },
      { type: 'savePng', dataUrl: 'data:text/html;base64,PHNjcmlwdD4=' },
    ]) {
      assert.equal(parseChartRequest(bad), undefined, JSON.stringify(bad));
    }
    assert.deepEqual(parseChartRequest({ type: 'savePng', dataUrl: 'data:image/png;base64,AA==', copyFailed: 1 }), {
      type: 'savePng',
      dataUrl: 'data:image/png;base64,AA==',
      copyFailed: false,
    });
  });

  it('decodes PNG data URLs and nothing else', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const dataUrl = `data:image/png;base64,${btoa(String.fromCharCode(...png))}`;
    assert.deepEqual(pngBytesOfDataUrl(dataUrl), png);
    assert.equal(pngBytesOfDataUrl(`data:image/png;base64,${btoa('GIF89a')}`), undefined);
    assert.equal(pngBytesOfDataUrl('data:image/png;base64,!!!'), undefined);
    assert.equal(pngBytesOfDataUrl('https://example.org/x.png'), undefined);
  });
});
