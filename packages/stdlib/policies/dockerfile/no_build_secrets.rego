# METADATA
# title: Secret baked into the image
# description: |
#   Build arguments and ENV variables with secret-like names or values (passwords, tokens, keys) and
#   COPY/ADD of secret files (.env, private keys, .npmrc…) end up in the image layers and history.
#   Copying the whole build context without a `.dockerignore` that excludes such files is reported as a
#   MEDIUM warning: a risk, not an observed secret (the other findings of this check are CRITICAL).
# custom:
#   id: DF-032
#   severity: CRITICAL
#   input: [dockerfile]
#   remediation: Pass secrets with `RUN --mount=type=secret` (BuildKit) or at runtime, never through ARG/ENV/COPY; exclude secret files in `.dockerignore`.
#   references:
#     - https://docs.docker.com/build/building/secrets/
#     - https://docs.docker.com/build/concepts/context/#dockerignore-files
#     - https://avd.aquasec.com/misconfig/ds031
#     - https://www.cisecurity.org/benchmark/docker
#   related: [DS-0031, DL3064, CIS-4.10, CIS-DI-0010]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.no_build_secrets

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.secret_names

# --- names and values ---------------------------------------------------------------------------

_arg_pairs(cmd) := [[name, value] |
	some a in cmd.Value
	parts := split(a, "=")
	name := parts[0]
	value := docker.unquote(concat("=", array.slice(parts, 1, count(parts))))
]

deny contains res if {
	some cmd in docker.commands_named("arg")
	some pair in _arg_pairs(cmd)
	secret_names.is_secret_name(pair[0])
	msg := sprintf("ARG %s looks like a secret; build arguments are stored in the image history", [pair[0]])
	res := result.new(msg, cmd)
}

deny contains res if {
	some cmd in docker.commands_named("env")
	some pair in docker.env_pairs(cmd)
	secret_names.is_secret_name(pair[0])
	pair[1] != ""
	msg := sprintf("ENV %s looks like a secret and is baked into the image", [pair[0]])
	res := result.new(msg, cmd)
}

deny contains res if {
	some cmd in array.concat(docker.commands_named("env"), docker.commands_named("arg"))
	some pair in _pairs(cmd)
	not secret_names.is_secret_name(pair[0])
	kind := secret_names.secret_value_kind(pair[1])
	msg := sprintf("%s %s holds a literal %s", [upper(cmd.Cmd), pair[0], kind])
	res := result.new(msg, cmd)
}

_pairs(cmd) := docker.env_pairs(cmd) if cmd.Cmd == "env"

_pairs(cmd) := _arg_pairs(cmd) if cmd.Cmd == "arg"

# --- secret files -------------------------------------------------------------------------------

_secret_file_patterns := [
	`(^|/)\.env(\.[^/]+)?$`,
	`(^|/)id_(rsa|dsa|ecdsa|ed25519)$`,
	`\.(pem|key|p12|pfx|jks|keystore|kdbx|tfstate)$`,
	`(^|/)\.(npmrc|netrc|pypirc|git-credentials|pgpass|htpasswd)$`,
	`(^|/)\.(ssh|aws|gnupg)(/|$)`,
	`(^|/)\.docker/config\.json$`,
	`(^|/)\.kube/config$`,
	`(^|/)credentials(\.json)?$`,
]

# Example files are templates, not secrets.
_example_file := `(?i)\.(example|sample|template|dist|defaults)$`

_secret_file(src) if {
	some pattern in _secret_file_patterns
	regex.match(pattern, src)
	not regex.match(_example_file, src)
}

deny contains res if {
	some i, stage in docker.stages
	some cmd in stage.Commands
	cmd.Cmd in {"copy", "add"}
	count(cmd.Value) >= 2
	some src in array.slice(cmd.Value, 0, count(cmd.Value) - 1)
	_secret_file(trim_right(src, "/"))
	msg := sprintf("%s %s copies secret file %q into the image", [docker.stage_label(i), upper(cmd.Cmd), src])
	res := result.new(msg, cmd)
}

# --- whole build context and .dockerignore --------------------------------------------------------

_context_roots := {".", "./", "*", "./*", "/"}

_whole_context_copies := [[i, cmd] |
	some i in docker.final_chain
	some cmd in docker.stages[i].Commands
	cmd.Cmd in {"copy", "add"}
	not docker.flag_value(cmd, "from")
	count(cmd.Value) >= 2
	some src in array.slice(cmd.Value, 0, count(cmd.Value) - 1)
	src in _context_roots
]

_dir(path) := regex.replace(replace(path, "\\", "/"), `[^/]*$`, "")

_base(path) := regex.replace(replace(path, "\\", "/"), `^.*/`, "")

# The scan's .dockerignore files by directory: it reads only the inventory, so it is computed once
# per scan; filtering the inventory per Dockerfile instead made a scan quadratic in its files.
_ignores_in[dir] contains d if {
	some d in data.palisade.inventory
	d.kind == "dockerignore"
	dir := _dir(d.path)
}

# Which one applies does not depend on their order (see _dockerignore and _stem_matches).
_ignore_docs := object.get(_ignores_in, _dir(data.palisade.document.path), set())

# BuildKit reads <Dockerfile name>.dockerignore first, then .dockerignore; a `<x>.dockerignore`
# next to `Dockerfile.<x>` is accepted as well.
_dockerignore := d if {
	some d in _ignore_docs
	_base(d.path) == concat("", [_base(data.palisade.document.path), ".dockerignore"])
} else := d if {
	some d in _ignore_docs
	_base(d.path) == ".dockerignore"
} else := _stem_matches[0] if {
	count(_stem_matches) > 0
}

# `<x>.dockerignore` files whose stem is a part of the Dockerfile's name, by path: a name with
# several parts (Dockerfile.dev.arm) can match more than one, and the rule must pick one.
_stem_matches := [d |
	some path in sort([p |
		some x in _ignore_docs
		stem := trim_suffix(_base(x.path), ".dockerignore")
		stem != ""
		stem in split(_base(data.palisade.document.path), ".")
		p := x.path
	])
	some d in _ignore_docs
	d.path == path
]

# A context copied without an ignore file is a risk, not an observed secret: MEDIUM, where a
# secret actually written into ARG/ENV or a secret file copied by name stays CRITICAL
# (docs/precision.md, "Decisions").
_context_severity := "MEDIUM"

warn contains res if {
	data.palisade.document.path
	not _dockerignore
	some pair in _whole_context_copies
	msg := sprintf("%s copies the whole build context but no .dockerignore was found next to %s", [docker.stage_label(pair[0]), data.palisade.document.path])
	res := object.union(result.new(msg, pair[1]), {"severity": _context_severity})
}

warn contains res if {
	ignore := _dockerignore
	missing := sort([p | some p, excluded in ignore.value.excluded; excluded == false])
	count(missing) > 0
	some pair in _whole_context_copies
	msg := sprintf("%s copies the whole build context and %s does not exclude %s", [docker.stage_label(pair[0]), ignore.path, concat(", ", missing)])
	res := object.union(result.new(msg, pair[1]), {"severity": _context_severity})
}
