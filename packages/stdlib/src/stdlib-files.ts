/**
 * Node entry's view of the standard library: read from the package's own `policies/` and `data/`
 * (so edits show up without a rebuild). The browser entry has the same functions over the
 * generated bundle (src/browser.ts).
 */
import { describePolicies, type ListPoliciesOptions } from './bundle.js';
import { moduleCacheLookup } from './module-cache.js';
import { STDLIB_ROOT, stdlibData, stdlibPolicySources } from './policies.js';
import type { Policy } from './policy-set.js';
import type { StdlibBundle } from './scan.js';

/**
 * The stdlib's non-test policies and default data, read from the package's files, with the
 * build's ahead-of-time parses of the policies (used only where they match the files).
 */
export function stdlibBundle(): StdlibBundle {
  return { policies: stdlibPolicySources(), data: stdlibData(), parsed: moduleCacheLookup(STDLIB_ROOT) };
}

/** Every stdlib policy (and any given user policy) with its METADATA: id, title, severity, input kinds… */
export function listPolicies(options: ListPoliciesOptions = {}): Policy[] {
  return describePolicies(options.stdlib === false ? [] : stdlibPolicySources(), options.policies ?? []);
}
