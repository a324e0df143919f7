/**
 * `--watch` for the author commands: re-runs a callback when a policy or data file under the
 * given paths changes, until SIGINT/SIGTERM. Uses `fs.watch` (recursive on directories: Linux,
 * macOS and Windows with Node ≥ 20); editors that save through a temporary file fire several
 * events, so changes are debounced.
 */
import { watch, statSync, type FSWatcher } from 'node:fs';
import { dirname, resolve } from 'node:path';

const WATCHED = /\.(rego|json|ya?ml)$/i;
const DEBOUNCE_MS = 150;

/**
 * Watches `paths` (files or directories, relative to `cwd`); resolves when the process is asked to
 * stop. `onReady` runs once the watchers exist, so "watching…" is never printed before a change
 * could be seen.
 */
export function watchPaths(paths: readonly string[], cwd: string, onChange: (file: string) => void, onReady?: () => void): Promise<void> {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  let last = '';
  const fire = (file: string): void => {
    last = file;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => onChange(last), DEBOUNCE_MS);
  };
  for (const p of paths.length ? paths : ['.']) {
    const abs = resolve(cwd, p);
    let dir = abs;
    let only: string | undefined;
    try {
      if (!statSync(abs).isDirectory()) {
        dir = dirname(abs);
        only = abs;
      }
    } catch {
      continue;
    }
    const w = watch(dir, { recursive: only === undefined }, (_event, name) => {
      if (!name) return;
      const file = resolve(dir, name.toString());
      if ((only === undefined || file === only) && WATCHED.test(file)) fire(file);
    });
    watchers.push(w);
  }
  onReady?.();
  return new Promise((done) => {
    const stop = (): void => {
      if (timer) clearTimeout(timer);
      for (const w of watchers) w.close();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
