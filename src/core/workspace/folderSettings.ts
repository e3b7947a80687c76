import { parse, type ParseError } from 'jsonc-parser';
import { KNOWLEDGE_FILES_SETTING } from './fileKinds';

/**
 * The knowledge files' globs that a folder's `.vscode/settings.json` (JSON with comments) sets, read the way
 * the extension reads the setting: only non-empty strings count, and a value that is not a list sets none.
 * Undefined when the file does not set it (or is not readable as settings): the default then applies.
 */
export function knowledgeGlobsInSettings(settingsText: string): string[] | undefined {
  const errors: ParseError[] = [];
  const settings: unknown = parse(settingsText, errors, { allowTrailingComma: true });
  if (errors.length > 0 || typeof settings !== 'object' || settings === null) return undefined;
  if (!(KNOWLEDGE_FILES_SETTING in settings)) return undefined;
  const value: unknown = (settings as Record<string, unknown>)[KNOWLEDGE_FILES_SETTING];
  if (!Array.isArray(value)) return [];
  return value.filter((glob): glob is string => typeof glob === 'string' && glob.trim() !== '');
}
