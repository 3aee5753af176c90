import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type FileEncoding = 'utf8' | 'gb18030';

/** How many bytes from the start of a file the encoding is judged by. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

export type EncodingVerdict = { encoding: FileEncoding } | { refused: string };

const CONVERT_HINT = 'convert it to UTF-8 first, e.g. `iconv -f GB18030 -t UTF-8 FILE > FILE.utf8` (or the encoding it is in)';

/**
 * Tells UTF-8 from GBK by the first bytes of a file: exports from Chinese platforms and Excel are
 * often GBK, and read as UTF-8 they would import as mojibake. GBK is decoded as GB18030, its superset.
 * `more` says whether the file goes on past the sample (its last character may be cut).
 */
export function detectEncoding(sample: Buffer, more: boolean): EncodingVerdict {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf8' };
  if ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)) {
    return { refused: `the file is UTF-16, which is not read here; ${CONVERT_HINT.replace('GB18030', 'UTF-16')}` };
  }
  if (decodesWith(sample, more, (bytes) => isUtf8(bytes))) return { encoding: 'utf8' };
  if (decodesWith(sample, more, isCleanGb18030)) return { encoding: 'gb18030' };
  return { refused: `the file is neither UTF-8 nor GBK; ${CONVERT_HINT}` };
}

// A sample that stops in the middle of a character is tried again without its last 1–3 bytes.
function decodesWith(sample: Buffer, more: boolean, valid: (bytes: Buffer) => boolean): boolean {
  const cuts = more ? [0, 1, 2, 3] : [0];
  return cuts.some((cut) => sample.length > cut && valid(sample.subarray(0, sample.length - cut)));
}

function isCleanGb18030(bytes: Buffer): boolean {
  const text = iconv.decode(bytes, 'gb18030');
  // iconv-lite marks bytes that are not GB18030 with U+FFFD; a GBK file also has no C1 controls.
  return !/[\ufffd\u0080-\u009f]/.test(text);
}
