import { parse as parseContentType } from 'content-type';
import iconv from 'iconv-lite';

/** The charset a feed's bytes are in, and what said so. */
export interface FeedCharset {
  charset: string;
  from: 'byte order mark' | 'Content-Type' | 'XML declaration' | 'default';
}

// `<?xml version="1.0" encoding="GBK"?>` at the very start; read as Latin-1, which every
// ASCII-compatible charset (GBK, GB18030, Big5, UTF-8) agrees with for these characters.
const XML_DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * A byte order mark first, then the charset of Content-Type, then the XML declaration's
 * encoding, else UTF-8 (Chinese sites still publish GBK, GB2312, GB18030 and Big5 feeds).
 */
export function feedCharset(contentType: string | null | undefined, body: Buffer): FeedCharset {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: 'utf-8', from: 'byte order mark' };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: 'utf-16le', from: 'byte order mark' };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: 'utf-16be', from: 'byte order mark' };
  if (contentType) {
    try {
      const charset = parseContentType(contentType).parameters.charset;
      if (charset) return { charset, from: 'Content-Type' };
    } catch {
      // A malformed Content-Type says nothing usable; the document may.
    }
  }
  const declared = XML_DECLARATION.exec(body.subarray(0, 512).toString('latin1').trimStart())?.[1];
  if (declared) return { charset: declared, from: 'XML declaration' };
  return { charset: 'utf-8', from: 'default' };
}

/** The feed's text, decoded by its charset; a charset iconv-lite does not know fails with a reason. */
export function decodeFeed(body: Buffer, contentType: string | null | undefined): string {
  const { charset, from } = feedCharset(contentType, body);
  if (!iconv.encodingExists(charset)) throw new Error(`unknown feed encoding "${charset}" (from the ${from})`);
  return iconv.decode(body, charset);
}
