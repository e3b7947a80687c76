import type * as vscode from 'vscode';
import { BUNDLED_SCHEME, POLICY_NOTE_LANGUAGE } from '../services/configuration';

/** Notes in any file system (local, remote, virtual), and unsaved ones. */
export const POLICY_NOTE_SELECTOR: vscode.DocumentSelector = [{ language: POLICY_NOTE_LANGUAGE }];

/**
 * YAML documents, the bundled knowledge, and knowledge files whatever their language; providers check
 * `KnowledgeDocuments.isKnowledgeDocument`, since which YAML files are knowledge is a per-folder setting.
 */
export const KNOWLEDGE_SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml' },
  { scheme: BUNDLED_SCHEME },
  { pattern: '**/*.trade.yaml' },
];
