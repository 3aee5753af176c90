import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: a reporter reads the number out on the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A receipt number such as JB20261201-7KQ2MX: the Shanghai day it was filed and 6 random characters (31^6 ≈ 887 million a day). */
export function receiptNumber(now = new Date()): string {
  const day = new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10).replaceAll('-', '');
  const tail = Array.from({ length: 6 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `JB${day}-${tail}`;
}
