import type { BuiltinDecl } from './define.js';

/** A name → declaration table. The engine starts from the default catalog; embedders may add entries. */
export class BuiltinRegistry {
  private readonly byName = new Map<string, BuiltinDecl>();
  constructor(decls: Iterable<BuiltinDecl> = []) {
    for (const d of decls) this.register(d);
  }
  register(decl: BuiltinDecl): void {
    this.byName.set(decl.name, decl);
  }
  get(name: string): BuiltinDecl | undefined {
    return this.byName.get(name);
  }
  has(name: string): boolean {
    return this.byName.has(name);
  }
  all(): BuiltinDecl[] {
    return [...this.byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
  /** True when `prefix` names a namespace of builtins (`strings` for `strings.replace_n`). */
  isNamespace(prefix: string): boolean {
    const p = prefix + '.';
    for (const n of this.byName.keys()) if (n.startsWith(p)) return true;
    return false;
  }
  clone(): BuiltinRegistry {
    return new BuiltinRegistry(this.byName.values());
  }
}
