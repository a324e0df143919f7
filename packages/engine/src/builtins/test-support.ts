/** Shared helpers for the builtin unit tests (not part of the package build). */
import type { BuiltinContext, BuiltinDecl } from './define.js';
import type { Value } from '../value/types.js';

/** A minimal builtin context: an empty per-query cache, nothing else. */
export const testContext = { queryCache: new Map() } as unknown as BuiltinContext;

/** `caller(decls)(name, ...args)` runs the named builtin's implementation. */
export const caller =
  (decls: BuiltinDecl[]) =>
  (name: string, ...args: Value[]) =>
    decls.find((d) => d.name === name)!.impl(args, testContext);

/** `failure(decls)(name, ...args)` is `"<code>: <message>"` of the error the builtin throws, or "no error". */
export const failure =
  (decls: BuiltinDecl[]) =>
  (name: string, ...args: Value[]): string => {
    try {
      caller(decls)(name, ...args);
    } catch (e) {
      return `${(e as { code: string }).code}: ${(e as Error).message}`;
    }
    return 'no error';
  };
