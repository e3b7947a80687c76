/**
 * Lifetimes and events without `vscode` at run time, so that services built on them run in plain Node
 * tests. VS Code's own disposables and events fit these types, and these fit VS Code's.
 */

export interface IDisposable {
  dispose(): unknown;
}

/** A subscription point, in the shape of `vscode.Event` (which is assignable to it). */
export type Event<T> = (listener: (event: T) => unknown) => IDisposable;

/**
 * The base of everything that owns subscriptions or resources: each is handed to {@link register} once
 * and disposed with its owner, newest first. Anything registered after disposal is disposed at once.
 */
export abstract class Disposable implements IDisposable {
  private readonly owned: IDisposable[] = [];
  private disposed = false;

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  protected register<T extends IDisposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const value of this.owned.splice(0).reverse()) value.dispose();
  }
}

/** A group of disposables with a lifetime of its own, shorter than its owner's (one search's file watchers). */
export class DisposableStore extends Disposable {
  add<T extends IDisposable>(value: T): T {
    return this.register(value);
  }
}

/**
 * Fires events to its listeners in the order they subscribed. A listener that throws does not stop
 * the others: its error is rethrown on its own, as an uncaught error of the host (as VS Code's does).
 */
export class Emitter<T> implements IDisposable {
  private readonly listeners = new Set<(event: T) => unknown>();

  readonly event: Event<T> = (listener) => {
    // A wrapper per subscription, so that the same function may subscribe twice.
    const subscription = (event: T): unknown => listener(event);
    this.listeners.add(subscription);
    return { dispose: () => this.listeners.delete(subscription) };
  };

  fire(event: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        setTimeout(() => {
          throw error;
        }, 0);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
