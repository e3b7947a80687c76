import * as vscode from 'vscode';
import type { Knowledge } from '../core/knowledge/knowledge';
import type { SourceLocation } from '../core/knowledge/types';
import { findMentionAt } from '../core/matching/findMention';
import { definitionsOfMention } from '../core/navigation/mentionTargets';
import type { KnowledgeStore } from '../services/knowledgeStore';
import type { Logger } from '../services/logger';
import type { MentionCache } from '../services/mentionCache';
import { openEntry } from './knowledgeSource';
import { POLICY_NOTE_LANGUAGE } from './policyNote';

const OPEN_MENTION_ENTRY_COMMAND = 'tradeNotes.openMentionEntry';
const INSERT_OFFICIAL_COMMAND = 'tradeNotes.insertOfficial';

/**
 * Palette commands for the note in the active editor: open the knowledge entry of the mention at the
 * cursor, and insert an official's name picked by fuzzy search (an ordinary, undoable edit).
 */
export function registerNoteCommands(
  context: vscode.ExtensionContext,
  store: KnowledgeStore,
  mentions: MentionCache,
  logger: Logger,
): void {
  const guarded =
    <T>(name: string, run: (editor: vscode.TextEditor) => Promise<T>) =>
    async (): Promise<T | undefined> => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== POLICY_NOTE_LANGUAGE) {
        void vscode.window.showInformationMessage('Open a policy note (.pnote or .policy.md) first.');
        return undefined;
      }
      try {
        return await run(editor);
      } catch (error) {
        logger.error(`${name} failed`, error);
        return undefined;
      }
    };
  context.subscriptions.push(
    vscode.commands.registerCommand(
      OPEN_MENTION_ENTRY_COMMAND,
      guarded('Open Knowledge Entry of Mention', (editor) => openMentionEntry(editor, store, mentions)),
    ),
    vscode.commands.registerCommand(
      INSERT_OFFICIAL_COMMAND,
      guarded('Insert Official', (editor) => insertOfficial(editor, store)),
    ),
  );
}

/** Resolves to the editor showing the entry, or undefined when there is no mention at the cursor or the pick was dismissed. */
async function openMentionEntry(
  editor: vscode.TextEditor,
  store: KnowledgeStore,
  mentions: MentionCache,
): Promise<vscode.TextEditor | undefined> {
  const cancellation = new vscode.CancellationTokenSource();
  const found = await mentions.mentions(editor.document, cancellation.token);
  cancellation.dispose();
  const mention = found && findMentionAt(found, editor.document.offsetAt(editor.selection.active));
  const sources = mention ? definitionsOfMention(mention, store.knowledge) : [];
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(
      'Place the cursor on the name of an official, a country or a tariff figure the knowledge has.',
    );
    return undefined;
  }
  const source = sources.length === 1 ? sources[0] : await pickTariff(sources, store.knowledge);
  return source && openEntry(source);
}

/** A figure several tariffs share: the user chooses, the most likely tariff first. */
async function pickTariff(
  sources: readonly SourceLocation[],
  knowledge: Knowledge,
): Promise<SourceLocation | undefined> {
  const items = [...knowledge.tariffs.values()]
    .filter((tariff) => sources.includes(tariff.source))
    .sort((a, b) => sources.indexOf(a.source) - sources.indexOf(b.source))
    .map((tariff) => ({ label: tariff.label, description: `${tariff.by} → ${tariff.on}`, source: tariff.source }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Several tariffs have this rate',
    placeHolder: 'Open the entry of…',
  });
  return picked?.source;
}

/** Resolves to the inserted name, or undefined when the pick was dismissed. */
async function insertOfficial(editor: vscode.TextEditor, store: KnowledgeStore): Promise<string | undefined> {
  await store.ready();
  const items = [...store.knowledge.officials.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((official) => ({
      label: official.name,
      description: official.title,
      detail: official.aliases.join(' · ') || undefined,
      official,
    }));
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Insert Official',
    placeHolder: 'Type part of a name, alias or title',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  const name = picked.official.name;
  const inserted = await editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, name);
  });
  return inserted ? name : undefined;
}
