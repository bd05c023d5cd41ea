/**
 * manifest.yml, the Slack app manifest: parses, has what Slack requires, registers what the code listens
 * for, and requests exactly the bot scopes the code's Web API calls need: none missing, none unused.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from './dockerfile-replay.js';
import { findSlackCalls, scopesFor } from './slack-api-usage.js';

interface Manifest {
  _metadata?: { major_version: number };
  display_information: { name: string; description?: string; long_description?: string; background_color?: string };
  features: {
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: { command: string; description: string; usage_hint?: string; url?: string; should_escape?: boolean }[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { interactivity?: { is_enabled: boolean; request_url?: string }; socket_mode_enabled: boolean; event_subscriptions?: unknown };
}

const manifest = parse(readFileSync(join(REPO_ROOT, 'manifest.yml'), 'utf8')) as Manifest;
const calls = findSlackCalls();
const called = [...new Set(calls.map((c) => c.method))].sort();
const requested = manifest.oauth_config.scopes.bot;

function srcText(dir = join(REPO_ROOT, 'src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? srcText(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
    .join('\n');
}
const source = srcText();

describe('manifest.yml', () => {
  it('has the parts Slack requires, within its limits', () => {
    expect(manifest._metadata?.major_version).toBeOneOf([1, 2]);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description!.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description!.length).toBeGreaterThanOrEqual(175);
    expect(manifest.display_information.long_description!.length).toBeLessThanOrEqual(4000);
    expect(manifest.display_information.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it('registers the slash command the code listens for, with a usage hint and a description', () => {
    const listened = [...source.matchAll(/\.command\(\s*['"](\/[\w-]+)['"]/g)].map((m) => m[1]);
    expect(listened).toEqual(['/crashloop']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(listened);
    const [cmd] = manifest.features.slash_commands;
    expect(cmd!.usage_hint).toMatch(/<pod\|workload> \[-n namespace\] \[-c container\]/);
    expect(cmd!.usage_hint).toContain('help');
    expect(cmd!.description.length).toBeGreaterThan(10);
  });

  it('turns interactivity on (the thread buttons) and Socket Mode on by default', () => {
    expect(source).toMatch(/\bapp\.action\b/);
    expect(manifest.settings.interactivity?.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    // Nothing subscribes to events, so the manifest asks for none (and no URL to fill for them).
    expect(source).not.toMatch(/\bapp\.(event|message)\s*\(/);
    expect(manifest.settings.event_subscriptions).toBeUndefined();
  });

  it('finds the Web API calls in the code (the scan is not empty)', () => {
    expect(called).toEqual(expect.arrayContaining(['chat.postMessage', 'chat.update']));
  });

  it.each(called)('covers %s with a requested scope', (method) => {
    const needed = scopesFor(method);
    const where = calls.filter((c) => c.method === method).map((c) => `${c.file}:${c.line}`).join(', ');
    expect(needed, `${method} (called at ${where}) is not in METHOD_SCOPES; add its bot scopes from Slack's method reference`).toBeDefined();
    for (const scope of needed!) expect(requested, `${method} needs ${scope} (called at ${where})`).toContain(scope);
  });

  it('requests no scope the code does not use', () => {
    const used = new Set(called.flatMap((m) => scopesFor(m) ?? []));
    if (manifest.features.slash_commands.length > 0) used.add('commands');
    expect(requested.filter((s) => !used.has(s))).toEqual([]);
    expect(new Set(requested).size).toBe(requested.length);
  });
});
