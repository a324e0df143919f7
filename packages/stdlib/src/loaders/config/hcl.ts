import type { LoadResult } from '../../model.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * HCL 1 and HCL 2 (Terraform). The parsers are HashiCorp's own Go code compiled to JavaScript
 * (GopherJS): `hcl2-parser` wraps tmccombs/hcl2json — exactly what conftest's `hcl2` parser
 * runs — and `js-hcl-parser` wraps hashicorp/hcl v1, conftest's `hcl1`. They are several MB of
 * JavaScript, so the Node entry registers them (`setHclParsers`) and a browser build goes without.
 */
export interface HclParsers {
  /** HCL 2 → JSON text (tmccombs/hcl2json); throws or returns an error on bad input. */
  hcl2(text: string): unknown;
  /** HCL 1 → JSON text (hashicorp/hcl v1). */
  hcl1(text: string): unknown;
}

let parsers: HclParsers | undefined;

/** Registers the HCL parsers (done by the Node entry of the package). */
export function setHclParsers(p: HclParsers): void {
  parsers = p;
}

function need(): HclParsers {
  if (!parsers) throw new ConfigSyntaxError('HCL parsing is not available in this build (the Node entry of @palisade/stdlib registers it)');
  return parsers;
}

export function loadHcl2(path: string, text: string): LoadResult {
  return loadPlain('hcl2', path, text, (t) => need().hcl2(t));
}

export function loadHcl1(path: string, text: string): LoadResult {
  return loadPlain('hcl1', path, text, (t) => need().hcl1(t));
}
