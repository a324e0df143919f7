import { formatSource } from './packages/engine/src/syntax/format.ts';
const src = `# header comment

# METADATA
# title: x
package a.b # pkg trailing

# about imports
import data.z # z
import data.y

# METADATA
# title: rule
p := {
  # leading item comment
  "a": 1, # one
  "b": [
    1,
    2, # two
  ],
  # before close
} # after p

q contains x if {
  # first
  some x in input.xs # iterate

  # second block
  x > 1
  # dangling
} # end q

r if input.x == [1,
  2]
s := [x | some x in input.a
  x > 2]
t := f(1,
  2)
f(a, b) := a + b
u if { every x in input.a { x > 1 } }
w := $"hello {input.name}!"
# eof comment
`;
const r = formatSource('a.rego', src);
console.log(r.errors, r.text);
const r2 = formatSource('a.rego', r.text!);
console.log('idempotent:', r2.text === r.text);
