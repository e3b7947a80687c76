import assert from 'node:assert/strict';
import fc from 'fast-check';
import { changeBetween } from '../../src/core/text/textChange';

describe('changeBetween', () => {
  it('is the replacement that turns one text into the other, keeping their common start and end', () => {
    assert.equal(changeBetween('abc', 'abc'), undefined);
    assert.deepEqual(changeBetween('abc', 'abXc'), { start: 2, oldLength: 0, newLength: 1 });
    assert.deepEqual(changeBetween('aaaa', 'aa'), { start: 2, oldLength: 2, newLength: 0 });
    assert.deepEqual(changeBetween('', 'new'), { start: 0, oldLength: 0, newLength: 3 });
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const change = changeBetween(before, after);
        if (!change) return before === after;
        const { start, oldLength, newLength } = change;
        const rebuilt =
          before.slice(0, start) + after.slice(start, start + newLength) + before.slice(start + oldLength);
        return rebuilt === after && start + oldLength <= before.length;
      }),
      { numRuns: 2000 },
    );
  });
});
