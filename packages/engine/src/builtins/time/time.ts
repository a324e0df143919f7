/**
 * `time.*` builtins with Go's `time` semantics: int64 nanosecond timestamps, Go layouts and
 * durations, IANA zones (time-civil.ts), and OPA's error texts ("timestamp too big",
 * "time outside of valid range").
 */
import { builtinError, operandError, typeErrorText, type BuiltinDecl } from '../define.js';
import { argNumber, argString } from '../args.js';
import { T } from '../signature.js';
import { type Instant, type Zone, UTC, civilAt, dateToInstant, daysIn, instantFromNs, instantToNs, loadLocation, MAX_NS, MIN_NS } from './time-civil.js';
import { NAMED_LAYOUTS, formatTime, weekdayName } from './time-layout.js';
import { parseTime } from './time-parse.js';
import { parseDuration, parseLongDuration } from './time-duration.js';
import { normNumber } from '../../value/number.js';
import type { Value } from '../../value/types.js';

const RFC3339 = NAMED_LAYOUTS.RFC3339;
const RFC3339_NANO = NAMED_LAYOUTS.RFC3339Nano;
const TZ_OPERAND = 'either number (ns) or [number (ns), string (tz)]';

function layoutOf(name: string): string {
  return NAMED_LAYOUTS[name] ?? name;
}

interface ZonedTime {
  t: Instant;
  zone: Zone;
  layout: string;
}

/** Timestamp operand as an exact int64 (fractions and out-of-range values are "too big", as OPA's float check). */
function timestampOf(v: Value, pos: number): bigint {
  if (typeof v !== 'number' && typeof v !== 'bigint') throw operandError(pos, v, 'number');
  const n = typeof v === 'bigint' ? v : Number.isInteger(v) ? BigInt(v) : undefined;
  if (n === undefined || n < MIN_NS || n > MAX_NS) throw builtinError('timestamp too big');
  return n;
}

/** OPA's `tzTime`: `ns`, `[ns, tz]` or `[ns, tz, layout]`; every error names operand 1. */
function zonedTime(v: Value): ZonedTime {
  let nsVal: Value;
  let zone: Zone = UTC;
  let layout = RFC3339_NANO;
  if (Array.isArray(v)) {
    if (v.length === 0) throw operandError(1, v, TZ_OPERAND);
    nsVal = v[0];
    if (typeof nsVal !== 'number' && typeof nsVal !== 'bigint') throw operandError(1, nsVal, 'number');
    if (v.length > 1) {
      const tz = v[1];
      if (typeof tz !== 'string') throw operandError(1, tz, 'string');
      const loc = loadLocation(tz);
      if ('error' in loc) throw builtinError(loc.error);
      zone = loc;
    }
    if (v.length > 2) {
      const lay = v[2];
      if (typeof lay !== 'string') throw operandError(1, lay, 'string');
      layout = layoutOf(lay);
    }
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    nsVal = v;
  } else {
    throw operandError(1, v, TZ_OPERAND);
  }
  return { t: instantFromNs(timestampOf(nsVal, 1)), zone, layout };
}

function nsResult(t: Instant): Value {
  const ns = instantToNs(t);
  if (ns === undefined) throw builtinError('time outside of valid range');
  return normNumber(ns);
}

function parsed(r: Instant | { error: string }): Value {
  if ('error' in r) throw builtinError(r.error);
  return nsResult(r);
}

/** OPA's integer operand: `operand N must be integer number but got floating-point number`. */
function intOperand(args: Value[], i: number): number {
  const n = argNumber(args, i);
  if (typeof n === 'bigint') return Number(n);
  if (!Number.isInteger(n)) throw typeErrorText(`operand ${i + 1} must be integer number but got floating-point number`);
  return n;
}

function local(z: ZonedTime) {
  return civilAt(z.t, z.zone.lookup(z.t.sec).offset);
}

/** Year/month/day/hour/minute/second differences, as OPA computes them (after icza/gox). */
function timeDiff(a: ZonedTime, b: ZonedTime): number[] {
  let t1 = a;
  let t2: ZonedTime = { ...b, zone: a.zone };
  if (t1.t.sec > t2.t.sec || (t1.t.sec === t2.t.sec && t1.t.nsec > t2.t.nsec)) [t1, t2] = [t2, t1];
  const c1 = local(t1);
  const c2 = local(t2);
  let year = c2.year - c1.year;
  let month = c2.month - c1.month;
  let day = c2.day - c1.day;
  let hour = c2.hour - c1.hour;
  let min = c2.min - c1.min;
  let sec = c2.sec - c1.sec;
  if (sec < 0) {
    sec += 60;
    min--;
  }
  if (min < 0) {
    min += 60;
    hour--;
  }
  if (hour < 0) {
    hour += 24;
    day--;
  }
  if (day < 0) {
    day += daysIn(c1.month, c1.year);
    month--;
  }
  if (month < 0) {
    month += 12;
    year--;
  }
  return [year, month, day, hour, min, sec];
}

const tzParam = {
  name: 'x',
  type: T.union(T.number, T.array(T.union(T.number, T.string))),
  description: 'nanoseconds since the epoch, or [ns, timezone]',
};

export const timeBuiltins: BuiltinDecl[] = [
  {
    name: 'time.now_ns',
    params: [],
    result: T.number,
    category: 'time',
    description: 'Returns the current time in nanoseconds since the epoch, fixed for the whole query.',
    nondeterministic: true,
    impl: (_args, ctx) => normNumber(ctx.nowNs),
  },
  {
    name: 'time.parse_ns',
    params: [
      { name: 'layout', type: T.string, description: 'Go layout (reference time Mon Jan 2 15:04:05 MST 2006) or a layout name such as RFC3339' },
      { name: 'value', type: T.string, description: 'time text to parse' },
    ],
    result: T.number,
    category: 'time',
    description: 'Parses a time with a Go layout into nanoseconds since the epoch.',
    impl: (args) => {
      const layout = layoutOf(argString(args, 0));
      return parsed(parseTime(layout, argString(args, 1)));
    },
  },
  {
    name: 'time.parse_rfc3339_ns',
    params: [{ name: 'value', type: T.string, description: 'RFC 3339 time text' }],
    result: T.number,
    category: 'time',
    description: 'Parses an RFC 3339 time into nanoseconds since the epoch.',
    impl: (args) => parsed(parseTime(RFC3339, argString(args, 0))),
  },
  {
    name: 'time.parse_duration_ns',
    params: [{ name: 'duration', type: T.string, description: 'Go duration such as "1h30m" or "-1.5s"' }],
    result: T.number,
    category: 'time',
    description: 'Parses a Go duration string into nanoseconds; as OPA, `d`, `w` and `y` (365 days) are units too.',
    impl: (args) => {
      const r = parseLongDuration(argString(args, 0));
      if (typeof r !== 'bigint') throw builtinError(r.error);
      return normNumber(r);
    },
  },
  {
    name: 'time.date',
    params: [tzParam],
    result: T.array(T.number),
    category: 'time',
    description: 'Returns [year, month, day] of a timestamp, in UTC or the given time zone.',
    impl: (args) => {
      const c = local(zonedTime(args[0]));
      return [c.year, c.month, c.day];
    },
  },
  {
    name: 'time.clock',
    params: [tzParam],
    result: T.array(T.number),
    category: 'time',
    description: 'Returns [hour, minute, second] of a timestamp, in UTC or the given time zone.',
    impl: (args) => {
      const c = local(zonedTime(args[0]));
      return [c.hour, c.min, c.sec];
    },
  },
  {
    name: 'time.weekday',
    params: [tzParam],
    result: T.string,
    category: 'time',
    description: 'Returns the English name of the day of the week of a timestamp.',
    impl: (args) => weekdayName(local(zonedTime(args[0])).weekday),
  },
  {
    name: 'time.add_date',
    params: [
      { name: 'ns', type: T.number, description: 'nanoseconds since the epoch' },
      { name: 'years', type: T.number, description: 'years to add' },
      { name: 'months', type: T.number, description: 'months to add' },
      { name: 'days', type: T.number, description: 'days to add' },
    ],
    result: T.number,
    category: 'time',
    description: 'Adds years, months and days to a timestamp, normalising overflow as Go does (Oct 32 → Nov 1).',
    impl: (args) => {
      const z = zonedTime(args[0]);
      const years = intOperand(args, 1);
      const months = intOperand(args, 2);
      const days = intOperand(args, 3);
      const c = local(z);
      const year = c.year + years;
      // Far outside int64 nanoseconds anyway; keeps the calendar arithmetic in safe integers.
      if (Math.abs(year) > 1e7 || Math.abs(months) > 1e8 || Math.abs(days) > 1e10) throw builtinError('time outside of valid range');
      const t = dateToInstant(year, c.month + months, c.day + days, c.hour, c.min, c.sec, c.nsec);
      t.sec -= z.zone.lookup(t.sec).offset;
      return nsResult(t);
    },
  },
  {
    name: 'time.diff',
    params: [
      { ...tzParam, name: 'ns1' },
      { ...tzParam, name: 'ns2' },
    ],
    result: T.array(T.number),
    category: 'time',
    description: 'Returns the difference between two timestamps as [years, months, days, hours, minutes, seconds].',
    impl: (args) => timeDiff(zonedTime(args[0]), zonedTime(args[1])),
  },
  {
    name: 'time.format',
    params: [
      {
        name: 'x',
        type: T.union(T.number, T.array(T.union(T.number, T.string))),
        description: 'nanoseconds since the epoch, [ns, timezone] or [ns, timezone, layout]',
      },
    ],
    result: T.string,
    category: 'time',
    description: 'Formats a timestamp with a Go layout (RFC 3339 with nanoseconds by default), in UTC or the given time zone.',
    impl: (args) => {
      const z = zonedTime(args[0]);
      return formatTime(z.t, z.zone, z.layout);
    },
  },
];

/** Blocks the calling thread; Atomics.wait where allowed, else a clock loop (browser main thread). */
function sleepMs(ms: number): void {
  if (ms <= 0) return;
  try {
    if (typeof SharedArrayBuffer === 'function') {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
      return;
    }
  } catch {
    // Atomics.wait is refused on some threads; fall back to waiting on the clock.
  }
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy wait
  }
}

/**
 * OPA's test-only `test.sleep(duration)`: not part of the default catalog (policies cannot rely
 * on it in OPA either); test harnesses such as the conformance runner register it explicitly.
 */
export const testSleepBuiltin: BuiltinDecl = {
  name: 'test.sleep',
  params: [{ name: 'duration', type: T.string, description: 'Go duration to sleep for, e.g. "10ms"' }],
  result: T.null,
  category: 'time',
  description: 'Pauses evaluation for a Go duration (test harnesses only).',
  nondeterministic: true,
  impl: (args) => {
    const r = parseDuration(argString(args, 0));
    if (typeof r !== 'bigint') throw builtinError(r.error);
    sleepMs(Number(r / 1_000_000n));
    return null;
  },
};
