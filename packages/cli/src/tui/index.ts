/** Public entry of the interactive terminal UI (used by `palisade ui` / `scan --interactive`). */
export { runTui, type TuiOptions } from './run.js';
export { tuiAvailability, type TuiAvailability } from './availability.js';
