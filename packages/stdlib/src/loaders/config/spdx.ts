import type { LoadResult } from '../../model.js';
import { ConfigSyntaxError, loadPlain } from './plain.js';

/**
 * SPDX 2.x tag-value documents (`Tag: value` lines, `<text>…</text>` for multi-line values), as
 * conftest gives them: the document in SPDX's JSON field names (what spdx/tools-golang marshals),
 * so `input.creationInfo.creators` or `input.packages[_].licenseConcluded` read as in an SPDX
 * JSON file. Hand-written: npm has SPDX license-expression parsers, but no tag-value reader.
 * Snippets and annotations are kept as lists of their raw tags.
 */
type Obj = Record<string, unknown>;

/** Section-starting tags, and the field name each section's tags map to. */
const DOC: Record<string, string> = {
  SPDXVersion: 'spdxVersion',
  DataLicense: 'dataLicense',
  SPDXID: 'SPDXID',
  DocumentName: 'name',
  DocumentNamespace: 'documentNamespace',
  DocumentComment: 'comment',
};
const CREATION: Record<string, string> = { LicenseListVersion: 'licenseListVersion', Created: 'created', CreatorComment: 'comment' };
const PACKAGE: Record<string, string> = {
  PackageName: 'name',
  SPDXID: 'SPDXID',
  PackageVersion: 'versionInfo',
  PackageFileName: 'packageFileName',
  PackageSupplier: 'supplier',
  PackageOriginator: 'originator',
  PackageDownloadLocation: 'downloadLocation',
  PackageHomePage: 'homepage',
  PackageSourceInfo: 'sourceInfo',
  PackageLicenseConcluded: 'licenseConcluded',
  PackageLicenseDeclared: 'licenseDeclared',
  PackageLicenseComments: 'licenseComments',
  PackageCopyrightText: 'copyrightText',
  PackageSummary: 'summary',
  PackageDescription: 'description',
  PackageComment: 'comment',
  PrimaryPackagePurpose: 'primaryPackagePurpose',
  ReleaseDate: 'releaseDate',
  BuiltDate: 'builtDate',
  ValidUntilDate: 'validUntilDate',
};
const PACKAGE_LISTS: Record<string, string> = { PackageLicenseInfoFromFiles: 'licenseInfoFromFiles', PackageAttributionText: 'attributionTexts' };
const FILE: Record<string, string> = {
  FileName: 'fileName',
  SPDXID: 'SPDXID',
  LicenseConcluded: 'licenseConcluded',
  LicenseComments: 'licenseComments',
  FileCopyrightText: 'copyrightText',
  FileComment: 'comment',
  FileNotice: 'noticeText',
};
const FILE_LISTS: Record<string, string> = { FileType: 'fileTypes', LicenseInfoInFile: 'licenseInfoInFiles', FileContributor: 'fileContributors', FileAttributionText: 'attributionTexts' };
const EXTRACTED: Record<string, string> = { LicenseID: 'licenseId', ExtractedText: 'extractedText', LicenseName: 'name', LicenseComment: 'comment' };

function push(o: Obj, key: string, v: unknown): void {
  ((o[key] ??= []) as unknown[]).push(v);
}

function checksum(v: string, line: number): Obj {
  const m = /^([A-Za-z0-9-]+):\s*(\S+)$/.exec(v);
  if (!m) throw new ConfigSyntaxError(`malformed checksum ${JSON.stringify(v)}`, line, 1);
  return { algorithm: m[1], checksumValue: m[2] };
}

/** `Tag: value` entries with their lines; `<text>` values may span lines. */
function entries(text: string): { tag: string; value: string; line: number }[] {
  const out: { tag: string; value: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const m = /^([A-Za-z][A-Za-z0-9]*):\s?(.*)$/.exec(raw);
    if (!m) throw new ConfigSyntaxError(`expected "Tag: value", got ${JSON.stringify(raw.slice(0, 60))}`, i + 1, 1);
    const line = i + 1;
    let value = m[2]!;
    if (value.trimStart().startsWith('<text>')) {
      value = value.trimStart().slice(6);
      while (!value.includes('</text>')) {
        if (++i >= lines.length) throw new ConfigSyntaxError(`<text> of ${m[1]} is not closed by </text>`, line, 1);
        value += '\n' + lines[i];
      }
      value = value.slice(0, value.indexOf('</text>'));
    }
    out.push({ tag: m[1]!, value: value.trim(), line });
  }
  return out;
}

export function parseSpdx(text: string): Obj {
  const doc: Obj = {};
  const creation: Obj = {};
  let section: { kind: 'doc' | 'package' | 'file' | 'license' | 'other'; obj: Obj } = { kind: 'doc', obj: doc };
  for (const { tag, value, line } of entries(text)) {
    if (tag === 'PackageName') {
      section = { kind: 'package', obj: { name: value } };
      push(doc, 'packages', section.obj);
      continue;
    }
    if (tag === 'FileName') {
      section = { kind: 'file', obj: { fileName: value } };
      push(doc, 'files', section.obj);
      continue;
    }
    if (tag === 'LicenseID') {
      section = { kind: 'license', obj: { licenseId: value } };
      push(doc, 'hasExtractedLicensingInfos', section.obj);
      continue;
    }
    if (tag === 'SnippetSPDXID' || tag === 'Annotator') {
      section = { kind: 'other', obj: { [tag]: value } };
      push(doc, tag === 'Annotator' ? 'annotations' : 'snippets', section.obj);
      continue;
    }
    if (tag === 'Relationship') {
      const m = /^(\S+)\s+(\S+)\s+(\S+)$/.exec(value);
      if (!m) throw new ConfigSyntaxError(`malformed Relationship ${JSON.stringify(value)}`, line, 1);
      push(doc, 'relationships', { spdxElementId: m[1], relationshipType: m[2], relatedSpdxElement: m[3] });
      continue;
    }
    if (tag === 'RelationshipComment') {
      const rels = doc['relationships'] as Obj[] | undefined;
      if (rels?.length) rels[rels.length - 1]!['comment'] = value;
      continue;
    }
    if (tag === 'Creator') {
      push(creation, 'creators', value);
      continue;
    }
    if (CREATION[tag]) {
      creation[CREATION[tag]!] = value;
      continue;
    }
    if (tag === 'ExternalDocumentRef') {
      const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
      if (!m) throw new ConfigSyntaxError(`malformed ExternalDocumentRef ${JSON.stringify(value)}`, line, 1);
      push(doc, 'externalDocumentRefs', { externalDocumentId: m[1], spdxDocument: m[2], checksum: checksum(m[3]!, line) });
      continue;
    }
    const o = section.obj;
    const map = section.kind === 'doc' ? DOC : section.kind === 'package' ? PACKAGE : section.kind === 'file' ? FILE : section.kind === 'license' ? EXTRACTED : undefined;
    if (map?.[tag]) o[map[tag]!] = value;
    else if (section.kind === 'package' && PACKAGE_LISTS[tag]) push(o, PACKAGE_LISTS[tag]!, value);
    else if (section.kind === 'file' && FILE_LISTS[tag]) push(o, FILE_LISTS[tag]!, value);
    else if ((section.kind === 'package' && tag === 'PackageChecksum') || (section.kind === 'file' && tag === 'FileChecksum')) push(o, 'checksums', checksum(value, line));
    else if (section.kind === 'package' && tag === 'FilesAnalyzed') o['filesAnalyzed'] = value.toLowerCase() === 'true';
    else if (section.kind === 'package' && tag === 'PackageVerificationCode') {
      const m = /^(\S+)(?:\s*\(excludes:\s*(.*)\))?$/.exec(value);
      o['packageVerificationCode'] = { packageVerificationCodeValue: m?.[1] ?? value, ...(m?.[2] ? { packageVerificationCodeExcludedFiles: [m[2].trim()] } : {}) };
    } else if (section.kind === 'package' && tag === 'ExternalRef') {
      const m = /^(\S+)\s+(\S+)\s+(.+)$/.exec(value);
      if (!m) throw new ConfigSyntaxError(`malformed ExternalRef ${JSON.stringify(value)}`, line, 1);
      push(o, 'externalRefs', { referenceCategory: m[1], referenceType: m[2], referenceLocator: m[3] });
    } else if (section.kind === 'license' && tag === 'LicenseCrossReference') push(o, 'seeAlsos', value);
    else if (section.kind === 'other') o[tag] = value;
    else throw new ConfigSyntaxError(`unknown SPDX tag ${tag}${section.kind === 'doc' ? '' : ` in a ${section.kind} section`}`, line, 1);
  }
  if (Object.keys(creation).length) doc['creationInfo'] = creation;
  if (doc['spdxVersion'] === undefined) throw new ConfigSyntaxError('not an SPDX tag-value document (no SPDXVersion)', 1, 1);
  return doc;
}

export function loadSpdx(path: string, text: string): LoadResult {
  return loadPlain('spdx', path, text, parseSpdx);
}
