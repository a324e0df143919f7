/**
 * Calendar arithmetic and time zones for the `time.*` builtins, following Go's `time` package:
 * an instant is whole Unix seconds plus nanoseconds; civil fields come from the proleptic
 * Gregorian calendar; `dateToInstant` normalises out-of-range fields the way `time.Date` does.
 * IANA zones are read through `Intl.DateTimeFormat` (Node and browsers), so no tz database ships
 * with the engine.
 */

export interface Instant {
  /** Unix seconds (a safe integer). */
  sec: number;
  /** 0 ≤ nsec < 1e9. */
  nsec: number;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
  nsec: number;
  /** 0 = Sunday. */
  weekday: number;
  /** 1-based day of the year. */
  yday: number;
}

export const MIN_NS = -(1n << 63n);
export const MAX_NS = (1n << 63n) - 1n;
const NS = 1_000_000_000n;

export function instantFromNs(ns: bigint): Instant {
  let sec = ns / NS;
  let nsec = ns % NS;
  if (nsec < 0n) {
    nsec += NS;
    sec -= 1n;
  }
  return { sec: Number(sec), nsec: Number(nsec) };
}

/** Nanoseconds since the epoch, or undefined outside the int64 range OPA accepts. */
export function instantToNs(t: Instant): bigint | undefined {
  if (!Number.isSafeInteger(t.sec)) return undefined;
  const ns = BigInt(t.sec) * NS + BigInt(t.nsec);
  return ns < MIN_NS || ns > MAX_NS ? undefined : ns;
}

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysIn(month: number, year: number): number {
  return month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Days from 1970-01-01 to year-month-01 + (day - 1), for any integer day. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

export function civilFromDays(z: number): { year: number; month: number; day: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Go's `norm`: moves whole multiples of `base` from lo into hi so that 0 ≤ lo < base. */
function norm(hi: number, lo: number, base: number): [number, number] {
  if (lo < 0) {
    const n = Math.floor((-lo - 1) / base) + 1;
    hi -= n;
    lo += n * base;
  }
  if (lo >= base) {
    const n = Math.floor(lo / base);
    hi += n;
    lo -= n * base;
  }
  return [hi, lo];
}

/** Go's `time.Date` in UTC: fields may be out of range and are normalised. */
export function dateToInstant(year: number, month: number, day: number, hour: number, min: number, sec: number, nsec: number): Instant {
  let m = month - 1;
  [year, m] = norm(year, m, 12);
  [sec, nsec] = norm(sec, nsec, 1e9);
  [min, sec] = norm(min, sec, 60);
  [hour, min] = norm(hour, min, 60);
  [day, hour] = norm(day, hour, 24);
  const days = daysFromCivil(year, m + 1, day);
  return { sec: days * 86400 + hour * 3600 + min * 60 + sec, nsec };
}

/** Civil fields of an instant shifted by `offset` seconds east of UTC. */
export function civilAt(t: Instant, offset: number): Civil {
  const s = t.sec + offset;
  const days = Math.floor(s / 86400);
  const rem = s - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(rem / 3600),
    min: Math.floor((rem % 3600) / 60),
    sec: rem % 60,
    nsec: t.nsec,
    weekday: (((days + 4) % 7) + 7) % 7,
    yday: days - daysFromCivil(year, 1, 1) + 1,
  };
}

// ---- zones ----------------------------------------------------------------------------------

export interface Zone {
  readonly name: string;
  /** Offset east of UTC in seconds, and the abbreviation Go would print for `MST`. */
  lookup(sec: number): { offset: number; abbr: string };
}

export const UTC: Zone = { name: 'UTC', lookup: () => ({ offset: 0, abbr: 'UTC' }) };

export function fixedZone(name: string, offset: number): Zone {
  return { name, lookup: () => ({ offset, abbr: name }) };
}

/** Locales whose short zone names match the tz database's abbreviations for a region. */
function abbrLocale(zone: string): string | undefined {
  if (/^(America|US|Canada|Pacific\/Honolulu)/.test(zone)) return 'en-US';
  if (/^(Europe|GB|WET|CET|MET|EET)/.test(zone)) return 'en-GB';
  if (/^Asia\/(Kolkata|Calcutta)$/.test(zone)) return 'en-IN';
  if (/^Australia/.test(zone)) return 'en-AU';
  return undefined;
}

/**
 * Alphabetic tz database abbreviations (by UTC offset in seconds) of zones outside the regions
 * `abbrLocale` covers, or where its locale disagrees with the tz database (Moscow, Dublin). Facts
 * from the tz database; offsets not listed (history, LMT) print numerically, as for other zones.
 */
const TZDB_ABBR: Record<string, Record<number, string>> = (() => {
  const out: Record<string, Record<number, string>> = {};
  const add = (zones: string, abbrs: Record<number, string>) => {
    for (const z of zones.split(' ')) out[z] = abbrs;
  };
  add('Asia/Tokyo Japan', { 32400: 'JST' });
  add('Asia/Seoul ROK Asia/Pyongyang', { 32400: 'KST' });
  add('Asia/Shanghai Asia/Chongqing Asia/Chungking Asia/Harbin PRC Asia/Macau Asia/Taipei ROC', { 28800: 'CST' });
  add('Asia/Hong_Kong Hongkong', { 28800: 'HKT' });
  add('Asia/Jakarta Asia/Pontianak', { 25200: 'WIB' });
  add('Asia/Makassar', { 28800: 'WITA' });
  add('Asia/Jayapura', { 32400: 'WIT' });
  add('Asia/Karachi', { 18000: 'PKT' });
  add('Asia/Jerusalem Asia/Tel_Aviv Israel', { 7200: 'IST', 10800: 'IDT' });
  add('Africa/Johannesburg Africa/Maseru Africa/Mbabane', { 7200: 'SAST' });
  add('Africa/Cairo Egypt', { 7200: 'EET', 10800: 'EEST' });
  add('Africa/Tripoli Libya', { 7200: 'EET' });
  add('Africa/Algiers Africa/Tunis', { 3600: 'CET' });
  add('Africa/Lagos Africa/Kinshasa Africa/Luanda Africa/Douala Africa/Libreville Africa/Malabo Africa/Niamey Africa/Porto-Novo Africa/Bangui Africa/Brazzaville Africa/Ndjamena', { 3600: 'WAT' });
  add('Africa/Nairobi Africa/Addis_Ababa Africa/Asmara Africa/Dar_es_Salaam Africa/Djibouti Africa/Kampala Africa/Mogadishu Indian/Antananarivo Indian/Comoro Indian/Mayotte', { 10800: 'EAT' });
  add('Africa/Maputo Africa/Blantyre Africa/Bujumbura Africa/Gaborone Africa/Harare Africa/Kigali Africa/Lubumbashi Africa/Lusaka Africa/Khartoum Africa/Juba Africa/Windhoek', { 7200: 'CAT' });
  add('Africa/Abidjan Africa/Accra Africa/Bamako Africa/Banjul Africa/Conakry Africa/Dakar Africa/Freetown Africa/Lome Africa/Nouakchott Africa/Ouagadougou Africa/Monrovia Africa/Bissau Atlantic/Reykjavik Atlantic/St_Helena Iceland', { 0: 'GMT' });
  add('Pacific/Auckland NZ Antarctica/McMurdo', { 43200: 'NZST', 46800: 'NZDT' });
  add('Pacific/Guam Pacific/Saipan', { 36000: 'ChST' });
  add('Europe/Moscow W-SU Europe/Simferopol Europe/Volgograd', { 10800: 'MSK' });
  add('Europe/Dublin Eire', { 0: 'GMT', 3600: 'IST' });
  return out;
})();

/** Go prints numeric tz database abbreviations as `+04` or `+0530`. */
function numericAbbr(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor((a % 3600) / 60);
  return sign + hh + (mm ? String(mm).padStart(2, '0') : '');
}

class IntlZone implements Zone {
  private readonly fields: Intl.DateTimeFormat;
  private readonly names: Intl.DateTimeFormat | undefined;
  constructor(readonly name: string, timeZone: string) {
    this.fields = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    const locale = abbrLocale(name);
    this.names = locale ? new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }) : undefined;
  }
  lookup(sec: number): { offset: number; abbr: string } {
    const date = new Date(sec * 1000);
    const parts: Record<string, string> = {};
    for (const p of this.fields.formatToParts(date)) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    const local = daysFromCivil(year, Number(parts.month), Number(parts.day)) * 86400 + Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
    const offset = local - sec;
    let abbr = numericAbbr(offset);
    if (offset === 0 && /^(UTC|Etc\/(UTC|UCT|Universal|Zulu)|UCT|Universal|Zulu)$/.test(this.name)) abbr = 'UTC';
    const known = TZDB_ABBR[this.name]?.[offset];
    if (known) abbr = known;
    else if (this.names) {
      const n = this.names.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
      if (/^[A-Z]{2,5}$/.test(n) && (n !== 'GMT' || offset === 0)) abbr = n;
    }
    return { offset, abbr };
  }
}

const zoneCache = new Map<string, Zone>();

/** Go's `time.LoadLocation`: "" and "UTC" are UTC, "Local" the host zone; unknown names fail. */
export function loadLocation(name: string): Zone | { error: string } {
  if (name === '' || name === 'UTC') return UTC;
  const hit = zoneCache.get(name);
  if (hit) return hit;
  const unknown = { error: `unknown time zone ${name}` };
  let tz = name;
  if (name === 'Local') tz = new Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  else if (!/^[A-Za-z]/.test(name) || name.includes('..')) return unknown;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: tz }).resolvedOptions().timeZone;
  } catch {
    return unknown;
  }
  // Intl matches names case-insensitively; the tz database (and Go) does not.
  if (resolved !== tz && resolved.toLowerCase() === tz.toLowerCase()) return unknown;
  const zone = resolved === 'UTC' && name === 'Local' ? UTC : new IntlZone(name, tz);
  zoneCache.set(name, zone);
  return zone;
}
