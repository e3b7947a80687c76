/** The setting of the knowledge files' globs, per folder (package.json `contributes.configuration`). */
export const KNOWLEDGE_FILES_SETTING = 'tradeNotes.knowledgeFiles';

/** Its default (package.json): knowledge files anywhere in a folder. */
export const DEFAULT_KNOWLEDGE_GLOBS: readonly string[] = ['**/*.trade.yaml'];

/** Policy notes, as package.json's `policy-note` language claims them (`.pnote`, `*.policy.md`). */
export const NOTE_GLOBS: readonly string[] = ['**/*.pnote', '**/*.policy.md'];
