import { EVIDENCE_FILE_MEDIA_TYPES, type EvidenceFileMediaType } from '@liaowang/contract';
import { filetypeinfo } from 'magic-bytes.js';
import { extname } from 'node:path';

// R-CASE-5: an upload's type is told by its bytes (magic-bytes.js reads the signatures); the
// client's declared type and the file's extension only choose among what the bytes allow
// (a ZIP signature is shared by .docx, .xlsx, .pptx and plain archives).
const ALLOWED = new Set<string>(EVIDENCE_FILE_MEDIA_TYPES);
const OCTET_STREAM = 'application/octet-stream';

export type EvidenceTypeCheck = { ok: true; mediaType: EvidenceFileMediaType } | { ok: false; detected: string };

/** Bytes that read as UTF-8 text without control characters other than tab, newline and carriage return. */
function isPlainText(bytes: Buffer): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  if (!Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)) return false;
  return !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(bytes.toString('utf8'));
}

/** The evidence type of `bytes`, or what they are when that is not allowed. */
export function evidenceFileType(bytes: Buffer, declared: string | undefined, name: string): EvidenceTypeCheck {
  const extension = extname(name).slice(1).toLowerCase();
  // Some signatures are two letters (`BM` of a bitmap): text declared as text that reads as text is text.
  if ((declared?.toLowerCase().startsWith('text/plain') || extension === 'txt') && isPlainText(bytes))
    return { ok: true, mediaType: 'text/plain' };
  const candidates = filetypeinfo(bytes).filter((c): c is typeof c & { mime: string } => Boolean(c.mime));
  if (candidates.length === 0)
    return isPlainText(bytes) ? { ok: true, mediaType: 'text/plain' } : { ok: false, detected: OCTET_STREAM };
  const allowed = candidates.filter((c) => ALLOWED.has(c.mime));
  if (allowed.length === 0) return { ok: false, detected: candidates[0].mime };
  const chosen =
    allowed.find((c) => c.mime === declared?.toLowerCase()) ??
    allowed.find((c) => c.extension === extension || (extension === 'jpg' && c.mime === 'image/jpeg')) ??
    // One allowed reading of the bytes (PNG also reads as APNG, which is not listed) is enough.
    (allowed.length === 1 && candidates[0].mime === allowed[0].mime ? allowed[0] : undefined);
  return chosen
    ? { ok: true, mediaType: chosen.mime as EvidenceFileMediaType }
    : { ok: false, detected: candidates[0].mime };
}
