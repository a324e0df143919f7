/** `with data.… as …` overlays: looking up, applying and detecting them along data paths. */
import { isObject, objectGet, type Value } from '../value/types.js';
import type { Ctx } from './context.js';
import { setPath } from './values.js';

export function overlayAt(c: Ctx, path: string[]): Value | typeof COVERED | undefined {
  for (const o of c.overlays!) if (o.path.length === path.length && startsWith(o.path, path)) return o.value;
  // An overlay above this node replaces the whole subtree.
  for (const o of c.overlays!) {
    if (o.path.length < path.length && startsWith(path, o.path)) {
      let v: Value | undefined = o.value;
      for (let i = o.path.length; i < path.length && v !== undefined; i++) v = isObject(v) ? objectGet(v, path[i]) : undefined;
      return v === undefined ? COVERED : v;
    }
  }
  return undefined;
}

/** Marker for "an overlay covers this path but has no value here". */
export const COVERED = Symbol('covered');

/** The base value at `path` with every `with data…` overlay at, above or below it applied. */
export function applyOverlays(c: Ctx, path: string[], base: Value | undefined): Value | undefined | typeof COVERED {
  const ov = overlayAt(c, path);
  if (ov !== undefined) return ov;
  let out = base;
  for (const o of c.overlays!) {
    if (o.path.length > path.length && startsWith(o.path, path)) out = setPath(out, o.path.slice(path.length), o.value);
  }
  return out;
}

export function hasOverlayBelow(c: Ctx, path: string[]): boolean {
  for (const o of c.overlays!) if (o.path.length > path.length && startsWith(o.path, path)) return true;
  return false;
}

export function startsWith(a: readonly string[], prefix: readonly string[]): boolean {
  if (a.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (a[i] !== prefix[i]) return false;
  return true;
}

