/**
 * `npm run score [-- --json] [-- --set tuned|held-out]`: run diagnose() over the tuned scenarios
 * (test/fixtures/scenarios) and the held-out real incidents (test/fixtures/heldout) and print top-1 and
 * top-3 cause accuracy, detail accuracy for dependency-unavailable, focus-container accuracy and the misses.
 *
 * A measurement: low accuracy never fails the process. A malformed fixture does (exit 1), and so does a
 * missing diagnose() (exit 1), because then nothing was measured. The held-out set is scored, never tuned:
 * do not change rules to fix a held-out miss without a tuned scenario of your own that shows the same gap.
 */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Diagnosis } from '../src/domain/diagnosis.js';
import type { Evidence } from '../src/domain/evidence.js';
import { listScenarios, loadScenario, type LoadedScenario } from '../test/support/scenarios.js';
import { checkFixture } from './fixture-format.js';
import { renderScores, scoreCase, scoreSet, type Outcome, type ScoredCase, type SetScore } from './score-metrics.js';

type Diagnose = (evidence: Evidence) => Diagnosis;

interface SetDef {
  name: 'tuned' | 'held-out';
  root: string;
  heldOut: boolean;
}

const SETS: SetDef[] = [
  { name: 'tuned', root: 'test/fixtures/scenarios', heldOut: false },
  { name: 'held-out', root: 'test/fixtures/heldout', heldOut: true },
];

const USAGE = 'usage: npm run score [-- --json] [-- --set tuned|held-out]';

function parseArgs(argv: string[]): { json: boolean; sets: SetDef[] } {
  let json = false;
  let sets = SETS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--set') {
      const name = argv[++i];
      const found = SETS.filter((s) => s.name === name);
      if (found.length === 0) throw new UsageError(`unknown set ${JSON.stringify(name)}; ${USAGE}`);
      sets = found;
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new UsageError(`unknown argument ${JSON.stringify(arg)}; ${USAGE}`);
  }
  return { json, sets };
}

class UsageError extends Error {}

/** Loaded at run time so the scorer also reports clearly when diagnose() is not there yet. */
async function loadDiagnose(): Promise<Diagnose> {
  const file = resolve(import.meta.dirname, '../src/diagnose/diagnose.ts');
  let mod: { diagnose?: unknown };
  try {
    mod = (await import(pathToFileURL(file).href)) as { diagnose?: unknown };
  } catch (err) {
    throw new Error(`cannot load src/diagnose/diagnose.ts: ${(err as Error).message}`);
  }
  if (typeof mod.diagnose !== 'function') throw new Error('src/diagnose/diagnose.ts exports no diagnose() function');
  return mod.diagnose as Diagnose;
}

/** Every fixture of the chosen sets, checked and loaded; throws with all problems when any is malformed. */
function loadAll(sets: SetDef[]): Map<SetDef, { id: string; scenario: LoadedScenario }[]> {
  const problems: string[] = [];
  const loaded = new Map<SetDef, { id: string; scenario: LoadedScenario }[]>();
  for (const set of sets) {
    const list: { id: string; scenario: LoadedScenario }[] = [];
    for (const ref of listScenarios(set.root)) {
      const found = checkFixture(ref.dir, { heldOut: set.heldOut });
      if (found.length > 0) {
        problems.push(...found);
        continue;
      }
      try {
        list.push({ id: ref.id, scenario: loadScenario(ref.dir) });
      } catch (err) {
        problems.push(`${ref.dir}: cannot be loaded: ${(err as Error).message}`);
      }
    }
    loaded.set(set, list);
  }
  if (problems.length > 0) throw new Error(`malformed fixtures:\n  ${problems.join('\n  ')}`);
  return loaded;
}

function run(diagnose: Diagnose, scenario: LoadedScenario): Outcome {
  try {
    const d = diagnose(scenario.evidence);
    return {
      cause: d.cause,
      detail: d.detail ?? null,
      confidence: d.confidence,
      alternatives: [...(d.alternatives ?? [])].sort((a, b) => b.confidence - a.confidence).map((a) => a.cause),
      container: d.container,
      initContainer: d.initContainer,
    };
  } catch (err) {
    const error = (err as Error).message.split('\n')[0] ?? 'unknown error';
    return { cause: null, detail: null, confidence: null, alternatives: [], container: null, initContainer: null, error };
  }
}

async function main(): Promise<void> {
  const { json, sets } = parseArgs(process.argv.slice(2));
  const loaded = loadAll(sets);
  const diagnose = await loadDiagnose();
  const scores: SetScore[] = [];
  for (const [set, list] of loaded) {
    const cases: ScoredCase[] = list.map(({ id, scenario }) => {
      const e = scenario.expected;
      const expected = { cause: e.cause, container: e.container, initContainer: e.initContainer, ...(e.detail ? { detail: e.detail } : {}) };
      return scoreCase(id, expected, run(diagnose, scenario));
    });
    scores.push(scoreSet(set.name, set.root, cases));
  }
  console.log(json ? JSON.stringify({ sets: scores }, null, 2) : renderScores(scores));
}

main().catch((err: unknown) => {
  console.error(`score: ${(err as Error).message}`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
