/** The table of CLI commands; each entry lives in its own file. */
import type { CliCommand } from '../command.js';
import { evalCommand } from './eval.js';
import { parseCommand } from './parse.js';
import { scanCommand } from './scan.js';
import { uiCommand } from './ui.js';
import { testCommand } from './test.js';
import { fmtCommand } from './fmt.js';
import { checkCommand } from './check.js';
import { inspectCommand } from './inspect.js';
import { buildCommand } from './build.js';
import { serveCommand } from './serve.js';
import { pullCommand } from './pull.js';
import { pushCommand } from './push.js';

export const commands: CliCommand[] = [evalCommand, parseCommand, scanCommand, uiCommand, testCommand, fmtCommand, checkCommand, inspectCommand, buildCommand, serveCommand, pullCommand, pushCommand];
