import * as vscode from 'vscode';
import { PRODUCT_NAME } from './configuration';

/** Where the extension reports what went wrong, instead of throwing into VS Code. */
export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

/** Logs to the "Trade Notes" output channel. */
export class OutputChannelLogger implements Logger, vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel(PRODUCT_NAME, { log: true });

  error(message: string, error?: unknown): void {
    if (error === undefined) this.channel.error(message);
    else this.channel.error(message, error instanceof Error ? error : String(error));
  }

  info(message: string): void {
    this.channel.info(message);
  }

  show(): void {
    this.channel.show();
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/**
 * Runs `work` for a provider or a command: if it throws, the error is logged as "`what` failed" and the
 * answer is undefined, so nothing ever throws into VS Code and the last good state keeps serving.
 */
export async function logFailure<T>(logger: Logger, what: string, work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    logger.error(`${what} failed`, error);
    return undefined;
  }
}
