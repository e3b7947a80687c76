import * as vscode from 'vscode';
import { knowledge, text } from '../bundled/us-china-2025.trade.yaml';
import type { BundledKnowledge } from './knowledgeStore';

/** Bundled entries live at this read-only URI, served by a content provider (see features/knowledgeSource.ts). */
export const BUNDLED_SCHEME = 'trade-notes-bundled';

/** Loaded when the extension was built (see esbuild.mjs): activation parses no YAML for it. */
export const bundledKnowledge: BundledKnowledge = {
  uri: vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: '/us-china-2025.trade.yaml' }),
  text,
  file: knowledge,
};
