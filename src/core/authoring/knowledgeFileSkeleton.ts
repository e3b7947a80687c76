/** The ending of knowledge files under the default `tradeNotes.knowledgeFiles` glob (`**\/*.trade.yaml`). */
export const KNOWLEDGE_FILE_SUFFIX = '.trade.yaml';

/** The name a new knowledge file gets when nothing else is asked for. */
export const DEFAULT_KNOWLEDGE_FILE_NAME = `knowledge${KNOWLEDGE_FILE_SUFFIX}`;

/**
 * A new knowledge file of format version 1 that loads without a single problem: the required header,
 * `asOf`, and each section empty, with a commented example entry under it. Uncommenting the examples
 * (Toggle Line Comment removes the leading `# `) gives entries that load too and refer to each other.
 * @param asOf the date the file is created, `YYYY-MM-DD`
 */
export function knowledgeFileSkeleton(asOf: string): string {
  return `# Trade Notes knowledge file (format version 1): officials, tariffs and timeline events for hover
# cards, the Talks Timeline and the fact check. Its entries extend the bundled knowledge, and replace a
# bundled entry with the same id. To add an entry, uncomment an example below (select its lines and
# press Ctrl+/) and fill it in. The format is described in the Trade Notes README.

kind: trade-knowledge    # required: marks this file as a knowledge file
version: 1               # required: the format version
asOf: ${asOf}         # optional: the date up to which you checked this file

# Countries by code (upper-case letters and digits): CODE: { name, aliases, flag }.
countries:
#  EU: { name: European Union, aliases: [E.U., Brussels], flag: 🇪🇺 }

# People named in your notes. Required: id (lower-case letters, digits and hyphens), name and title.
officials:
#  - id: jane-doe
#    name: Jane Doe
#    aliases: [Minister Doe]
#    country: EU
#    title: Trade Minister
#    organization: Ministry of Trade
#    note: Markdown text, shown on her card.
#    links: [https://example.org/source]

# Tariffs and their history of rates. Required: id, by and on (country codes), label, and a history
# of steps, each with a date and a rate (a percentage).
tariffs:
#  - id: eu-on-cn-example
#    by: EU
#    on: CN
#    label: EU tariffs on goods from China (example)
#    links: [https://example.org/source]
#    history:
#      - date: 2025-07-01
#        rate: 10%
#        note: Markdown text about this step.
#        event: example-talks
#        links: [https://example.org/source-of-this-rate]

# Events of the Talks Timeline. Required: id, date and title. kind: talks, call, statement, measure
# or deadline; participants: ids of officials.
timeline:
#  - id: example-talks
#    date: 2025-07-01
#    end: 2025-07-02
#    title: Example trade talks
#    place: Brussels
#    kind: talks
#    participants: [jane-doe]
#    summary: Markdown text.
#    links: [https://example.org/source]
`;
}

/**
 * The file name for what a user typed: trimmed, with {@link KNOWLEDGE_FILE_SUFFIX} added when it does
 * not end with it (`eu-watch` → `eu-watch.trade.yaml`). Undefined when it cannot be a file name on
 * every system: empty, a path, `.` or `..`, characters Windows forbids, or control characters.
 */
export function knowledgeFileName(typed: string): string | undefined {
  const name = typed.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || name === '.' || name === '..' || /[/\\:*?"<>|\u0000-\u001f]/.test(name)) return undefined;
  if (name.endsWith(KNOWLEDGE_FILE_SUFFIX)) return name;
  if (name.endsWith('.')) return undefined;
  return `${name}${KNOWLEDGE_FILE_SUFFIX}`;
}

/**
 * `wanted` when it is free, else the first free one of `knowledge-2.trade.yaml`, `knowledge-3.trade.yaml`, …
 * (the number goes before the suffix of knowledge files, or before the last extension).
 */
export function freeFileName(wanted: string, isTaken: (name: string) => boolean): string {
  if (!isTaken(wanted)) return wanted;
  const suffix = wanted.endsWith(KNOWLEDGE_FILE_SUFFIX) ? KNOWLEDGE_FILE_SUFFIX : (/\.[^.]*$/.exec(wanted)?.[0] ?? '');
  const base = wanted.slice(0, wanted.length - suffix.length);
  let name = wanted;
  for (let n = 2; isTaken(name); n++) name = `${base}-${n}${suffix}`;
  return name;
}
