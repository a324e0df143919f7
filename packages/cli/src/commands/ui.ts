/** `palisade ui [paths…]`: `scan --interactive` as its own command. */
import { defineCommand } from '../command.js';
import { runScan, SCAN_OPTIONS } from './scan.js';

export const uiCommand = defineCommand({
  name: 'ui',
  args: '[paths...]',
  summary: 'Scan, then browse the findings in the interactive terminal UI',
  examples: ['palisade ui .', 'palisade ui -p policy/ --stdlib manifests/'],
  options: SCAN_OPTIONS,
  run: (args, opts, io) => runScan(args, opts, io, { interactive: true }),
});
