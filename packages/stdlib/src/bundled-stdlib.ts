/**
 * The stdlib's policies and default data as generated at build time (src/generated/policy-bundle.ts,
 * written by scripts/gen-bundle.mjs). Only the browser entry imports this module, so Node users do
 * not load the bundle's text.
 */
import { DEFAULT_DATA, POLICY_SOURCES } from './generated/policy-bundle.js';
import type { StdlibBundle } from './scan.js';

/** The stdlib's non-test policies and default data as bundled at build time (fresh arrays each call). */
export function bundledStdlib(): StdlibBundle {
  return {
    policies: POLICY_SOURCES.map((p) => ({ file: p.file, source: p.source })),
    data: [...DEFAULT_DATA],
  };
}
