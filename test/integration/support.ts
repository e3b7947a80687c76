// Helpers shared by the extension-host tests: reaching the extension, finding text, reading hovers.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TradeNotesApi } from '../../src/extension';

export async function activateExtension(): Promise<TradeNotesApi> {
  const extension = vscode.extensions.getExtension<TradeNotesApi>('trade-notes.trade-notes');
  assert.ok(extension, 'extension trade-notes.trade-notes not found');
  const api = await extension.activate();
  await api.store.ready();
  return api;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** A knowledge file of one official, as bytes to write: the smallest file a test can add to the workspace. */
export function oneOfficial(id: string, name: string, title: string): Uint8Array {
  return new TextEncoder().encode(
    `kind: trade-knowledge\nversion: 1\nofficials:\n  - { id: ${id}, name: ${name}, title: ${title} }\n`,
  );
}

/** The position of the n-th occurrence of `needle`, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, offset = 0, occurrence = 0): vscode.Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = document.getText().indexOf(needle, index + 1);
    assert.ok(index >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${document.uri.toString()}`);
  }
  return document.positionAt(index + offset);
}

export interface HoverResult {
  /** The card as a reader sees it: Markdown with backslash escapes removed. */
  readonly markdown: string;
  readonly range?: vscode.Range;
  readonly text?: string;
}

/** Every hover at a position, through VS Code's own command (as the editor asks for it). */
export function hoversAt(document: vscode.TextDocument, position: vscode.Position): Thenable<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
}

/** Our hover at a position, through VS Code's own command (as the editor asks for it). */
export async function hoverAt(
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<HoverResult | undefined> {
  const hovers = await hoversAt(document, position);
  const ours = hovers.filter((hover) => hover.contents.some((c) => markdownOf(c).length > 0));
  if (ours.length === 0) return undefined;
  const hover = ours[0]!;
  return {
    markdown: unescapeMarkdown(hover.contents.map(markdownOf).join('\n')),
    range: hover.range,
    text: hover.range ? document.getText(hover.range) : undefined,
  };
}

export async function hoverOn(
  document: vscode.TextDocument,
  needle: string,
  offset = 1,
  occurrence = 0,
): Promise<HoverResult | undefined> {
  return hoverAt(document, positionOf(document, needle, offset, occurrence));
}

/** CommonMark backslash escapes of ASCII punctuation render as the character itself. */
function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function markdownOf(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

/** Polls until `check` returns a truthy value (live updates are debounced), or fails with `what`. */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 5000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

export async function openNote(...segments: string[]): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...segments));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * An unsaved note with `text`, shown in the active editor. Its name is unique: a reused `Untitled-1` could
 * still be reverted by the previous test's cleanup.
 */
export async function scratchNote(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(
    vscode.Uri.from({
      scheme: 'untitled',
      path: `/scratch-${Date.now()}-${Math.random().toString(36).slice(2)}.pnote`,
    }),
  );
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Runs `work` while a 1 ms timer counts its ticks and the longest gap between two: a host that a
 * scan blocked for all of its time would tick only before and after it.
 */
export async function whileTicking<T>(
  work: () => Promise<T>,
): Promise<{ result: T; ticks: number; longestGapMs: number }> {
  let ticks = 0;
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks++;
  }, 1);
  try {
    const result = await work();
    return { result, ticks, longestGapMs };
  } finally {
    clearInterval(timer);
  }
}

/**
 * The code actions VS Code offers on `range`, asked again when VS Code cancels the request: it cancels
 * requests in flight when a note's diagnostics change (two checks report on a note, each in its own
 * time), and a user's light bulb simply asks again.
 */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        range,
        kind,
      );
    } catch (error) {
      if (attempt === 3 || !(error instanceof Error) || error.message !== 'Canceled') throw error;
    }
  }
}
