# Test-only helper (loaded with tests only): builds Trivy-shape Dockerfile documents from lines,
# so policy tests read like Dockerfiles. One line per instruction, no continuations; it covers
# the shapes the loader emits (flags, exec form, ENV/LABEL triples, ONBUILD, leading ARG stage)
# without reproducing every buildkit quirk.
#   inp := df.dockerfile(["ARG V=1", "FROM alpine:${V} AS base", "RUN apk add curl"])
package palisade.lib.testing.dockerfile

import rego.v1

dockerfile(lines) := {"Stages": array.concat(_leading(lines, cmds, froms), _real(lines, cmds, froms))} if {
	froms := [i | some i, l in lines; _instr(l) == "from"]
	cmds := [command(l, i + 1, _stage_of(froms, i)) | some i, l in lines]
}

_stage_of(froms, i) := max({0} | {k | some k, f in froms; f <= i})

_leading(lines, cmds, froms) := [] if {
	count(froms) > 0
	froms[0] == 0
} else := [{"Name": "", "Commands": [cmds[i] | some i, _ in lines; i < _first(froms, count(lines))]}]

_first(froms, n) := froms[0] if count(froms) > 0 else := n

_real(lines, cmds, froms) := [{"Name": substring(lines[f], 5, -1), "Commands": stage_cmds} |
	some k, f in froms
	stop := _next(froms, k, count(lines))
	stage_cmds := [cmds[i] | some i, _ in lines; i >= f; i < stop]
]

_next(froms, k, n) := froms[k + 1] if k + 1 < count(froms) else := n

_instr(line) := lower(regex.split(`\s+`, trim_space(line))[0])

_rest(line) := r if {
	m := regex.find_all_string_submatch_n(`^\s*\S+\s*(.*)$`, line, 1)[0]
	r := m[1]
}

command(line, n, stage) := object.union(_base(line, n, stage), {"Cmd": "onbuild", "SubCmd": inner.SubCmd, "Value": inner.Value, "JSON": inner.JSON, "Flags": inner.Flags}) if {
	_instr(line) == "onbuild"
	sub := _rest(line)
	inner := _body(sub)
	inner.Cmd != ""
} else := object.union(object.union(_base(line, n, stage), _body(line)), {"SubCmd": ""})

_base(line, n, stage) := {"Original": line, "Stage": stage, "Path": "Dockerfile", "StartLine": n, "EndLine": n, "SubCmd": ""}

_body(line) := {"Cmd": cmd, "SubCmd": regex.split(`\s+`, trim_space(line))[0], "Flags": parsed.flags, "Value": parsed.value, "JSON": parsed.json} if {
	cmd := _instr(line)
	parsed := _parse(cmd, _rest(line))
}

# Leading --flags are split off for every instruction (as buildkit does for those that accept them).
_split_flags(rest) := {"flags": flags, "rest": remaining} if {
	m := regex.find_all_string_submatch_n(`^((?:--\S+\s+)*)(.*)$`, rest, 1)[0]
	flags := [f | some f in regex.split(`\s+`, trim_space(m[1])); f != ""]
	remaining := m[2]
}

_list_cmds := {"from", "expose", "copy", "add", "volume", "arg"}

_string_cmds := {"run", "cmd", "entrypoint", "shell"}

_parse(cmd, rest) := {"flags": f.flags, "value": _json_or_words(f.rest), "json": startswith(f.rest, "[")} if {
	cmd in _list_cmds
	f := _split_flags(rest)
}

_parse(cmd, rest) := {"flags": f.flags, "value": _json_or_string(f.rest), "json": startswith(f.rest, "[")} if {
	cmd in _string_cmds
	f := _split_flags(rest)
}

_parse(cmd, rest) := {"flags": [], "value": _pairs(rest), "json": false} if cmd in {"env", "label"}

_parse("healthcheck", rest) := {"flags": f.flags, "value": v, "json": j} if {
	f := _split_flags(rest)
	[v, j] := _healthcheck(f.rest)
}

_parse(cmd, rest) := {"flags": [], "value": [rest], "json": false} if cmd in {"user", "workdir", "maintainer", "stopsignal", "onbuild"}

_healthcheck(r) := [["NONE"], false] if upper(trim_space(r)) == "NONE"

_healthcheck(r) := [array.concat(["CMD"], json.unmarshal(body)), true] if {
	upper(trim_space(r)) != "NONE"
	body := trim_space(substring(r, 3, -1))
	startswith(body, "[")
}

_healthcheck(r) := [["CMD", body], false] if {
	upper(trim_space(r)) != "NONE"
	body := trim_space(substring(r, 3, -1))
	not startswith(body, "[")
}

_json_or_words(r) := json.unmarshal(r) if startswith(r, "[") else := [w | some w in regex.split(`\s+`, trim_space(r)); w != ""]

_json_or_string(r) := json.unmarshal(r) if startswith(r, "[") else := [r]

_pairs(r) := [r2[0], trim_space(substring(r, count(r2[0]), -1)), ""] if {
	r2 := regex.split(`\s+`, trim_space(r))
	not contains(r2[0], "=")
} else := [x |
	some m in regex.find_all_string_submatch_n(`([^\s=]+)=("[^"]*"|'[^']*'|\S*)`, r, -1)
	some x in [m[1], m[2], "="]
]
