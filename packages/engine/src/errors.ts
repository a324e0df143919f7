import type { Location } from './syntax/location.js';

/**
 * Stable error codes. OPA's codes where OPA has one; `palisade_*` for conditions OPA does not name.
 */
export const ErrorCodes = {
  parse: 'rego_parse_error',
  compile: 'rego_compile_error',
  type: 'rego_type_error',
  unsafeVar: 'rego_unsafe_var_error',
  recursion: 'rego_recursion_error',
  evalType: 'eval_type_error',
  evalBuiltin: 'eval_builtin_error',
  evalConflict: 'eval_conflict_error',
  evalCancel: 'eval_cancel_error',
  /** Palisade's: the evaluation outgrew `maxMemoryBytes` (OPA has no memory bound). */
  evalMemory: 'eval_memory_error',
  evalInternal: 'eval_internal_error',
  input: 'palisade_input_error',
} as const;

/** One of the stable error codes of `ErrorCodes` (OPA's code where one exists). */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** An error as a value: stable code, human message, optional location and code frame. */
export interface Diagnostic {
  code: ErrorCode;
  message: string;
  location?: Location;
  /** Source excerpt with a caret, when the source is known. */
  frame?: string;
}

/**
 * The single exception type the engine throws internally; the public API converts it into a
 * `Diagnostic` and never lets a bare `Error` reach callers.
 */
export class PalisadeError extends Error {
  readonly code: ErrorCode;
  readonly location?: Location;
  constructor(code: ErrorCode, message: string, location?: Location) {
    super(message);
    this.name = 'PalisadeError';
    this.code = code;
    this.location = location;
  }
  toDiagnostic(): Diagnostic {
    return { code: this.code, message: this.message, location: this.location };
  }
}

/** OPA's text layout: `file:row: code: message` (the location is omitted when unknown). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.location && d.location.row > 0 ? `${d.location.file}:${d.location.row}: ` : '';
  return `${where}${d.code}: ${d.message}`;
}
