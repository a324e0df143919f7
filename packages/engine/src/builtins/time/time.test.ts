import { describe, expect, it } from 'vitest';
import type { BuiltinContext } from '../define.js';
import { testSleepBuiltin, timeBuiltins } from './time.js';
import { parseDuration } from './time-duration.js';
import { civilFromDays, daysFromCivil, loadLocation } from './time-civil.js';
import type { Value } from '../../value/types.js';
import { PalisadeError } from '../../errors.js';

const ctx = { nowNs: 1670006453141828752n } as BuiltinContext;

function call(name: string, ...args: Value[]): Value | undefined {
  const decl = timeBuiltins.find((b) => b.name === name)!;
  return decl.impl(args, ctx);
}

function failure(name: string, ...args: Value[]): { code: string; message: string } {
  try {
    call(name, ...args);
  } catch (e) {
    if (e instanceof PalisadeError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error(`${name} did not fail`);
}

const RFC3339 = '2006-01-02T15:04:05Z07:00';

describe('time.now_ns', () => {
  it('returns the query time as an exact integer', () => {
    expect(call('time.now_ns')).toBe(1670006453141828752n);
  });
});

describe('time.parse_ns / parse_rfc3339_ns', () => {
  it('parses Go layouts and named layouts', () => {
    expect(call('time.parse_ns', RFC3339, '2017-06-02T19:00:00-07:00')).toBe(1496455200000000000n);
    expect(call('time.parse_ns', "01/02 03:04:05PM '06 -0700", "06/02 07:00:00PM '17 -0700")).toBe(1496455200000000000n);
    expect(call('time.parse_ns', 'RFC822Z', '02 Jun 17 19:00 -0700')).toBe(1496455200000000000n);
    expect(call('time.parse_ns', '2006-01-02', '1970-01-02')).toBe(86400000000000);
    expect(call('time.parse_ns', 'Monday, January _2 2006 3:04pm', 'friday, june  2 2017 7:00pm')).toBe(1496430000000000000n);
    expect(call('time.parse_ns', '2006-002', '2020-060')).toBe(call('time.parse_ns', '2006-01-02', '2020-02-29'));
    expect(call('time.parse_ns', '2006-01-02 15:04:05.000', '1970-01-01 00:00:01.250')).toBe(1250000000);
    expect(call('time.parse_ns', '2006-01-02 15:04:05,999', '1970-01-01 00:00:01')).toBe(1000000000);
    // A clock without a date is year 0, which int64 nanoseconds cannot hold.
    expect(failure('time.parse_ns', '15:04', '10:00').message).toBe('time outside of valid range');
    expect(call('time.parse_ns', 'Jan 2 2006 MST', 'Jan 2 2006 PST')).toBe(call('time.parse_ns', 'Jan 2 2006', 'Jan 2 2006'));
  });

  it('accepts fractional seconds the layout does not mention', () => {
    expect(call('time.parse_rfc3339_ns', '1970-01-01T00:00:00.5Z')).toBe(500000000);
    expect(call('time.parse_rfc3339_ns', '1677-09-21T00:12:43.145224192-00:00')).toBe(-9223372036854775808n);
    expect(call('time.parse_rfc3339_ns', '2262-04-11T23:47:16.854775807-00:00')).toBe(9223372036854775807n);
  });

  it('rejects out-of-range instants and malformed text with Go messages', () => {
    expect(failure('time.parse_rfc3339_ns', '2262-04-11T23:47:16.854775808-00:00')).toEqual({
      code: 'eval_builtin_error',
      message: 'time outside of valid range',
    });
    expect(failure('time.parse_ns', '2006-01-02', 'x').message).toBe('parsing time "x" as "2006-01-02": cannot parse "x" as "2006"');
    expect(failure('time.parse_ns', '2006-01-02', '2021-02-29').message).toBe('parsing time "2021-02-29": day out of range');
    expect(failure('time.parse_ns', '2006-01-02', '2021-13-01').message).toBe('parsing time "2021-13-01": month out of range');
    expect(failure('time.parse_ns', '2006-01-02', '2021-01-01 ').message).toBe('parsing time "2021-01-01 ": extra text: " "');
    expect(failure('time.parse_ns', 1, 'x')).toEqual({ code: 'eval_type_error', message: 'operand 1 must be string but got number' });
  });
});

describe('time.parse_duration_ns', () => {
  it('parses Go durations', () => {
    expect(call('time.parse_duration_ns', '100ms')).toBe(100000000);
    expect(call('time.parse_duration_ns', '1h30m1.5s')).toBe(5401500000000);
    expect(call('time.parse_duration_ns', '-1.5us')).toBe(-1500);
    expect(call('time.parse_duration_ns', '1µs')).toBe(1000);
    expect(call('time.parse_duration_ns', '0')).toBe(0);
    expect(parseDuration('-2562047h47m16.854775808s')).toBe(-9223372036854775808n);
  });

  it('reports Go errors', () => {
    expect(failure('time.parse_duration_ns', '')).toEqual({ code: 'eval_builtin_error', message: 'time: invalid duration ""' });
    expect(failure('time.parse_duration_ns', '10').message).toBe('time: missing unit in duration "10"');
    expect(failure('time.parse_duration_ns', '1D').message).toBe('time: unknown unit "D" in duration "1D"');
    expect(failure('time.parse_duration_ns', '1day').message).toBe('time: invalid duration "1day"');
  });
  it('takes OPA\'s d, w and y (365 days) units', () => {
    expect(call('time.parse_duration_ns', '1d')).toBe(86400000000000);
    expect(call('time.parse_duration_ns', '1.5y')).toBe(47304000000000000n);
    expect(call('time.parse_duration_ns', '1w2d')).toBe(777600000000000);
    expect(failure('time.parse_duration_ns', '2562048h').message).toBe('time: invalid duration "2562048h"');
  });
});

describe('time.date / clock / weekday', () => {
  it('breaks timestamps down in UTC or a zone', () => {
    expect(call('time.date', 1517814000000000000n)).toEqual([2018, 2, 5]);
    expect(call('time.date', [1517814000000000000n, 'America/Los_Angeles'])).toEqual([2018, 2, 4]);
    expect(call('time.date', [1517832000000000000n, ''])).toEqual([2018, 2, 5]);
    expect(call('time.date', 1582977600000000000n)).toEqual([2020, 2, 29]);
    expect(call('time.date', -1)).toEqual([1969, 12, 31]);
    expect(call('time.clock', [1517832000000000000n, 'America/New_York'])).toEqual([7, 0, 0]);
    expect(call('time.weekday', 1518350400000000000n)).toBe('Sunday');
    expect(call('time.weekday', [0, 'Asia/Tokyo'])).toBe('Thursday');
  });

  it('rejects timestamps that are not int64 and unknown zones', () => {
    expect(failure('time.date', 1582977600000000000000000n)).toEqual({ code: 'eval_builtin_error', message: 'timestamp too big' });
    expect(failure('time.clock', 1.5).message).toBe('timestamp too big');
    expect(failure('time.date', [0, 'Mars/Olympus']).message).toBe('unknown time zone Mars/Olympus');
    expect(failure('time.date', 'x')).toEqual({
      code: 'eval_type_error',
      message: 'operand 1 must be either number (ns) or [number (ns), string (tz)] but got string',
    });
  });
});

describe('time.add_date / diff', () => {
  it('adds with Go normalisation', () => {
    expect(call('time.add_date', 1585852421593912000n, 3, 9, 12)).toBe(1705257221593912000n);
    expect(call('time.add_date', 1585852421593912000n, -1, -1, -1)).toBe(1551465221593912000n);
    // Jan 31 + 1 month = Feb 31 → Mar 2 (2021 is not a leap year).
    const jan31 = call('time.parse_ns', '2006-01-02', '2021-01-31') as Value;
    expect(call('time.add_date', jan31, 0, 1, 0)).toBe(call('time.parse_ns', '2006-01-02', '2021-03-03'));
    expect(failure('time.add_date', 0, 2262, 1, 1).message).toBe('time outside of valid range');
    expect(failure('time.add_date', -9223372036854775808n, 0, 0, -1).message).toBe('time outside of valid range');
    expect(failure('time.add_date', 0, 1.5, 0, 0)).toEqual({ code: 'eval_type_error', message: 'operand 2 must be integer number but got floating-point number' });
  });

  it('diffs calendar fields', () => {
    const p = (s: string) => call('time.parse_ns', '2006-01-02', s) as Value;
    expect(call('time.diff', p('2020-02-02'), p('2020-03-01'))).toEqual([0, 0, 28, 0, 0, 0]);
    expect(call('time.diff', p('2021-02-02'), p('2021-03-01'))).toEqual([0, 0, 27, 0, 0, 0]);
    expect(call('time.diff', p('2005-03-01'), p('2004-02-29'))).toEqual([1, 0, 1, 0, 0, 0]);
    const now = 1670006453141828752n;
    expect(call('time.diff', [now + 60_000_000_000n, 'UTC'], [now, 'Asia/Shanghai'])).toEqual([0, 0, 0, 0, 1, 0]);
    expect(call('time.diff', now + 61_000_000_000n, now)).toEqual([0, 0, 0, 0, 1, 1]);
  });
});

describe('time.format', () => {
  const t = 1670006453141828752n;
  it('formats with zones and layouts', () => {
    expect(call('time.format', t)).toBe('2022-12-02T18:40:53.141828752Z');
    expect(call('time.format', [t, 'Asia/Kolkata'])).toBe('2022-12-03T00:10:53.141828752+05:30');
    expect(call('time.format', [t, 'Asia/Kolkata', 'Mon Jan 02 15:04:05 -0700 2006'])).toBe('Sat Dec 03 00:10:53 +0530 2022');
    expect(call('time.format', [t, 'Asia/Kolkata', 'RFC1123Z'])).toBe('Sat, 03 Dec 2022 00:10:53 +0530');
    expect(call('time.format', [t, 'America/New_York', 'RFC1123'])).toBe('Fri, 02 Dec 2022 13:40:53 EST');
    expect(call('time.format', [t, 'UTC', '3:04PM .000 ,999999 __2 002 January Monday -07 Z07:00'])).toBe(
      '6:40PM .141 ,141828 336 336 December Friday +00 Z',
    );
    expect(call('time.format', [0, 'UTC', 'RFC3339Nano'])).toBe('1970-01-01T00:00:00Z');
  });

  it('prints the tz database abbreviation Go prints for `MST`', () => {
    const winter = 1705320000000000000n; // 2024-01-15T12:00:00Z
    const summer = 1721044800000000000n; // 2024-07-15T12:00:00Z
    const abbr = (ns: bigint, zone: string) => call('time.format', [ns, zone, 'MST']);
    expect([abbr(winter, 'Asia/Tokyo'), abbr(winter, 'Asia/Shanghai'), abbr(winter, 'Asia/Jakarta'), abbr(winter, 'Africa/Nairobi')]).toEqual(['JST', 'CST', 'WIB', 'EAT']);
    expect([abbr(winter, 'Pacific/Auckland'), abbr(summer, 'Pacific/Auckland')]).toEqual(['NZDT', 'NZST']);
    expect([abbr(winter, 'Asia/Jerusalem'), abbr(summer, 'Asia/Jerusalem')]).toEqual(['IST', 'IDT']);
    expect([abbr(winter, 'Europe/Dublin'), abbr(summer, 'Europe/Dublin'), abbr(winter, 'Europe/Moscow')]).toEqual(['GMT', 'IST', 'MSK']);
    // Zones whose tz database abbreviation is numeric, and locale-derived ones, are unchanged.
    expect([abbr(winter, 'Asia/Dubai'), abbr(winter, 'America/Sao_Paulo'), abbr(winter, 'Europe/Berlin'), abbr(summer, 'America/Los_Angeles')]).toEqual(['+04', '-03', 'CET', 'PDT']);
    // Before standard time, Tokyo ran on local mean time: numeric, not JST.
    expect(abbr(-3000000000000000000n, 'Asia/Tokyo')).toMatch(/^\+09/);
  });

  it('rejects timestamps beyond int64', () => {
    expect(failure('time.format', 1582977600 * 10e12).message).toBe('timestamp too big');
  });
});

describe('calendar helpers', () => {
  it('converts days and civil dates both ways', () => {
    for (const d of [-106751, -1, 0, 59, 18321, 106750]) {
      const c = civilFromDays(d);
      expect(daysFromCivil(c.year, c.month, c.day)).toBe(d);
    }
    expect(civilFromDays(18321)).toEqual({ year: 2020, month: 2, day: 29 });
  });

  it('loads zones as Go does', () => {
    expect(loadLocation('')).toMatchObject({ name: 'UTC' });
    expect(loadLocation('america/new_york')).toEqual({ error: 'unknown time zone america/new_york' });
    expect(loadLocation('+05:30')).toEqual({ error: 'unknown time zone +05:30' });
  });
});

describe('test.sleep (harness-only)', () => {
  it('returns null after sleeping and rejects bad durations', () => {
    expect(testSleepBuiltin.impl(['1ms'], ctx)).toBe(null);
    expect(() => testSleepBuiltin.impl(['soon'], ctx)).toThrow('time: invalid duration "soon"');
  });
});
