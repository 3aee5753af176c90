import { EVIDENCE_MAX_BYTES, type EvidenceMediaType } from '@liaowang/contract';
import { createHash } from 'node:crypto';

// R-CASE-5: an upload is taken only when its bytes are what its type says (the declared type
// alone is the client's word) and within the size limit.
const SIGNATURES: Record<Exclude<EvidenceMediaType, 'text/plain'>, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
};

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
  const matches =
    mediaType === 'text/plain'
      ? !bytes.includes(0) && Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes)
      : SIGNATURES[mediaType].every((byte, i) => bytes[i] === byte);
  if (!matches) return { ok: false, rule: 'file-type-mismatch', detail: `the bytes are not ${mediaType}` };
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}
