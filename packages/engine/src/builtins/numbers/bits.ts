/** Bitwise builtins on arbitrary-size integers (two's complement semantics for negatives, as Go's big.Int). */
import { builtinError, typeErrorText, type BuiltinDecl } from '../define.js';
import { bigIntOperand } from '../int-args.js';
import { T } from '../signature.js';
import { normNumber } from '../../value/number.js';

/** Shifting further would build integers of millions of digits; OPA would run out of memory first. */
const MAX_SHIFT = 1n << 24n;

function binary(name: string, description: string, op: (a: bigint, b: bigint) => bigint): BuiltinDecl {
  return {
    name,
    params: [
      { name: 'x', type: T.number, description: 'the first integer' },
      { name: 'y', type: T.number, description: 'the second integer' },
    ],
    result: T.number,
    category: 'bits',
    description,
    impl(args) {
      return normNumber(op(bigIntOperand(args, 0), bigIntOperand(args, 1)));
    },
  };
}

function shiftAmount(s: bigint): bigint {
  if (s < 0n) throw typeErrorText('operand 2 must be an unsigned integer number but got a negative integer');
  if (s > MAX_SHIFT) throw builtinError('shift amount too large');
  return s;
}

export const bitsBuiltins: BuiltinDecl[] = [
  binary('bits.or', 'Returns the bitwise OR of two integers.', (a, b) => a | b),
  binary('bits.and', 'Returns the bitwise AND of two integers.', (a, b) => a & b),
  binary('bits.xor', 'Returns the bitwise exclusive OR of two integers.', (a, b) => a ^ b),
  binary('bits.lsh', 'Shifts an integer left by a number of bits.', (a, s) => a << shiftAmount(s)),
  binary('bits.rsh', 'Shifts an integer right by a number of bits, rounding toward negative infinity.', (a, s) => {
    if (s < 0n) throw typeErrorText('operand 2 must be an unsigned integer number but got a negative integer');
    return s > MAX_SHIFT ? (a < 0n ? -1n : 0n) : a >> s;
  }),
  {
    name: 'bits.negate',
    params: [{ name: 'x', type: T.number, description: 'the integer' }],
    result: T.number,
    category: 'bits',
    description: 'Returns the bitwise complement of an integer (-x - 1).',
    impl(args) {
      return normNumber(~bigIntOperand(args, 0));
    },
  },
];
