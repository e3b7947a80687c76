/**
 * Puts an English message into the display language, filling `{0}`, `{1}`, … with `args`. In the
 * extension this is `vscode.l10n` itself, so core code calls `l10n.t('…')` exactly as extension code
 * does (and the same tools find its messages); in plain Node it is {@link english}.
 */
export interface Localizer {
  t(message: string, ...args: Array<string | number>): string;
}

/** The messages as written, with their placeholders filled. */
export const english: Localizer = {
  t: (message, ...args) =>
    message.replace(/\{(\d+)\}/g, (placeholder, index: string) =>
      Number(index) < args.length ? String(args[Number(index)]) : placeholder,
    ),
};
