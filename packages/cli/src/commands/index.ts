/** The table of CLI commands; each entry lives in its own file. */
import type { CliCommand } from '../command.js';
import { evalCommand } from './eval.js';
import { parseCommand } from './parse.js';
import { scanCommand } from './scan.js';
import { uiCommand } from './ui.js';

export const commands: CliCommand[] = [evalCommand, parseCommand, scanCommand, uiCommand];
