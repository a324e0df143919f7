import type { LoadResult } from '../../model.js';
import { LoadErrorCode, errorResult, loadError } from '../common.js';
import { parseJsonText } from '../json-docs.js';
import { makeDocument } from '../common.js';

/**
 * CycloneDX SBOMs in their JSON encoding: the BOM as written (conftest decodes JSON BOMs to the
 * same fields). The XML encoding is refused with a clear error rather than guessed at: its
 * mapping to the JSON field names is specific to each element of the schema.
 */
export function loadCycloneDx(path: string, text: string): LoadResult {
  if (/^\s*</.test(text)) {
    return errorResult(loadError(path, LoadErrorCode.InvalidDocument, 'cyclonedx: only the JSON encoding of CycloneDX is supported (convert XML BOMs with `cyclonedx convert --output-format json`)', 1, 1));
  }
  const r = parseJsonText(path, text);
  if (!r.ok) return errorResult(r.error);
  const v = r.doc.value as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v['bomFormat'] !== 'CycloneDX') {
    return errorResult(loadError(path, LoadErrorCode.InvalidDocument, 'cyclonedx: not a CycloneDX BOM (no "bomFormat": "CycloneDX")', 1, 1));
  }
  return { documents: [makeDocument('cyclonedx', path, 0, r.doc.value, r.doc.sourceMap, r.doc.range)], errors: [] };
}
