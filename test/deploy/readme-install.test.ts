/**
 * The README's install section, followed as a new user would: the Secret and ConfigMap commands name real
 * configuration variables (and every one the manifests require), the value table covers every variable they
 * set, and the example overlays render with the real `kubectl kustomize` to what the text promises.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './dockerfile-replay.js';
import { byKind, DEPLOY_DIR, renderKustomization } from './render.js';

const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const start = readme.indexOf('<!-- section: install');
const section = readme.slice(start, readme.indexOf('\n## ', start));
const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const configVars = [...readFileSync(join(REPO_ROOT, 'src/config.ts'), 'utf8').matchAll(/^ {2}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1]!);

/** `--from-literal=KEY=...` keys of the first `kubectl ... create <kind>` command in the sh blocks. */
function literalKeys(kind: 'secret generic' | 'configmap', name: string): string[] {
  const sh = blocks.filter((b) => b.lang === 'sh').map((b) => b.text.replace(/\\\n/g, ' ')).join('\n');
  const line = sh.split('\n').find((l) => l.includes(`create ${kind} ${name}`));
  if (!line) throw new Error(`README install section has no "kubectl create ${kind} ${name}"`);
  return [...line.matchAll(/--from-literal=([A-Z_]+)=/g)].map((m) => m[1]!);
}

mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
const work = mkdtempSync(join(REPO_ROOT, '.tmp', 'readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The README's overlay, in a directory beside a "checkout" named crashloop-bot (this repository). */
function renderReadmeOverlay(extra = ''): ReturnType<typeof renderKustomization> {
  const heredoc = blocks.find((b) => b.text.includes('cat > my-crashloop-bot/kustomization.yaml'))!.text;
  let kustomization = heredoc.slice(heredoc.indexOf("<<'EOF'\n") + 8, heredoc.lastIndexOf('EOF'));
  const dir = mkdtempSync(join(work, 'my-crashloop-bot-'));
  kustomization = kustomization.replace('../crashloop-bot/deploy/', `${relative(dir, DEPLOY_DIR)}/`);
  writeFileSync(join(dir, 'kustomization.yaml'), kustomization + extra);
  return renderKustomization(dir);
}

describe('README install section', () => {
  it('creates the Secret with real variables, the bot token and a Slack connection among them', () => {
    const keys = literalKeys('secret generic', 'crashloop-bot');
    for (const k of keys) expect(configVars).toContain(k);
    expect(keys).toContain('SLACK_BOT_TOKEN');
    expect(keys).toContain('SLACK_APP_TOKEN');
    expect(keys).toContain('ALERT_WEBHOOK_TOKEN');
    // The HTTP-mode alternative is named in the text.
    expect(section).toContain('--from-literal=SLACK_SIGNING_SECRET=');
    expect(section).toContain('--from-literal=REDIS_URL=');
  });

  it('creates the settings ConfigMap the Deployments read, with real variables', () => {
    const keys = literalKeys('configmap', 'crashloop-bot-settings');
    for (const k of keys) expect(configVars).toContain(k);
    expect(keys).toContain('ALERT_CHANNEL');
    const socket = renderKustomization(join(DEPLOY_DIR, 'overlays', 'socket-mode'));
    for (const d of byKind<{ spec: { template: { spec: { containers: { envFrom: unknown[] }[] } } } }>(socket, 'Deployment')) {
      expect(d.spec.template.spec.containers[0]!.envFrom).toEqual([
        { secretRef: { name: 'crashloop-bot' } },
        { configMapRef: { name: 'crashloop-bot-settings', optional: true } },
      ]);
    }
  });

  it('explains, in its value table, every variable the steps set or the manifests read from the Secret', () => {
    const table = section.slice(section.indexOf('### Every value you need'), section.indexOf('### Install, step by step'));
    const named = [...literalKeys('secret generic', 'crashloop-bot'), ...literalKeys('configmap', 'crashloop-bot-settings'), 'SLACK_SIGNING_SECRET', 'REDIS_URL', 'ACTION_APPROVERS'];
    for (const k of named) expect(table, k).toContain(`\`${k}\``);
    const rendered = readFileSync(join(DEPLOY_DIR, 'components', 'external-redis', 'redis-url.yaml'), 'utf8');
    for (const m of rendered.matchAll(/key: ([A-Z_]+)/g)) expect(table).toContain(`\`${m[1]}\``);
  });

  it('sets, with its two commands and the manifests, a configuration the bot accepts (Socket Mode, alerts on)', async () => {
    const { loadConfig } = await import('../../src/config.js');
    // What a user types, with their values in place of the placeholders; --dry-run=client needs no cluster.
    const userValues = (cmd: string) =>
      cmd
        .replace('xoxb-…', 'xoxb-1111-2222-abcdefghij')
        .replace('xapp-…', 'xapp-1-A111-2222-abcdef')
        .replace('"$(openssl rand -hex 32)"', '0123456789abcdef0123456789abcdef');
    const run = (kind: 'secret generic' | 'configmap', name: string) => {
      const sh = blocks.filter((b) => b.lang === 'sh').map((b) => b.text.replace(/\\\n\s*/g, ' ')).join('\n');
      const cmd = sh.split('\n').find((l) => l.includes(`create ${kind} ${name}`))!;
      expect(userValues(cmd), 'a placeholder this test does not fill').not.toContain('…');
      const out = execFileSync('sh', ['-c', `${userValues(cmd)} --dry-run=client -o json`], { encoding: 'utf8' });
      const obj = JSON.parse(out) as { data: Record<string, string> };
      return kind === 'configmap' ? obj.data : Object.fromEntries(Object.entries(obj.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    };
    const secret = run('secret generic', 'crashloop-bot');
    const settings = run('configmap', 'crashloop-bot-settings');
    const socket = renderKustomization(join(DEPLOY_DIR, 'overlays', 'socket-mode'));
    for (const d of byKind<{ spec: { template: { spec: { containers: { args: string[]; env: { name: string; value?: string }[] }[] } } } }>(socket, 'Deployment')) {
      const c = d.spec.template.spec.containers[0]!;
      // Kubernetes: env wins over envFrom; later envFrom entries win over earlier ones.
      const env = { ...secret, ...settings, ...Object.fromEntries(c.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])) };
      const config = loadConfig(env);
      expect(config.slack.mode).toBe('socket');
      expect(config.alerts.webhookToken).toBeDefined();
      expect(config.alerts.defaultChannel).toBe('C0123ABCD');
      expect(config.redisUrl).toBe('redis://crashloop-bot-redis:6379');
      expect(config.port).toBe(3000);
    }
  });

  it("renders the example overlay with the user's image", () => {
    const objects = renderReadmeOverlay();
    const images = byKind<{ spec: { template: { spec: { containers: { image: string }[] } } } }>(objects, 'Deployment').map((d) => d.spec.template.spec.containers[0]!.image);
    expect(images).toEqual(['registry.example.com/platform/crashloop-bot:0.1.0', 'registry.example.com/platform/crashloop-bot:0.1.0']);
  });

  it('renders the HTTP-mode host patch onto the Ingress', () => {
    const patch = blocks.find((b) => b.lang === 'yaml' && b.text.includes('kind: Ingress'))!.text;
    const objects = renderHttp(patch);
    const [ingress] = byKind<{ spec: { rules: { host: string }[]; tls: { hosts: string[]; secretName: string }[] } }>(objects, 'Ingress');
    expect(ingress!.spec.rules[0]!.host).toBe('crashloop.example.com');
    expect(ingress!.spec.tls[0]).toEqual({ hosts: ['crashloop.example.com'], secretName: 'crashloop-bot-tls' });
  });
});

function renderHttp(patch: string) {
  const heredoc = blocks.find((b) => b.text.includes('cat > my-crashloop-bot/kustomization.yaml'))!.text;
  const dir = mkdtempSync(join(work, 'my-http-'));
  const kustomization = heredoc
    .slice(heredoc.indexOf("<<'EOF'\n") + 8, heredoc.lastIndexOf('EOF'))
    .replace('../crashloop-bot/deploy/overlays/socket-mode', `${relative(dir, DEPLOY_DIR)}/overlays/http`);
  writeFileSync(join(dir, 'kustomization.yaml'), `${kustomization}${patch}`);
  return renderKustomization(dir);
}
