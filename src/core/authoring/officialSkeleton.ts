import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { foldText } from '../matching/characters';
import { endWithoutTrailingSpace } from '../text/whiteSpace';

/** An official to add to a knowledge file, as found in a note. */
export interface NewOfficial {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  /** How the note wrote it, e.g. "Commerce Minister Zhang Wei", kept as an alias so it matches from now on. */
  readonly alias?: string;
}

/** Text to insert into a knowledge file. */
export interface Insertion {
  readonly offset: number;
  readonly text: string;
  /** Where the new entry starts once inserted, as an offset into the new text. */
  readonly entryStart: number;
}

/** A valid, unused id from a name: "Zhang Wei" → `zhang-wei`, then `zhang-wei-2`, … */
export function officialIdFor(name: string, isTaken: (id: string) => boolean): string {
  const base =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'official';
  let id = base;
  for (let n = 2; isTaken(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Where and what to insert so that `fileText` gains the official as the last entry of `officials:`
 * (creating the list if needed), matching the file's indentation and style. Undefined when the file
 * cannot take it safely: YAML errors, or a top level that is not a block mapping.
 */
export function insertOfficial(fileText: string, official: NewOfficial): Insertion | undefined {
  const doc = parseDocument(fileText);
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root) || root.flow) return undefined;
  const pair = root.items.find((item) => isScalar(item.key) && item.key.value === 'officials');
  if (!pair) {
    const separator = fileText === '' || /[\r\n]$/.test(fileText) ? '' : '\n';
    const text = `${separator}officials:\n${blockEntry(official, '  ', '    ')}\n`;
    return {
      offset: fileText.length,
      text,
      entryStart: fileText.length + separator.length + 'officials:\n'.length + 2,
    };
  }
  const list = pair.value as Node | null;
  if (list === null || (isScalar(list) && list.value === null)) {
    // `officials:` with nothing after it yet; an explicit `null` or `~` would have to be replaced.
    if (list?.range && list.range[1] > list.range[0]) return undefined;
    const key = pair.key as Node;
    const at = lineEnd(fileText, key.range![1]);
    const dash = ' '.repeat(columnOf(fileText, key.range![0]) + 2);
    return withEntry(at, `\n${blockEntry(official, dash, `${dash}  `)}`, 1 + dash.length);
  }
  if (!isSeq(list)) return undefined;
  if (list.flow) {
    const close = list.range![1] - 1;
    const text = `${list.items.length > 0 ? ', ' : ''}${flowEntry(official)}`;
    return withEntry(close, text, list.items.length > 0 ? 2 : 0);
  }
  const last = list.items[list.items.length - 1] as Node | undefined;
  if (!last?.range) return undefined;
  const dashColumn = columnOf(fileText, list.range![0]);
  const fieldColumn = isMap(last) && !last.flow ? columnOf(fileText, last.range[0]) : dashColumn + 2;
  const at = lineEnd(fileText, endWithoutTrailingSpace(fileText, last.range[0], last.range[1]));
  const dash = ' '.repeat(dashColumn);
  return withEntry(at, `\n${blockEntry(official, dash, ' '.repeat(fieldColumn))}`, 1 + dash.length);
}

/** A complete knowledge file holding only the official, for when there is no file to add it to. */
export function newKnowledgeFile(official: NewOfficial): string {
  return `kind: trade-knowledge\nversion: 1\nofficials:\n${blockEntry(official, '  ', '    ')}\n`;
}

function withEntry(offset: number, text: string, entryOffset: number): Insertion {
  return { offset, text, entryStart: offset + entryOffset };
}

/** The entry as block YAML: `- id: …` at `dash`, the other fields at `field`, `country:` left to fill in. */
function blockEntry(official: NewOfficial, dash: string, field: string): string {
  const fields = [
    `name: ${yamlScalar(official.name)}`,
    ...(official.alias ? [`aliases: [${yamlScalar(official.alias)}]`] : []),
    `title: ${yamlScalar(official.title)}`,
    'country:',
  ];
  return [`${dash}- id: ${official.id}`, ...fields.map((line) => `${field}${line}`)].join('\n');
}

function flowEntry(official: NewOfficial): string {
  const alias = official.alias ? `, aliases: [${yamlScalar(official.alias)}]` : '';
  return `{ id: ${official.id}, name: ${yamlScalar(official.name)}${alias}, title: ${yamlScalar(official.title)} }`;
}

/** Plain when that reads back as the same text in block and flow context; double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .'’-]*$/u.test(text) && !/\s$/.test(text);
  const special = /^(true|false|null|yes|no|on|off|y|n|~)$/i.test(text) || /^[-+.\d]/.test(text);
  return plain && !special ? text : JSON.stringify(text);
}

function columnOf(text: string, offset: number): number {
  return offset - (Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1);
}

/** The end of the line `offset` is on, before its line break. */
function lineEnd(text: string, offset: number): number {
  const found = /\r\n|\r|\n/.exec(text.slice(offset));
  return found ? offset + found.index : text.length;
}
