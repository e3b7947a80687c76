import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PatternBefore } from '../../src/core/text/patternBefore';

describe('PatternBefore', () => {
  it('matches right before a place, reading no further back than the start it is given', () => {
    const by = new PatternBefore(String.raw`\b(by|up\s+to)\s+`, 'i');
    const text = 'tariffs rose BY 20% and up to 30%';
    assert.equal(by.exec(text, 0, text.indexOf('20%'))?.[1], 'BY');
    assert.equal(by.exec(text, 0, text.indexOf('30%'))?.[1], 'up to');
    assert.equal(by.test(text, 0, text.indexOf('rose')), false);
    // "up to" is cut by the start: only "to " is left, which the pattern does not know.
    assert.equal(by.test(text, text.indexOf('p to'), text.indexOf('30%')), false);
  });

  it('agrees with the same pattern anchored at the end of the slice', () => {
    const sources = [String.raw`\b(?:on|at)\s+(?:\w+\s+){0,2}`, String.raw`(a|ab|b)c?`, String.raw`[ \t]+`];
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.string({ unit: fc.constantFrom('o', 'n', 'a', 't', 'b', 'c', ' ', '\t', 'x') }),
        fc.nat(),
        fc.nat(),
        (source, text, a, b) => {
          const [start, end] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          const anchored = new RegExp(`(?:${source})$`, 'i').test(text.slice(start, end));
          return new PatternBefore(source, 'i').test(text, start, end) === anchored;
        },
      ),
      { numRuns: 3000 },
    );
  });
});
