/**
 * A small Dockerfile reader for the instructions our Dockerfile uses (ARG, FROM, WORKDIR, COPY, RUN, ENV,
 * USER, ENTRYPOINT, CMD; the rest is kept as-is) and the .dockerignore matcher Docker applies to the build
 * context. Used by the replay that runs the Dockerfile's own steps in CI (no Docker engine here).
 */
export interface Instruction {
  line: number;
  keyword: string;
  /** The text after the keyword, continuation lines joined. */
  args: string;
}

export interface Stage {
  name: string;
  image: string;
  instructions: Instruction[];
}

export interface ParsedDockerfile {
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string>;
  stages: Stage[];
}

export function parseInstructions(text: string): Instruction[] {
  const out: Instruction[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!.trim();
    if (first === '' || first.startsWith('#')) continue;
    const start = i;
    let joined = lines[i]!.trimEnd();
    while (joined.endsWith('\\') && i + 1 < lines.length) {
      i++;
      const next = lines[i]!.trim();
      joined = joined.slice(0, -1);
      if (next.startsWith('#')) continue; // comment lines inside a continuation are dropped, as Docker does
      joined += ` ${next}`;
    }
    const m = /^\s*(\S+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    out.push({ line: start + 1, keyword: m[1]!.toUpperCase(), args: m[2]!.trim() });
  }
  return out;
}

function substitute(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)\}|\$(\w+)/g, (whole, a: string | undefined, b: string | undefined) => {
    const key = (a ?? b)!;
    return vars[key] ?? whole;
  });
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const ins of parseInstructions(text)) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(ins.args);
      if (!m) throw new Error(`Dockerfile line ${ins.line}: cannot read FROM ${ins.args}`);
      stages.push({ name: m[2] ?? String(stages.length), image: substitute(m[1]!, globalArgs), instructions: [] });
    } else if (stages.length === 0) {
      if (ins.keyword !== 'ARG') throw new Error(`Dockerfile line ${ins.line}: ${ins.keyword} before FROM`);
      const [name, value = ''] = ins.args.split('=', 2);
      globalArgs[name!] = value;
    } else {
      stages.at(-1)!.instructions.push(ins);
    }
  }
  return { globalArgs, stages };
}

/** `KEY=value KEY2="v w"` (the ENV form we use) -> pairs. */
export function parseEnvArgs(args: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const m of args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const raw = m[2]!;
    env[m[1]!] = raw.startsWith('"') ? (JSON.parse(raw) as string) : raw;
  }
  return env;
}

/** Exec form `["a", "b"]`; anything else (shell form) returns undefined. */
export function parseExecForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  return Array.isArray(parsed) && parsed.every((p) => typeof p === 'string') ? parsed : undefined;
}

export interface CopyArgs {
  from?: string;
  sources: string[];
  dest: string;
}

export function parseCopyArgs(args: string): CopyArgs {
  const words = args.split(/\s+/);
  let from: string | undefined;
  while (words[0]?.startsWith('--')) {
    const flag = words.shift()!;
    if (flag.startsWith('--from=')) from = flag.slice('--from='.length);
  }
  const dest = words.pop();
  if (!dest || words.length === 0) throw new Error(`COPY needs a source and a destination: ${args}`);
  return { ...(from ? { from } : {}), sources: words, dest };
}

/**
 * Docker's .dockerignore rule: patterns in order, `!` re-includes, the last match wins, and a pattern
 * that matches a parent directory matches everything under it (moby patternmatcher
 * `MatchesOrParentMatches`). `*` stays within one path segment, `**` spans any number.
 */
export function dockerignoreMatcher(text: string): (relPath: string) => boolean {
  const rules = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = (negate ? l.slice(1) : l).replace(/^\/+|\/+$/g, '');
      const re = pattern
        .split('/')
        .map((seg) =>
          seg === '**'
            ? '.*'
            : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return { negate, re: new RegExp(`^${re}$`) };
    });
  return (relPath: string) => {
    const parts = relPath.split('/');
    const prefixes = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (prefixes.some((p) => rule.re.test(p))) excluded = !rule.negate;
    }
    return excluded;
  };
}
