/**
 * Go time layouts (reference time `Mon Jan 2 15:04:05 MST 2006`): tokenising a layout into
 * elements and formatting an instant with it, as Go's `Time.Format`. Parsing is in
 * time-parse.ts.
 */
import { type Instant, type Zone, civilAt } from './time-civil.js';

export enum Std {
  None = 0,
  LongMonth,
  Month,
  NumMonth,
  ZeroMonth,
  LongWeekDay,
  WeekDay,
  Day,
  UnderDay,
  ZeroDay,
  UnderYearDay,
  ZeroYearDay,
  Hour,
  Hour12,
  ZeroHour12,
  Minute,
  ZeroMinute,
  Second,
  ZeroSecond,
  LongYear,
  Year,
  PM,
  pm,
  TZ,
  ISO8601TZ,
  ISO8601SecondsTZ,
  ISO8601ShortTZ,
  ISO8601ColonTZ,
  ISO8601ColonSecondsTZ,
  NumTZ,
  NumSecondsTz,
  NumShortTZ,
  NumColonTZ,
  NumColonSecondsTZ,
  FracSecond0,
  FracSecond9,
}

interface Chunk {
  prefix: string;
  std: Std;
  /** Fraction digits and separator for FracSecond0/9. */
  digits: number;
  sep: string;
  stdText: string;
  suffix: string;
}

/** Layout names OPA accepts in place of a layout. */
export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
};

const ZERO_X: Std[] = [Std.ZeroMonth, Std.ZeroDay, Std.ZeroHour12, Std.ZeroMinute, Std.ZeroSecond, Std.Year];

const startsWithLower = (s: string) => s.length > 0 && s[0] >= 'a' && s[0] <= 'z';
export const isDigitAt = (s: string, i: number) => i < s.length && s[i] >= '0' && s[i] <= '9';

export function nextStdChunk(layout: string): Chunk {
  const mk = (i: number, std: Std, len: number, digits = 0, sep = ''): Chunk => ({
    prefix: layout.slice(0, i),
    std,
    digits,
    sep,
    stdText: layout.slice(i, i + len),
    suffix: layout.slice(i + len),
  });
  const at = (i: number, s: string) => layout.startsWith(s, i);
  for (let i = 0; i < layout.length; i++) {
    switch (layout[i]) {
      case 'J':
        if (at(i, 'Jan')) {
          if (at(i, 'January')) return mk(i, Std.LongMonth, 7);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, Std.Month, 3);
        }
        break;
      case 'M':
        if (at(i, 'Mon')) {
          if (at(i, 'Monday')) return mk(i, Std.LongWeekDay, 6);
          if (!startsWithLower(layout.slice(i + 3))) return mk(i, Std.WeekDay, 3);
        }
        if (at(i, 'MST')) return mk(i, Std.TZ, 3);
        break;
      case '0':
        if (i + 1 < layout.length && layout[i + 1] >= '1' && layout[i + 1] <= '6') return mk(i, ZERO_X[layout.charCodeAt(i + 1) - 49], 2);
        if (at(i, '002')) return mk(i, Std.ZeroYearDay, 3);
        break;
      case '1':
        if (at(i, '15')) return mk(i, Std.Hour, 2);
        return mk(i, Std.NumMonth, 1);
      case '2':
        if (at(i, '2006')) return mk(i, Std.LongYear, 4);
        return mk(i, Std.Day, 1);
      case '_':
        if (at(i, '_2')) {
          // `_2006` is a literal underscore followed by the long year.
          if (at(i + 1, '2006')) return { ...mk(i + 1, Std.LongYear, 4) };
          return mk(i, Std.UnderDay, 2);
        }
        if (at(i, '__2')) return mk(i, Std.UnderYearDay, 3);
        break;
      case '3':
        return mk(i, Std.Hour12, 1);
      case '4':
        return mk(i, Std.Minute, 1);
      case '5':
        return mk(i, Std.Second, 1);
      case 'P':
        if (at(i, 'PM')) return mk(i, Std.PM, 2);
        break;
      case 'p':
        if (at(i, 'pm')) return mk(i, Std.pm, 2);
        break;
      case '-':
        if (at(i, '-070000')) return mk(i, Std.NumSecondsTz, 7);
        if (at(i, '-07:00:00')) return mk(i, Std.NumColonSecondsTZ, 9);
        if (at(i, '-0700')) return mk(i, Std.NumTZ, 5);
        if (at(i, '-07:00')) return mk(i, Std.NumColonTZ, 6);
        if (at(i, '-07')) return mk(i, Std.NumShortTZ, 3);
        break;
      case 'Z':
        if (at(i, 'Z070000')) return mk(i, Std.ISO8601SecondsTZ, 7);
        if (at(i, 'Z07:00:00')) return mk(i, Std.ISO8601ColonSecondsTZ, 9);
        if (at(i, 'Z0700')) return mk(i, Std.ISO8601TZ, 5);
        if (at(i, 'Z07:00')) return mk(i, Std.ISO8601ColonTZ, 6);
        if (at(i, 'Z07')) return mk(i, Std.ISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.length && (layout[i + 1] === '0' || layout[i + 1] === '9')) {
          const ch = layout[i + 1];
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // Only a fraction when the run of identical digits ends the number.
          if (!isDigitAt(layout, j)) return mk(i, ch === '0' ? Std.FracSecond0 : Std.FracSecond9, j - i, j - (i + 1), layout[i]);
        }
        break;
    }
  }
  return { prefix: layout, std: Std.None, digits: 0, sep: '', stdText: '', suffix: '' };
}

export const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const SHORT_DAYS = LONG_DAYS.map((d) => d.slice(0, 3));
export const SHORT_MONTHS = LONG_MONTHS.map((m) => m.slice(0, 3));

export function weekdayName(d: number): string {
  return LONG_DAYS[d];
}

// ---- formatting ----------------------------------------------------------------------------

const pad = (n: number, width: number) => (n < 0 ? '-' + String(-n).padStart(width, '0') : String(n).padStart(width, '0'));

function formatOffset(offset: number, std: Std): string {
  const iso = std === Std.ISO8601TZ || std === Std.ISO8601ColonTZ || std === Std.ISO8601SecondsTZ || std === Std.ISO8601ShortTZ || std === Std.ISO8601ColonSecondsTZ;
  if (offset === 0 && iso) return 'Z';
  let zone = Math.trunc(offset / 60);
  let abs = offset;
  let out = '+';
  if (zone < 0) {
    out = '-';
    zone = -zone;
    abs = -abs;
  }
  out += pad(Math.floor(zone / 60), 2);
  const colon = std === Std.ISO8601ColonTZ || std === Std.NumColonTZ || std === Std.ISO8601ColonSecondsTZ || std === Std.NumColonSecondsTZ;
  if (colon) out += ':';
  if (std !== Std.NumShortTZ && std !== Std.ISO8601ShortTZ) out += pad(zone % 60, 2);
  if (std === Std.ISO8601SecondsTZ || std === Std.NumSecondsTz || std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) {
    if (std === Std.NumColonSecondsTZ || std === Std.ISO8601ColonSecondsTZ) out += ':';
    out += pad(abs % 60, 2);
  }
  return out;
}

function formatNano(nsec: number, digits: number, sep: string, trim: boolean): string {
  if (trim && (digits === 0 || nsec === 0)) return '';
  let s = sep + pad(nsec, 9);
  if (digits < 9) s = s.slice(0, 1 + digits);
  if (trim) {
    s = s.replace(/0+$/, '');
    if (s === sep) s = '';
  }
  return s;
}

/** Go's `Time.Format`. */
export function formatTime(t: Instant, zone: Zone, layout: string): string {
  const { offset, abbr } = zone.lookup(t.sec);
  const c = civilAt(t, offset);
  let out = '';
  let rest = layout;
  for (;;) {
    const ch = nextStdChunk(rest);
    out += ch.prefix;
    if (ch.std === Std.None) break;
    rest = ch.suffix;
    switch (ch.std) {
      case Std.Year:
        out += pad(Math.abs(c.year) % 100, 2);
        break;
      case Std.LongYear:
        out += pad(c.year, 4);
        break;
      case Std.Month:
        out += SHORT_MONTHS[c.month - 1];
        break;
      case Std.LongMonth:
        out += LONG_MONTHS[c.month - 1];
        break;
      case Std.NumMonth:
        out += String(c.month);
        break;
      case Std.ZeroMonth:
        out += pad(c.month, 2);
        break;
      case Std.WeekDay:
        out += SHORT_DAYS[c.weekday];
        break;
      case Std.LongWeekDay:
        out += LONG_DAYS[c.weekday];
        break;
      case Std.Day:
        out += String(c.day);
        break;
      case Std.UnderDay:
        out += (c.day < 10 ? ' ' : '') + String(c.day);
        break;
      case Std.ZeroDay:
        out += pad(c.day, 2);
        break;
      case Std.UnderYearDay:
        out += String(c.yday).padStart(3, ' ');
        break;
      case Std.ZeroYearDay:
        out += pad(c.yday, 3);
        break;
      case Std.Hour:
        out += pad(c.hour, 2);
        break;
      case Std.Hour12:
      case Std.ZeroHour12: {
        const hr = c.hour % 12 === 0 ? 12 : c.hour % 12;
        out += ch.std === Std.Hour12 ? String(hr) : pad(hr, 2);
        break;
      }
      case Std.Minute:
        out += String(c.min);
        break;
      case Std.ZeroMinute:
        out += pad(c.min, 2);
        break;
      case Std.Second:
        out += String(c.sec);
        break;
      case Std.ZeroSecond:
        out += pad(c.sec, 2);
        break;
      case Std.PM:
        out += c.hour >= 12 ? 'PM' : 'AM';
        break;
      case Std.pm:
        out += c.hour >= 12 ? 'pm' : 'am';
        break;
      case Std.TZ:
        out += abbr !== '' ? abbr : formatOffset(offset, Std.NumTZ);
        break;
      case Std.FracSecond0:
      case Std.FracSecond9:
        out += formatNano(c.nsec, ch.digits, ch.sep, ch.std === Std.FracSecond9);
        break;
      default:
        out += formatOffset(offset, ch.std);
    }
  }
  return out;
}

// ---- error text -------------------------------------------------------------------------------

/** Go's internal `quote` for time error messages (non-ASCII as \x escapes of UTF-8 bytes). */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of new TextEncoder().encode(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return out + '"';
}
