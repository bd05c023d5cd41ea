import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from './slash-command.js';

const parse = (text: string) => parseSlashCommand(text, 'default');

describe('parseSlashCommand', () => {
  it('reads a pod with namespace and container flags', () => {
    expect(parse('api-7f9c6d5b8-x2x4q -n shop -c sidecar')).toEqual({
      kind: 'diagnose',
      target: { namespace: 'shop', name: 'api-7f9c6d5b8-x2x4q', container: 'sidecar' },
    });
  });

  it('uses the default namespace and accepts long flags, = forms and ns/name', () => {
    expect(parse('api')).toEqual({ kind: 'diagnose', target: { namespace: 'default', name: 'api' } });
    expect(parse('--namespace=shop --container=app api')).toEqual({
      kind: 'diagnose',
      target: { namespace: 'shop', name: 'api', container: 'app' },
    });
    expect(parse('shop/api')).toEqual({ kind: 'diagnose', target: { namespace: 'shop', name: 'api' } });
  });

  it('answers help', () => {
    expect(parse('help')).toEqual({ kind: 'help' });
    expect(parse('  --help ')).toEqual({ kind: 'help' });
  });

  it.each([
    ['', 'tell me which pod or workload to look at'],
    ['   ', 'tell me which pod or workload to look at'],
    ['-n shop', 'tell me which pod or workload to look at'],
    ['api --force', 'unknown option "--force"'],
    ['api -n', '-n needs a value'],
    ['api -n shop -n prod', '-n was given twice'],
    ['api web', 'one pod or workload at a time'],
    ['API_Server', '"API_Server" is not a valid pod or workload name'],
    ['api -n Shop', '"Shop" is not a valid namespace name'],
    ['api -c my.container', '"my.container" is not a valid container name'],
    ['<!channel>', 'is not a valid pod or workload name'],
    [`${'a'.repeat(254)}`, 'too long for a pod or workload name'],
    [`api -n ${'a'.repeat(64)}`, 'too long for a namespace name'],
  ])('rejects %j, saying what is wrong', (text, problem) => {
    const r = parse(text);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.problem).toContain(problem);
    expect(r.usage).toBe('/crashloop <pod|workload> [-n namespace] [-c container]');
  });
});
