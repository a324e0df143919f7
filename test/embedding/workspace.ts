/**
 * Shared setup of the embedding tests: the repository root, the built packages, and temporary
 * projects that see `@palisade/*` the way an installed application does (through node_modules).
 */
import { existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PACKAGES = ['engine', 'stdlib', 'cli'] as const;

/** Why the built packages cannot be used, or undefined when `pnpm build` has run. */
export function missingBuild(): string | undefined {
  for (const p of ['engine/dist/index.js', 'stdlib/dist/index.js', 'stdlib/dist/browser.js']) {
    if (!existsSync(join(ROOT, 'packages', p))) return `packages/${p} is missing; run \`pnpm build\` first`;
  }
  return undefined;
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `palisade-${prefix}-`));
}

/** Links the workspace's engine and stdlib into `dir/node_modules/@palisade/` (like an install). */
export function linkWorkspacePackages(dir: string): void {
  const scope = join(dir, 'node_modules', '@palisade');
  mkdirSync(scope, { recursive: true });
  for (const p of ['engine', 'stdlib']) symlinkSync(join(ROOT, 'packages', p), join(scope, p), 'dir');
}
