/**
 * Luhn (mod 10) check used by payment card numbers (ISO/IEC 7812). `digits` must contain
 * only the characters 0-9; anything else fails the check.
 */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  // Walk from the right: every second digit is doubled, and 10+ folds back to one digit.
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
