import { describe, expect, it } from 'vitest';
import { button, capBlocks, context, fields, header, section, sections } from './blocks.js';
import { escapeMrkdwn } from './mrkdwn.js';

describe('block builders enforce limits', () => {
  it('header: plain_text, at most 150 characters, no angle brackets', () => {
    const h = header(`<!channel> ${'h'.repeat(500)}`);
    expect(h.text.type).toBe('plain_text');
    expect(h.text.text.length).toBeLessThanOrEqual(150);
    expect(h.text.text).not.toMatch(/[<>]/);
  });
  it('section text at most 3000; fields at most 10 of 2000', () => {
    expect(section('s'.repeat(9000)).text!.text.length).toBe(3000);
    const f = fields(Array.from({ length: 14 }, (_, i) => [`k${i}`, 'v'.repeat(5000)] as const));
    expect(f.fields).toHaveLength(10);
    for (const x of f.fields!) expect(x.text.length).toBeLessThanOrEqual(2000);
  });
  it('sections splits long text at line breaks and never splits an entity', () => {
    const text = escapeMrkdwn('&'.repeat(2000)); // 10,000 characters, no line breaks
    const parts = sections(text, 4);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text!.text.length).toBeLessThanOrEqual(3000);
      expect(p.text!.text.replace(/…$/, '')).toMatch(/^(&amp;)+$/);
    }
    const lines = Array.from({ length: 200 }, (_, i) => `line ${i} ${'x'.repeat(40)}`).join('\n');
    const byLine = sections(lines, 5);
    expect(byLine.every((p) => p.text!.text.startsWith('line '))).toBe(true);
  });
  it('context: at most 10 elements', () => {
    expect(context(...Array.from({ length: 20 }, (_, i) => `e${i}`)).elements).toHaveLength(10);
  });
  it('button: text 75, confirm title 100 / text 300 / buttons 30; refuses over-long action_id or value', () => {
    const b = button({
      text: 't'.repeat(200),
      actionId: 'rollback',
      value: 'v',
      style: 'danger',
      confirm: { title: 'T'.repeat(200), text: 'X'.repeat(1000), confirm: 'C'.repeat(100), deny: 'D'.repeat(100) },
    });
    expect(b.text.text.length).toBe(75);
    expect(b.confirm!.title!.text.length).toBe(100);
    expect(b.confirm!.text!.text.length).toBe(300);
    expect(b.confirm!.confirm!.text.length).toBe(30);
    expect(b.confirm!.deny!.text.length).toBe(30);
    expect(b.confirm!.style).toBe('danger');
    expect(() => button({ text: 'x', actionId: 'a'.repeat(256), value: 'v' })).toThrow(/action_id/);
    expect(() => button({ text: 'x', actionId: 'a', value: 'v'.repeat(2001) })).toThrow(/value/);
  });
  it('capBlocks keeps the head and the trailing buttons within 50 blocks', () => {
    const many = [...Array.from({ length: 80 }, (_, i) => section(`s${i}`)), context('tail')];
    const capped = capBlocks(many, 1);
    expect(capped).toHaveLength(50);
    expect(capped[0]).toEqual(section('s0'));
    expect(capped.at(-1)).toEqual(context('tail'));
    expect(JSON.stringify(capped.at(-2))).toContain('more blocks left out');
  });
});
