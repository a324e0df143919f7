/**
 * The small type language of builtin declarations, used for compile-time checks of calls and
 * for the generated reference docs.
 */
export type BType =
  | { k: 'any' }
  | { k: 'null' }
  | { k: 'boolean' }
  | { k: 'number' }
  | { k: 'string' }
  | { k: 'array'; of: BType }
  | { k: 'set'; of: BType }
  | { k: 'object'; key: BType; value: BType }
  | { k: 'union'; of: BType[] };

/** Constructors of builtin parameter and result types (`T.string`, `T.array(T.number)`, `T.union(…)`). */
export const T = {
  any: { k: 'any' } as BType,
  null: { k: 'null' } as BType,
  boolean: { k: 'boolean' } as BType,
  number: { k: 'number' } as BType,
  string: { k: 'string' } as BType,
  array: (of: BType = { k: 'any' }): BType => ({ k: 'array', of }),
  set: (of: BType = { k: 'any' }): BType => ({ k: 'set', of }),
  object: (key: BType = { k: 'any' }, value: BType = { k: 'any' }): BType => ({ k: 'object', key, value }),
  union: (...of: BType[]): BType => ({ k: 'union', of }),
};

/** Human-readable type text, e.g. `array[string]`, `any<string, set[any]>`. */
export function typeText(t: BType): string {
  switch (t.k) {
    case 'array':
      return `array[${typeText(t.of)}]`;
    case 'set':
      return `set[${typeText(t.of)}]`;
    case 'object':
      return `object[${typeText(t.key)}: ${typeText(t.value)}]`;
    case 'union':
      return `any<${t.of.map(typeText).join(', ')}>`;
    default:
      return t.k;
  }
}

/** The top-level kinds a type admits (`any` admits all). */
export function typeKinds(t: BType): Set<string> | 'any' {
  if (t.k === 'any') return 'any';
  if (t.k !== 'union') return new Set([t.k]);
  const out = new Set<string>();
  for (const x of t.of) {
    const ks = typeKinds(x);
    if (ks === 'any') return 'any';
    for (const k of ks) out.add(k);
  }
  return out;
}
