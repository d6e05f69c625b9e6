import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
}

interface Import {
  spec: string;
  /** `import type …` / `export type … from`: erased at build time. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found = text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]/g,
  );
  return [...found].map((m) => ({ spec: (m[2] ?? m[3])!, typeOnly: !!m[1] }));
}

const nodeBuiltin = (spec: string) =>
  spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'http', 'crypto'].includes(spec);

/** The source file a relative import names (undefined for packages and non-code files). */
function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.join(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (candidate) => /\.tsx?$/.test(candidate) && fs.existsSync(path.join(root, candidate)),
  );
}

const offending = (files: string[], forbidden: (imported: Import, file: string) => boolean) =>
  files.flatMap((file) =>
    importsOf(file)
      .filter((imported) => forbidden(imported, file))
      .map(({ spec }) => `${file} → ${spec}`),
  );

/** Into the main process's core (the one assembled methods module excepted for types). */
const reachesCore = ({ spec, typeOnly }: Import, file: string) => {
  const target = resolve(file, spec);
  if (!target?.startsWith(`src-main${path.sep}`) || /^src-main\/(contract|i18n)\//.test(target)) {
    return spec.includes('src-main') && !/src-main\/(contract|i18n)(\/|$)/.test(spec);
  }
  return !(typeOnly && target === path.join('src-main', 'core', 'methods.ts'));
};

/** Every circle of imports (type-only ones included) among `files`, each listed once. */
function circles(files: string[]): string[][] {
  const graph = new Map(
    files.map((file) => [
      file,
      importsOf(file)
        .map(({ spec }) => resolve(file, spec))
        .filter((f): f is string => !!f),
    ]),
  );
  // Tarjan's strongly connected components: a component of more than one file is a circle.
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    order.set(file, index);
    low.set(file, index++);
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (stack.includes(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || graph.get(file)!.includes(file)) found.push(component.sort());
    }
  };
  for (const file of graph.keys()) if (!order.has(file)) visit(file);
  return found;
}

describe('module boundaries', () => {
  it('keeps the contract, the catalogues and the renderer free of Node, SQLite and Electron', () => {
    const files = [...sources('src-main/contract'), ...sources('src-main/i18n'), ...sources('src-renderer')];
    expect(
      offending(
        files,
        ({ spec }) => nodeBuiltin(spec) || spec === 'electron' || spec.includes('better-sqlite3'),
      ),
    ).toEqual([]);
  });

  it('keeps the contract and the catalogues free of the core, the transports and the renderer', () => {
    const files = [...sources('src-main/contract'), ...sources('src-main/i18n')];
    expect(
      offending(
        files,
        ({ spec }) => /\/(core|web|electron)(\/|$)/.test(spec) || spec.includes('src-renderer'),
      ),
    ).toEqual([]);
  });

  it('keeps the main process free of the renderer', () => {
    expect(offending(sources('src-main'), ({ spec }) => spec.includes('src-renderer'))).toEqual([]);
  });

  it('lets the renderer reach the main process only through the contract, the catalogues and the method types', () => {
    expect(offending(sources('src-renderer'), reachesCore)).toEqual([]);
  });

  it('keeps Electron in src-main/electron', () => {
    const files = [...sources('src-main'), ...sources('src-renderer')].filter(
      (file) => !file.startsWith(path.join('src-main', 'electron')),
    );
    expect(offending(files, ({ spec }) => spec === 'electron' || spec.includes('/electron/'))).toEqual([]);
  });

  it('has no circle of imports', () => {
    expect(circles([...sources('src-main'), ...sources('src-renderer')])).toEqual([]);
  });
});
