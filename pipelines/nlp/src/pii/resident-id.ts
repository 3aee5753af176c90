// Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit area code,
// 8-digit birth date, 3-digit sequence, and a check character (ISO 7064 MOD 11-2).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// People alive today were born after 1900; a birth date in the future is not a real number.
const EARLIEST_BIRTH_YEAR = 1900;

/** The check character (0-9 or X) that the first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Whether an 8-digit YYYYMMDD string is a real calendar date in a plausible range. */
export function isPlausibleBirthDate(yyyymmdd: string, now: Date = new Date()): boolean {
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February into March; a rolled date is not a real one.
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  return date.getTime() <= now.getTime();
}

/**
 * Whether `value` (18 characters, digits with an optional final X/x, no separators) is a
 * valid resident ID number: first digit of the area code 1-9, a plausible birth date, and
 * the right check character.
 */
export function isValidResidentId(value: string, now?: Date): boolean {
  if (!/^[1-9]\d{16}[\dXx]$/.test(value)) return false;
  if (!isPlausibleBirthDate(value.slice(6, 14), now)) return false;
  return residentIdCheckChar(value) === value[17].toUpperCase();
}
