import * as vscode from 'vscode';

/** Where the extension reports what went wrong, instead of throwing into VS Code. */
export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

/** Logs to the "Trade Notes" output channel. */
export class OutputChannelLogger implements Logger, vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Trade Notes', { log: true });

  error(message: string, error?: unknown): void {
    if (error === undefined) this.channel.error(message);
    else this.channel.error(message, error instanceof Error ? error : String(error));
  }

  info(message: string): void {
    this.channel.info(message);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
