/**
 * A builtin family declared from its data (name, types, category, flags: everything but `impl`),
 * whose module loads on the first call of any of its builtins. Why: the families on large
 * libraries (X.509 and keys on asn1js/@peculiar, curves and hashes on @noble, graphql-js, JSON
 * Schema) cost a measurable part of every CLI start-up to load, and most policies call none of
 * them; the compiler needs only their declarations (docs/performance.md, "Start-up").
 * The CLI's bundles use this (packages/cli/scripts/bundle-cli.mjs writes the data from the same
 * build's family modules); `catalog.ts`, which every other build uses, imports the families eagerly.
 */
import { ErrorCodes, PalisadeError } from '../errors.js';
import type { BuiltinDecl } from './define.js';

/** A declaration without its implementation: plain data, JSON as it stands. */
export type BuiltinInfo = Omit<BuiltinDecl, 'impl'>;

export function builtinInfo(decl: BuiltinDecl): BuiltinInfo {
  const { impl: _impl, ...info } = decl;
  return info;
}

/**
 * Declarations for `infos` whose implementations are those of `load()`'s declarations of the same
 * names; `load` runs once, on the first call.
 */
export function lazyFamily(infos: readonly BuiltinInfo[], load: () => readonly BuiltinDecl[]): BuiltinDecl[] {
  let loaded: Map<string, BuiltinDecl> | undefined;
  const resolve = (name: string): BuiltinDecl => {
    loaded ??= new Map(load().map((d) => [d.name, d]));
    const decl = loaded.get(name);
    if (!decl) throw new PalisadeError(ErrorCodes.evalInternal, `builtin ${name} is declared but its family module does not define it (rebuild: pnpm build)`);
    return decl;
  };
  return infos.map((info) => {
    let real: BuiltinDecl | undefined;
    return {
      ...info,
      impl(args, ctx, call) {
        real ??= resolve(info.name);
        // Called as a method of the real declaration, as the evaluator calls it.
        return real.impl(args, ctx, call);
      },
    };
  });
}
