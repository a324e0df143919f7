import type { LoadResult } from '../../model.js';
import { LoadErrorCode, errorResult, loadError } from '../common.js';
import { parseJsonText } from '../json-docs.js';
import { makeDocument } from '../common.js';
import { loadPlain } from './plain.js';
import { parseCycloneDxXml } from './cyclonedx-xml.js';

/**
 * CycloneDX SBOMs: the JSON encoding as written, the XML encoding in the same JSON field names
 * (cyclonedx-xml.ts), as conftest gives both to policies.
 */
export function loadCycloneDx(path: string, text: string): LoadResult {
  if (/^\uFEFF?\s*</.test(text)) return loadPlain('cyclonedx', path, text, parseCycloneDxXml);
  const r = parseJsonText(path, text);
  if (!r.ok) return errorResult(r.error);
  const v = r.doc.value as Record<string, unknown> | null;
  if (v === null || typeof v !== 'object' || Array.isArray(v) || v['bomFormat'] !== 'CycloneDX') {
    return errorResult(loadError(path, LoadErrorCode.InvalidDocument, 'cyclonedx: not a CycloneDX BOM (no "bomFormat": "CycloneDX")', 1, 1));
  }
  return { documents: [makeDocument('cyclonedx', path, 0, r.doc.value, r.doc.sourceMap, r.doc.range)], errors: [] };
}
