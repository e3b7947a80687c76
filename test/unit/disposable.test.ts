// The lifetimes every service and feature is built on (src/services/disposable.ts), without VS Code.
import assert from 'node:assert/strict';
import { Disposable, DisposableStore, Emitter } from '../../src/services/disposable';

/** A disposable that writes its name to `log` when disposed. */
const logged = (log: string[], name: string) => ({ dispose: () => log.push(name) });

class Owner extends Disposable {
  own<T extends { dispose(): unknown }>(value: T): T {
    return this.register(value);
  }
}

describe('Disposable', () => {
  it('disposes what it owns once, newest first, and what comes after at once', () => {
    const log: string[] = [];
    const owner = new Owner();
    owner.own(logged(log, 'first'));
    owner.own(logged(log, 'second'));
    owner.dispose();
    owner.dispose();
    assert.deepEqual(log, ['second', 'first']);
    owner.own(logged(log, 'late'));
    assert.deepEqual(log, ['second', 'first', 'late']);
  });

  it('a store disposes its group without its owner, and its subscriptions with it', () => {
    const log: string[] = [];
    const emitter = new Emitter<string>();
    const owner = new Owner();
    const store = new DisposableStore();
    owner.own({ dispose: () => store.dispose() });
    store.add(logged(log, 'watcher'));
    store.add(emitter.event((event) => log.push(event)));
    emitter.fire('heard');
    store.dispose();
    emitter.fire('not heard');
    assert.deepEqual(log, ['heard', 'watcher']);
    owner.dispose();
    assert.deepEqual(log, ['heard', 'watcher'], 'disposed once');
  });
});
