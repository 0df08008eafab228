// Numbers as French producers write them: "1 234,5", "-15,1", and, in the same INSEE file,
// dot-decimal weighted counts such as "386.031173335763" next to comma-decimal rates ("48,0").

/** Sign, integer part (grouped by space, no-break space or narrow no-break space), fraction, exponent. */
const number = (mark: string) => new RegExp(`^([+-]?)(\\d{1,3}(?:[ \\u00A0\\u202F]\\d{3})+|\\d+)(?:\\${mark}(\\d+))?([eE][+-]?\\d+)?$`);
const NUMBER = { ",": number(","), ".": number(".") };
/** Fast paths for the bulk of a file; a lone dot reads the same whatever the declared mark. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const PLAIN_COMMA = /^-?\d+,\d+$/;

/**
 * Parses a number written with the declared decimal mark; undefined if it is not one.
 *
 * With decimal ",", a value with exactly one "." and no "," is read with a decimal POINT:
 * the INSEE comparateur writes its weighted counts ("386.031173335763") and SUPERF ("72.48")
 * that way in a comma-decimal file. So "1.234" is 1.234, never 1234: a dot is never a
 * thousands separator. Only spaces group thousands, and only by groups of three.
 * With decimal ".", any comma is rejected: "12,5" would otherwise be silently misread.
 */
export function parseNumber(raw: string, decimal: "," | "."): number | undefined {
  const whole = wholeNumber(raw);
  if (whole !== undefined) return whole;
  const text = raw.trim().replace("\u2212", "-"); // typographic minus sign
  if (PLAIN.test(text)) return noNegativeZero(Number(text));
  if (decimal === "," && PLAIN_COMMA.test(text)) return noNegativeZero(Number(text.replace(",", ".")));
  const dots = text.split(".").length - 1;
  const mark = decimal === "," && dots === 1 && !text.includes(",") ? "." : decimal;
  const m = NUMBER[mark].exec(text);
  if (!m) return undefined;
  const [, sign, int, frac = "0", exp = ""] = m;
  return noNegativeZero(Number(`${sign}${int.replace(/\D/g, "")}.${frac}${exp}`));
}

/** Digits only ("0", "1234"), as most cells of a file are: read without a regular expression. */
function wholeNumber(text: string): number | undefined {
  if (text.length === 0 || text.length > 15) return undefined; // 15 digits: always exact
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

const noNegativeZero = (value: number) => (value === 0 ? 0 : value);
