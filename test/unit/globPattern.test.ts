import assert from 'node:assert/strict';
import { globToRegExp, matchesAnyGlob } from '../../src/core/workspace/globPattern';

describe('globToRegExp', () => {
  const matches = (glob: string, path: string): boolean => globToRegExp(glob).test(path);

  it('matches files at any depth with **/', () => {
    assert.ok(matches('**/*.trade.yaml', 'a.trade.yaml'));
    assert.ok(matches('**/*.trade.yaml', 'deep/er/a.trade.yaml'));
    assert.ok(!matches('**/*.trade.yaml', 'a.trade.yml'));
    assert.ok(!matches('**/*.trade.yaml', 'a.trade.yaml.bak'));
  });

  it('keeps * and ? inside one folder', () => {
    assert.ok(matches('kb/*.yaml', 'kb/x.yaml'));
    assert.ok(!matches('kb/*.yaml', 'kb/sub/x.yaml'));
    assert.ok(matches('kb/?.yaml', 'kb/x.yaml'));
    assert.ok(!matches('kb/?.yaml', 'kb/xy.yaml'));
  });

  it('supports alternatives, character classes and a trailing **', () => {
    assert.ok(matches('**/*.{trade.yaml,trade.yml}', 'x/a.trade.yml'));
    assert.ok(matches('data/[a-c]*.yaml', 'data/b1.yaml'));
    assert.ok(!matches('data/[!a-c]*.yaml', 'data/b1.yaml'));
    assert.ok(matches('kb/**', 'kb/a/b/c.yaml'));
  });

  it('treats regular-expression characters literally', () => {
    assert.ok(matches('notes (2025)/+a.yaml', 'notes (2025)/+a.yaml'));
    assert.ok(!matches('a.yaml', 'aXyaml'));
  });

  it('matches a path against several globs', () => {
    const globs = ['kb/**/*.yaml', '**/*.trade.yaml'].map(globToRegExp);
    assert.ok(matchesAnyGlob('kb/x/y.yaml', globs));
    assert.ok(matchesAnyGlob('z.trade.yaml', globs));
    assert.ok(!matchesAnyGlob('z.yaml', globs));
  });
});
