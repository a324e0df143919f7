import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Seeds checked in CI by live.test.ts: ~0.1-0.2 s each, well inside the 3-minute budget. */
export const CI_SEEDS = { start: 1, count: 300 };
export const KNOWN_FILE = join(dirname(fileURLToPath(import.meta.url)), 'live-known.json');
