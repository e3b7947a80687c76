// @ts-check
// The Talks Timeline in a real workbench: open the Trade Notes container from the activity bar and
// read the tree rows: month groups ("June 2025") holding events whose rows show a date ("9–10 Jun 2025"),
// all oldest first (the default order). The knowledge is the bundled file plus examples/eu-watch.trade.yaml.
import assert from 'node:assert/strict';
import { Workbench } from './workbench.mjs';

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

describe('Talks Timeline view (real workbench)', function () {
  this.timeout(180_000);
  /** @type {Workbench} set by `before`; mocha skips the tests when it fails */
  let workbench;
  let passed = true;

  before(async () => {
    workbench = await Workbench.open();
    // A note beside the view makes the screenshot look like real use.
    await workbench.openFromExplorer('notes/london-talks-debrief.pnote');
  });
  afterEach(function () {
    if (this.currentTest?.state !== 'passed') passed = false;
  });
  after(async () => {
    // Undefined when `before` failed.
    await workbench?.close(passed);
  });

  it('shows month groups, then their events, oldest first', async () => {
    const rows = await workbench.readTimeline();
    await workbench.setSideBarWidth(560);
    await workbench.screenshot('timeline');

    const groups = rows.filter((row) => row.level === 1);
    const groupMonths = groups.map((group) => monthOfGroup(group.label));
    assert.ok(groups.length >= 2, `expected several month groups, got ${JSON.stringify(rows)}`);
    assert.ok(
      groups.some((group) => group.label === 'June 2025'),
      'no "June 2025" group',
    );
    assert.deepEqual(groupMonths, [...groupMonths].sort(), 'month groups are not in date order');

    let currentMonth = '';
    /** @type {string[]} */
    const eventDates = [];
    for (const row of rows) {
      if (row.level === 1) {
        currentMonth = monthOfGroup(row.label);
        continue;
      }
      const date = startDateOf(`${row.label} ${row.description}`);
      assert.ok(date, `event row without a date: ${JSON.stringify(row)}`);
      assert.equal(date.slice(0, 7), currentMonth, `event ${JSON.stringify(row)} is not in its month group`);
      eventDates.push(date);
    }
    assert.ok(eventDates.length >= groups.length, 'month groups without events');
    assert.deepEqual(eventDates, [...eventDates].sort(), 'events are not in date order');
    assert.ok(
      rows.some((row) => /London/.test(`${row.label} ${row.description}`)),
      'the London talks are missing',
    );
    // The view's description: the date up to which the knowledge (here the bundled file's) was checked.
    const sideBar = (await workbench.page.locator('.part.sidebar').textContent()) ?? '';
    assert.match(sideBar, /knowledge as of 31 Dec 2025/, 'the title bar does not say how old the knowledge is');
  });
});

/**
 * "June 2025" → "2025-06".
 * @param {string} label
 */
function monthOfGroup(label) {
  const match = /^(\w+) (\d{4})$/.exec(label);
  const month = match ? monthNames.indexOf(match[1]) + 1 : 0;
  assert.ok(match && month > 0, `not a month group label: "${label}"`);
  return `${match[2]}-${String(month).padStart(2, '0')}`;
}

/**
 * The start of the first date or date range in a row: "9–10 Jun 2025" → "2025-06-09",
 * "30 May – 2 Jun 2025" → "2025-05-30".
 * @param {string} text
 */
function startDateOf(text) {
  const match =
    /\b(\d{1,2})(?:–\d{1,2})? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*(?: – [^]*?)? (\d{4})\b/.exec(text);
  if (!match) return undefined;
  const month = monthNames.findIndex((name) => name.startsWith(match[2])) + 1;
  return `${match[3]}-${String(month).padStart(2, '0')}-${match[1].padStart(2, '0')}`;
}
