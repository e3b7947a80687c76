import assert from 'node:assert/strict';
import { MentionMatcher } from '../../src/core/matching/mentionMatcher';
import { outlineNote, type OutlineHeading, type OutlineMention } from '../../src/core/navigation/noteOutline';
import { knowledgeFrom, TALKS_YAML } from './support/knowledge';

const matcher = new MentionMatcher(knowledgeFrom(TALKS_YAML));

function describeMentions(text: string, mentions: readonly OutlineMention[]): string[] {
  return mentions.map(
    ({ mention, count }) => `${text.slice(mention.start, mention.end)}${count > 1 ? ` ×${count}` : ''}`,
  );
}

/** Each heading as "## Title [mentions]", indented by depth, to compare a whole outline at a glance. */
function render(text: string, headings: readonly OutlineHeading[], depth = 0): string[] {
  return headings.flatMap((h) => [
    `${'  '.repeat(depth)}${'#'.repeat(h.level)} ${h.text} [${describeMentions(text, h.mentions).join(', ')}]`,
    ...render(text, h.children, depth + 1),
  ]);
}

function outline(text: string): string[] {
  const result = outlineNote(text, matcher.scan(text));
  return [`[${describeMentions(text, result.mentions).join(', ')}]`, ...render(text, result.headings)];
}

describe('outlineNote', () => {
  it('nests headings by level, each with the officials and figures of its own text', () => {
    const text = [
      'Scott Bessent opened.',
      '# London round',
      'Vice Premier He Lifeng and Bessent met; Bessent spoke. China kept 125%.',
      '## Tariffs',
      'The US went to 145% and then 30 per cent.',
      '### Detail',
      'Nothing known here.',
      '## People',
      'Xi Jinping called.',
      '# Geneva',
      'He Lifeng again.',
    ].join('\n');
    assert.deepEqual(outline(text), [
      '[Scott Bessent]',
      '# London round [Vice Premier He Lifeng, Bessent ×2, 125%]',
      '  ## Tariffs [145%, 30 per cent]',
      '    ### Detail []',
      '  ## People [Xi Jinping]',
      '# Geneva [He Lifeng]',
    ]);
  });

  it('leaves out countries, which are context rather than entries of their own', () => {
    assert.deepEqual(outline('# Talks\nChina and the United States met.'), ['[]', '# Talks []']);
  });

  it('spans a section up to the next heading of the same or a higher level, without trailing blank lines', () => {
    const text = '# A\nline\n## B\nmore\n\n\n# C\n';
    const [a, c] = outlineNote(text, []).headings;
    assert.equal(text.slice(a!.lineStart, a!.lineEnd), '# A');
    assert.equal(text.slice(a!.lineStart, a!.end), '# A\nline\n## B\nmore');
    assert.equal(text.slice(a!.children[0]!.lineStart, a!.children[0]!.end), '## B\nmore');
    assert.equal(text.slice(c!.lineStart, c!.end), '# C');
  });

  it('ignores # lines in fenced code and in the front matter', () => {
    const text = [
      '---',
      '# not a heading: front matter',
      '---',
      '# Real',
      '```',
      '# not a heading: code',
      '```',
      '~~~~',
      '```',
      '# still code',
      '~~~~',
      '## Also real',
    ].join('\n');
    assert.deepEqual(outline(text), ['[]', '# Real []', '  ## Also real []']);
  });

  it('reads closing hashes, empty headings and up to three spaces of indentation, but not 7 hashes or a missing space', () => {
    const text = ['   ## Indented ##', '#', '####### seven', '#hashtag', '    # code block'].join('\n');
    assert.deepEqual(
      outlineNote(text, []).headings.flatMap(function flat(h): string[] {
        return [`${h.level}:${h.text}`, ...h.children.flatMap(flat)];
      }),
      ['2:Indented', '1:'],
    );
  });

  it('handles CRLF line breaks', () => {
    const text = '# One\r\nBessent\r\n# Two\r\n';
    const [one, two] = outlineNote(text, matcher.scan(text)).headings;
    assert.equal(text.slice(one!.lineStart, one!.lineEnd), '# One');
    assert.deepEqual(describeMentions(text, one!.mentions), ['Bessent']);
    assert.equal(text.slice(two!.lineStart, two!.end), '# Two');
  });

  it('keeps the heading line inside its section even with trailing spaces and nothing below', () => {
    const text = '# Empty   \n# Next';
    const [empty] = outlineNote(text, []).headings;
    assert.ok(empty!.end >= empty!.lineEnd);
  });
});
