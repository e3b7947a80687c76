import * as vscode from 'vscode';
import { KNOWLEDGE_FILES_SETTING } from '../core/workspace/fileKinds';

/** The name users see: the output channel, the source of diagnostics, provider labels. */
export const PRODUCT_NAME = 'Trade Notes';

/** The language of policy notes (package.json `languages`). */
export const POLICY_NOTE_LANGUAGE = 'policy-note';

/** Bundled entries live at this read-only URI scheme, served by a content provider (features/knowledgeSource.ts). */
export const BUNDLED_SCHEME = 'trade-notes-bundled';

/** The Talks Timeline view (package.json `views`). */
export const TIMELINE_VIEW_ID = 'tradeNotes.timeline';

/** Every setting of `contributes.configuration` in package.json, by the name the code uses. */
export const Settings = {
  /** Glob patterns of knowledge files, per workspace folder. */
  knowledgeFiles: KNOWLEDGE_FILES_SETTING,
  useBundledKnowledge: 'tradeNotes.useBundledKnowledge',
  highlightMentions: 'tradeNotes.highlightMentions',
  hintUnknownOfficials: 'tradeNotes.hintUnknownOfficials',
  factCheckEnabled: 'tradeNotes.factCheck.enabled',
  factCheckSeverity: 'tradeNotes.factCheck.severity',
} as const;

export type Setting = (typeof Settings)[keyof typeof Settings];

/**
 * A setting's value for `scope` (a document or a folder for settings that vary by folder or language),
 * or `fallback` when it is unset or of the wrong type.
 */
export function readSetting<T extends boolean | string | readonly unknown[]>(
  setting: Setting,
  fallback: T,
  scope?: vscode.ConfigurationScope,
): T {
  const value = vscode.workspace.getConfiguration(undefined, scope).get<unknown>(setting);
  const sameType = Array.isArray(fallback) ? Array.isArray(value) : typeof value === typeof fallback;
  return sameType ? (value as T) : fallback;
}
