/** What may be written at the cursor in a knowledge file. */
export type SlotKind = 'official' | 'event' | 'country' | 'event-kind' | 'file-kind';

export interface CompletionSlot {
  readonly kind: SlotKind;
  /** Where the value being typed starts (after an opening quote), as an offset into the text. */
  readonly start: number;
  /** Ids already listed in the same `participants` list, which need not be offered again. */
  readonly listed: readonly string[];
}

const SCALAR_SLOTS: Readonly<Record<string, SlotKind>> = {
  event: 'event',
  country: 'country',
  by: 'country',
  on: 'country',
  kind: 'event-kind',
};

/** A plain or quoted scalar being typed, up to the cursor. */
const PARTIAL_SCALAR = /^["']?[^\s,[\]{}#"':]*$/;
/** The inside of a flow list being typed: earlier items, then the item at the cursor. */
const PARTIAL_FLOW_LIST = /^\[((?:[^[\]{}#]*,)?)\s*["']?[^\s,[\]{}#"':]*$/;
const KEY = /(participants|event|country|by|on|kind)[ \t]*:[ \t]*/g;
const KEY_POSITION = /(?:^[ \t]*(?:-[ \t]+)*|[{,][ \t]*)$/;
const BLOCK_ITEM = /^([ \t]*)-[ \t]+(["']?[^\s,[\]{}#"':]*)$/;

/**
 * The slot at `offset`, judged from the text before the cursor on its line (and, for a block list item,
 * from the lines above): `participants` items, `event`, `country`, `by`, `on`, an event's `kind`, and the
 * file's top-level `kind`. Works on half-typed files, which a YAML parser would reject.
 */
export function completionSlotAt(text: string, offset: number): CompletionSlot | undefined {
  const lineStart = lastLineBreak(text, offset) + 1;
  const before = text.slice(lineStart, offset);
  const start = offset - valueLength(before);
  for (const match of [...before.matchAll(KEY)].reverse()) {
    const at = match.index!;
    // A key starts a line (maybe after `- `) or follows `{` or `,` in a flow mapping: `Met on: Monday` is no key.
    if (!KEY_POSITION.test(before.slice(0, at))) continue;
    const rest = before.slice(at + match[0].length);
    const key = match[1]!;
    if (key === 'participants') {
      const list = PARTIAL_FLOW_LIST.exec(rest);
      return list ? { kind: 'official', start, listed: splitFlowItems(list[1]!) } : undefined;
    }
    if (!PARTIAL_SCALAR.test(rest)) return undefined;
    const topLevel = key === 'kind' && at === 0;
    return { kind: topLevel ? 'file-kind' : SCALAR_SLOTS[key]!, start, listed: [] };
  }
  const item = BLOCK_ITEM.exec(before);
  if (!item) return undefined;
  const parent = blockListParent(text, lineStart, item[1]!.length);
  return parent?.key === 'participants' ? { kind: 'official', start, listed: parent.items } : undefined;
}

/** The length of the partial value at the end of `before`, after any opening quote. */
function valueLength(before: string): number {
  return /[^\s,[\]{}#"':]*$/.exec(before)![0].length;
}

function splitFlowItems(items: string): string[] {
  return items
    .split(',')
    .map((item) => item.trim().replace(/^["']|["']$/g, ''))
    .filter((item) => item !== '');
}

/**
 * The key a block list item belongs to (`participants:` on a line above, indented less, or as much
 * for `key:\n- item`), with the items listed between them.
 */
function blockListParent(
  text: string,
  lineStart: number,
  indent: number,
): { key: string; items: string[] } | undefined {
  const items: string[] = [];
  let end = lineStart - 1;
  while (end > 0) {
    const start = lastLineBreak(text, end) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const lineIndent = /^[ \t]*/.exec(line)![0].length;
    const sibling = /^[ \t]*-[ \t]+(["']?)([^\s#"']+)\1[ \t]*(#.*)?$/.exec(line);
    if (lineIndent === indent && sibling) {
      items.push(sibling[2]!);
      continue;
    }
    if (lineIndent > indent) return undefined;
    const key = /^[ \t]*(?:-[ \t]+)?([A-Za-z_]+)[ \t]*:[ \t]*(#.*)?$/.exec(line);
    return key ? { key: key[1]!, items } : undefined;
  }
  return undefined;
}

/** The index of the last line break (`\n`, or a `\r` not followed by `\n`) before `before`, or -1. */
function lastLineBreak(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) return i;
  }
  return -1;
}
