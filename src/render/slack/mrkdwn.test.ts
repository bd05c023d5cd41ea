import { describe, expect, it } from 'vitest';
import { clusterText, code, codeBlock, escapeMrkdwn, mentionUser, plain, slackDate, truncate } from './mrkdwn.js';

describe('escapeMrkdwn', () => {
  it('escapes exactly & < > and nothing else', () => {
    expect(escapeMrkdwn('<!channel> & <@U123> <https://x|y> *b* _i_ `c`')).toBe(
      '&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt; *b* _i_ `c`',
    );
  });
  it('escapes an existing entity again, so cluster text cannot smuggle one in', () => {
    expect(escapeMrkdwn('&lt;!here&gt;')).toBe('&amp;lt;!here&amp;gt;');
  });
});

describe('clusterText', () => {
  it('redacts before escaping (patterns see the raw text)', () => {
    expect(clusterText('postgres://app:s3cr3t@db:5432 <x>')).toBe('postgres://app:[REDACTED]@db:5432 &lt;x&gt;');
    expect(clusterText('password=hunter2')).not.toContain('hunter2');
  });
  it('defuses backticks so cluster prose cannot open a code span', () => {
    expect(clusterText('a `b` c')).not.toContain('`');
  });
});

describe('truncate', () => {
  it('leaves short text alone and cuts long text to the limit with an ellipsis', () => {
    expect(truncate('abc', 3)).toBe('abc');
    const cut = truncate('x'.repeat(5000), 3000);
    expect(cut).toHaveLength(3000);
    expect(cut.endsWith('…')).toBe(true);
  });
  it('never splits a surrogate pair', () => {
    const cut = truncate('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });
  it('never leaves half an entity behind', () => {
    const text = escapeMrkdwn('&'.repeat(100)); // "&amp;" x 100
    for (let max = 2; max < 40; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.slice(0, -1)).toMatch(/^(&amp;)*$/);
    }
  });
});

describe('code', () => {
  it('keeps a backtick in cluster text from breaking out of the span', () => {
    const span = code('a`b``c');
    expect(span.startsWith('`') && span.endsWith('`')).toBe(true);
    expect(span.slice(1, -1)).not.toContain('`');
  });
  it('escapes, redacts, flattens newlines and bounds the content', () => {
    expect(code('<!here>\nline2')).toBe('`&lt;!here&gt; line2`');
    expect(code('token=abc123')).toBe('`token=[REDACTED]`');
    expect(code('y'.repeat(1000), 50)).toHaveLength(52);
    expect(code('')).toBe('` `');
  });
});

describe('codeBlock', () => {
  it('fences lines, defusing a ``` in a log line', () => {
    const block = codeBlock(['ok', 'evil ``` <!channel>'], { max: 3000 });
    expect(block.startsWith('```\n') && block.endsWith('\n```')).toBe(true);
    expect(block.slice(3, -3)).not.toContain('`');
    expect(block).toContain('&lt;!channel&gt;');
  });
  it('keeps the tail of a long log within the budget and says how much was left out', () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `line ${i} ${'<'.repeat(50)}`);
    const block = codeBlock(lines, { max: 2900 });
    expect(block.length).toBeLessThanOrEqual(2900);
    expect(block).toContain('line 999 ');
    expect(block).not.toContain('line 0 ');
    expect(block).toMatch(/… \d+ lines left out/);
  });
  it('keeps the head when asked (commands) and cuts over-long lines', () => {
    const block = codeBlock(['first', 'z'.repeat(10_000), 'third'], { max: 600, keep: 'head', maxLineLength: 100 });
    expect(block.length).toBeLessThanOrEqual(600);
    expect(block).toContain('first');
    expect(block).toContain('third');
    expect(block).toContain(`${'z'.repeat(99)}…`);
    expect(block).not.toContain('z'.repeat(100));
  });
});

describe('mentionUser', () => {
  it('mentions Slack user ids and escapes anything else', () => {
    expect(mentionUser('U0FAKEUSER1')).toBe('<@U0FAKEUSER1>');
    expect(mentionUser('W123ABC')).toBe('<@W123ABC>');
    expect(mentionUser('<!channel>')).toBe('&lt;!channel&gt;');
  });
});

describe('plain', () => {
  it('removes angle brackets, newlines and secrets from plain_text', () => {
    const p = plain('<!here>\nBearer ab12cd34ef56gh78', 150);
    expect(p).not.toMatch(/[<>\n]/);
    expect(p).not.toContain('ab12cd34ef56gh78');
  });
});

describe('slackDate', () => {
  it('formats a parsed date for each reader, with a UTC fallback', () => {
    expect(slackDate('2026-12-02T01:00:00Z')).toBe('<!date^1796173200^{date_short_pretty} {time}|2026-12-02 01:00 UTC>');
  });
  it('shows an unparsable value escaped, never as a control sequence', () => {
    expect(slackDate('<!channel>')).toBe('&lt;!channel&gt;');
  });
});
