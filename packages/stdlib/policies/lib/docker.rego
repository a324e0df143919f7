# METADATA
# title: Dockerfile helpers
# description: |
#   Views over a Dockerfile document in Trivy shape (`input.Stages[].Commands[]`, see docs/inputs.md).
#
#   API:
#   - stages: the build stages (entries of input.Stages that start with FROM), in order; index i here
#       equals the commands' `Stage` field. global_commands: instructions before the first FROM.
#   - build_args: global ARG defaults (`ARG NAME=value` before the first FROM, last one wins), overridden
#       by config `dockerfile_build_args` (an object NAME → value).
#   - substitute(s, vars) → {value, resolved}: Dockerfile variable expansion of `$X`, `${X}`,
#       `${X:-w}`, `${X-w}`, `${X:+w}`, `${X+w}`; resolved is false when a variable without fallback is unset.
#   - stage_infos[i] → {index, stage, from, alias, image_raw, image, resolved, platform}: alias is the
#       lower-cased `AS` name or null; image is the FROM image after substitution of build_args;
#       platform is the `--platform` flag value or null.
#   - base_stage(i): index of the earlier stage that stage i builds FROM (by alias), undefined otherwise.
#   - is_scratch(i), external_images: [{index, from, image, ref}] — FROM images that are neither scratch,
#       an earlier stage, nor unresolved; ref is images.parse(image).
#   - final_index, final_stage; chain(i): stage indices stage i inherits from (itself included), ascending.
#   - final_commands: the instructions that shape the final image (final stage and the stages it is built FROM).
#   - commands(stage, cmd) / all_commands / commands_named(cmd): instructions by lower-case name.
#   - final_user: the last USER command of the final image; user_name(cmd): its user part; is_root_user(u).
#   - stage_label(i): `stage "alias"` or `stage N (image)` for messages.
#   - exposed_ports: [{cmd, stage, raw, port, low, high, protocol}] (low/high absent when not numeric).
#   - run_script(cmd): RUN text to hand to palisade.lib.shell (exec form joined; `sh -c X` → X).
#   - run_commands(cmd): shell.commands(run_script(cmd)). runs: [{index, cmd, commands}] for every RUN.
#   - cache_mount_targets(cmd): set of targets of `RUN --mount=type=cache,target=…` flags.
#   - is_truthy(v): an ENV value that a tool reads as "on" (not "", 0, false, no, off).
#   - env_before(cmds, cmd): [[key, value]] of ENV pairs among cmds that come before cmd (by line).
#   - flag_value(cmd, name): value of `--name=value` in cmd.Flags; env_pairs(cmd): [[key, value]] of ENV/LABEL.
#   - unquote(s): strips one pair of surrounding quotes.
package palisade.lib.docker

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.images
import data.palisade.lib.shell

stages := [s | some s in input.Stages; s.Commands[0].Cmd == "from"]

global_commands := [c |
	some s in input.Stages
	not _is_stage(s)
	some c in s.Commands
]

_is_stage(s) if s.Commands[0].Cmd == "from"

all_commands := [c | some s in input.Stages; some c in s.Commands]

commands(stage, name) := [c | some c in stage.Commands; c.Cmd == name]

commands_named(name) := [c | some c in all_commands; c.Cmd == name]

unquote(s) := substring(s, 1, count(s) - 2) if {
	count(s) >= 2
	first := substring(s, 0, 1)
	first in {`"`, "'"}
	endswith(s, first)
} else := s

# --- ARG substitution ----------------------------------------------------------------------------

_global_arg_pairs := [[name, value] |
	some c in global_commands
	c.Cmd == "arg"
	some a in c.Value
	i := indexof(a, "=")
	i > 0
	name := substring(a, 0, i)
	value := unquote(substring(a, i + 1, -1))
]

_global_arg_defaults[name] := value if {
	some p in _global_arg_pairs
	name := p[0]
	values := [v | some q in _global_arg_pairs; q[0] == name; v := q[1]]
	value := values[count(values) - 1]
}

build_args := object.union(_global_arg_defaults, config.get("dockerfile_build_args", {}))

_var_re := `\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)`

substitute(s, vars) := {"value": concat("", pieces), "resolved": count(unresolved) == 0} if {
	matches := regex.find_all_string_submatch_n(_var_re, s, -1)
	parts := regex.split(_var_re, s)
	pieces := [piece |
		some i, part in parts
		piece := concat("", [part, _expansion(matches, i, vars)])
	]
	unresolved := [m | some m in matches; not _var_value(m, vars)]
}

_expansion(matches, i, vars) := v if {
	v := _var_value(matches[i], vars)
} else := ""

_var_name(m) := m[1] if m[1] != ""

_var_name(m) := m[4] if m[1] == ""

_var_value(m, vars) := vars[_var_name(m)] if m[2] == ""

_var_value(m, vars) := v if {
	m[2] == ":-"
	v := _nonempty_or(vars, _var_name(m), m[3])
}

_var_value(m, vars) := v if {
	m[2] == "-"
	v := object.get(vars, _var_name(m), m[3])
}

_var_value(m, vars) := v if {
	m[2] == ":+"
	v := _alt_if_nonempty(vars, _var_name(m), m[3])
}

_var_value(m, vars) := v if {
	m[2] == "+"
	v := _alt_if_set(vars, _var_name(m), m[3])
}

_nonempty_or(vars, name, word) := vars[name] if vars[name] != "" else := word

_alt_if_nonempty(vars, name, word) := word if vars[name] != "" else := ""

_alt_if_set(vars, name, word) := word if {
	_ := vars[name]
} else := ""

# --- stages -------------------------------------------------------------------------------------

stage_infos := [info |
	some i, s in stages
	from := s.Commands[0]
	raw := from.Value[0]
	sub := substitute(raw, build_args)
	info := {
		"index": i,
		"stage": s,
		"from": from,
		"alias": _alias(from),
		"image_raw": raw,
		"image": sub.value,
		"resolved": sub.resolved,
		"platform": _platform(from),
	}
]

_alias(from) := lower(from.Value[2]) if {
	count(from.Value) == 3
	lower(from.Value[1]) == "as"
} else := null

_platform(from) := v if v := flag_value(from, "platform") else := null

flag_value(cmd, name) := v if {
	prefix := concat("", ["--", name, "="])
	values := [substring(f, count(prefix), -1) | some f in cmd.Flags; startswith(f, prefix)]
	count(values) > 0
	v := values[count(values) - 1]
}

base_stage(i) := j if {
	info := stage_infos[i]
	info.resolved
	candidates := {k | some k, other in stage_infos; k < i; other.alias == lower(info.image)}
	count(candidates) > 0
	j := max(candidates)
}

is_scratch(i) if lower(stage_infos[i].image) == "scratch"

external_images := [{"index": i, "from": info.from, "image": info.image, "ref": images.parse(info.image)} |
	some i, info in stage_infos
	info.resolved
	not is_scratch(i)
	not base_stage(i)
	info.image != ""
]

stage_label(i) := sprintf("stage %q", [stage_infos[i].alias]) if {
	stage_infos[i].alias != null
} else := sprintf("stage %d (%s)", [i, stage_infos[i].image_raw])

final_index := count(stages) - 1

final_stage := stages[final_index]

_parents := {i: [j | j := base_stage(i)] | some i, _ in stage_infos}

chain(i) := sort(graph.reachable(_parents, {i}))

final_chain := chain(final_index) if final_index >= 0

final_commands := [c | some i in final_chain; some c in stages[i].Commands]

# --- users ----------------------------------------------------------------------------------------

final_user := users[count(users) - 1] if {
	users := [c | some c in final_commands; c.Cmd == "user"]
	count(users) > 0
}

user_name(cmd) := split(cmd.Value[0], ":")[0]

is_root_user(u) if u in {"root", "0"}

# --- ports ----------------------------------------------------------------------------------------

exposed_ports := [_port(i, c, raw) |
	some i, s in stages
	some c in s.Commands
	c.Cmd == "expose"
	some raw in c.Value
]

_port(i, c, raw) := object.union(base, _range(base.port)) if {
	parts := split(raw, "/")
	base := {
		"cmd": c, "stage": i, "raw": raw, "port": parts[0],
		"protocol": _protocol(parts),
	}
}

_protocol(parts) := lower(parts[1]) if count(parts) > 1 else := "tcp"

_range(p) := {"low": to_number(p), "high": to_number(p)} if regex.match(`^[0-9]+$`, p)

_range(p) := {"low": to_number(m[1]), "high": to_number(m[2])} if {
	m := regex.find_all_string_submatch_n(`^([0-9]+)-([0-9]+)$`, p, 1)[0]
}

_range(p) := {} if not regex.match(`^[0-9]+(-[0-9]+)?$`, p)

# --- RUN --------------------------------------------------------------------------------------------

run_script(cmd) := cmd.Value[0] if not cmd.JSON

run_script(cmd) := cmd.Value[2] if {
	cmd.JSON
	_exec_shell(cmd)
}

run_script(cmd) := concat(" ", cmd.Value) if {
	cmd.JSON
	not _exec_shell(cmd)
}

_exec_shell(cmd) if {
	shell.basename(cmd.Value[0]) in shell.shells
	cmd.Value[1] == "-c"
	count(cmd.Value) >= 3
}

run_commands(cmd) := shell.commands(run_script(cmd))

runs := [{"index": i, "cmd": c, "commands": run_commands(c)} |
	some i, s in stages
	some c in s.Commands
	c.Cmd == "run"
]

# ENV and LABEL values are flat [key, value, sep] triples.
env_pairs(cmd) := [[cmd.Value[k], unquote(cmd.Value[k + 1])] |
	some k in numbers.range(0, count(cmd.Value) - 1)
	k % 3 == 0
	k + 1 < count(cmd.Value)
]

cache_mount_targets(cmd) := {t |
	some f in cmd.Flags
	startswith(f, "--mount=")
	spec := trim(substring(f, 8, -1), `"'`)
	contains(spec, "type=cache")
	some kv in split(spec, ",")
	[k, t] := split(kv, "=")
	k in {"target", "dst", "destination"}
}

is_truthy(v) if not lower(v) in {"", "0", "false", "no", "off"}

env_before(cmds, cmd) := [p |
	some c in cmds
	c.Cmd == "env"
	c.StartLine < cmd.StartLine
	some p in env_pairs(c)
]
