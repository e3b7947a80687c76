import * as vscode from 'vscode';
import type { Knowledge } from '../core/knowledge/knowledge';
import type { SourceLocation } from '../core/knowledge/types';
import { findMentionAt } from '../core/matching/findMention';
import { definitionsOfMention } from '../core/navigation/mentionTargets';
import { POLICY_NOTE_LANGUAGE } from '../services/configuration';
import type { KnowledgeStore } from '../services/knowledgeStore';
import { logFailure } from '../services/logger';
import { NOT_CANCELLED } from '../services/mentionCache';
import type { Services } from '../services/services';
import { openEntry } from './knowledgeSource';

const OPEN_MENTION_ENTRY_COMMAND = 'tradeNotes.openMentionEntry';
const INSERT_OFFICIAL_COMMAND = 'tradeNotes.insertOfficial';

/**
 * Palette commands for the note in the active editor: open the knowledge entry of the mention at the
 * cursor, and insert an official's name picked by fuzzy search (an ordinary, undoable edit).
 */
export function registerNoteCommands(services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    registerNoteCommand(services, OPEN_MENTION_ENTRY_COMMAND, 'Open Knowledge Entry of Mention', (editor) =>
      openMentionEntry(editor, services),
    ),
    registerNoteCommand(services, INSERT_OFFICIAL_COMMAND, 'Insert Official', (editor) =>
      insertOfficial(editor, services.store),
    ),
  );
}

/**
 * A command on the policy note in the active editor; elsewhere it says what to open. Resolves to what
 * `run` gives, or undefined when it failed (logged).
 */
export function registerNoteCommand<T>(
  { logger }: Pick<Services, 'logger'>,
  command: string,
  title: string,
  run: (editor: vscode.TextEditor) => Promise<T>,
): vscode.Disposable {
  return vscode.commands.registerCommand(command, () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId !== POLICY_NOTE_LANGUAGE) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a policy note (.pnote or .policy.md) first.'));
      return undefined;
    }
    return logFailure(logger, title, () => run(editor));
  });
}

/** Resolves to the editor showing the entry, or undefined when there is no mention at the cursor or the pick was dismissed. */
async function openMentionEntry(
  editor: vscode.TextEditor,
  { store, mentions }: Pick<Services, 'store' | 'mentions'>,
): Promise<vscode.TextEditor | undefined> {
  const found = await mentions.mentions(editor.document, NOT_CANCELLED);
  const mention = found && findMentionAt(found, editor.document.offsetAt(editor.selection.active));
  const sources = mention ? definitionsOfMention(mention, store.knowledge) : [];
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('Place the cursor on the name of an official, a country or a tariff figure the knowledge has.'),
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
    title: vscode.l10n.t('Several tariffs have this rate'),
    placeHolder: vscode.l10n.t('Open the entry of…'),
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
    title: vscode.l10n.t('Insert Official'),
    placeHolder: vscode.l10n.t('Type part of a name, alias or title'),
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
