import { EVIDENCE_MAX_BYTES, type EvidenceMediaType } from '@liaowang/contract';
import { createHash } from 'node:crypto';
import { evidenceFileType } from './evidence-file-type';

// R-CASE-5: an upload is taken only when its bytes are what its type says (the declared type
// alone is the client's word) and within the size limit. The JSON route (base64) of the first
// evidence API; the multipart route tells the type the same way (evidence-file-type.ts).
export type FileCheck =
  | { ok: true; bytes: Buffer; sha256: string }
  | { ok: false; rule: 'file-too-large' | 'file-type-mismatch' | 'file-empty'; detail: string };

export function checkEvidenceFile(base64: string, mediaType: EvidenceMediaType): FileCheck {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) return { ok: false, rule: 'file-empty', detail: 'the file has no bytes' };
  if (bytes.length > EVIDENCE_MAX_BYTES)
    return {
      ok: false,
      rule: 'file-too-large',
      detail: `the file has ${bytes.length} bytes; at most ${EVIDENCE_MAX_BYTES} are taken`,
    };
  const found = evidenceFileType(bytes, mediaType, '');
  if (!found.ok || found.mediaType !== mediaType)
    return { ok: false, rule: 'file-type-mismatch', detail: `the bytes are not ${mediaType}` };
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
