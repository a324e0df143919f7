# METADATA
# title: TLS certificate verification disabled
# description: The build disables TLS certificate verification (curl -k, wget --no-check-certificate, pip --trusted-host, npm/yarn strict-ssl off, git sslVerify off, yum/dnf sslverify off, or ENV such as NODE_TLS_REJECT_UNAUTHORIZED=0), so downloads can be tampered with.
# custom:
#   id: DF-033
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Keep certificate verification on; install the right CA certificates (e.g. a corporate proxy CA) instead.
#   references:
#     - https://curl.se/docs/sslcerts.html
#     - https://pip.pypa.io/en/stable/topics/https-certificates/
#     - https://docs.npmjs.com/cli/v10/using-npm/config#strict-ssl
#   related: [CKV2_DOCKER_2, CKV2_DOCKER_3, CKV2_DOCKER_4, CKV2_DOCKER_5, CKV2_DOCKER_6, CKV2_DOCKER_12, CKV2_DOCKER_13, CKV2_DOCKER_14, CKV2_DOCKER_15, CKV2_DOCKER_16]
#   profiles: [recommended]
package palisade.dockerfile.tls_verify

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

# How a command turns verification off. Boolean functions keyed by a label, so that several
# matches on one command never conflict. A command is tried only against the checks of its
# program and those for any program (a RUN can hold 100,000 commands).
_checks_by_program := {
	"curl": ["curl -k/--insecure"],
	"wget": ["wget --no-check-certificate"],
	"npm": ["npm/yarn strict-ssl off"], "yarn": ["npm/yarn strict-ssl off"], "pnpm": ["npm/yarn strict-ssl off"],
	"git": ["git http.sslVerify off"],
}

_checks_any_program := ["pip --trusted-host", "yum/dnf sslverify off", "apt Verify-Peer off"]

_insecure("curl -k/--insecure", c) if {
	c.program == "curl"
	some f in ["-k", "--insecure"]
	shell.has_flag(c.args, f)
}

_insecure("wget --no-check-certificate", c) if {
	c.program == "wget"
	shell.has_flag(c.args, "--no-check-certificate")
}

_insecure("pip --trusted-host", c) if {
	pm := shell.package_manager(c)
	pm.manager == "pip"
	shell.has_flag(pm.args, "--trusted-host")
}

_insecure("npm/yarn strict-ssl off", c) if {
	c.program in {"npm", "yarn", "pnpm"}
	regex.match(`(?i)strict-ssl(\s|=)+(false|0)\b`, concat(" ", c.args))
}

_insecure("git http.sslVerify off", c) if {
	c.program == "git"
	regex.match(`(?i)http\.sslverify(\s|=)+(false|0|no)\b`, concat(" ", c.args))
}

_insecure("yum/dnf sslverify off", c) if regex.match(`(?i)sslverify\s*=\s*(false|0|no)\b`, concat(" ", c.argv))

_insecure("apt Verify-Peer off", c) if {
	regex.match(`(?i)Acquire::https?::(\S+::)?Verify-(Peer|Host)\s*=?\s*"?false`, concat(" ", c.args))
}

# The checks for any program all look for a word that the command line then contains (in any
# case): one search over the line decides whether they are tried. Without it a RUN of 100,000
# commands made three check calls and two searches per command.
_any_program_hint := `(?i)sslverify|verify-(peer|host)|--trusted-host`

_checks_of(c) := array.concat(object.get(_checks_by_program, c.program, []), _checks_any_program) if {
	regex.match(_any_program_hint, concat(" ", c.argv))
} else := object.get(_checks_by_program, c.program, [])

deny contains res if {
	some run in docker.runs
	some c in run.commands
	some how in _checks_of(c)
	_insecure(how, c)
	msg := sprintf("%s disables TLS verification (%s)", [docker.stage_label(run.index), how])
	res := result.new(msg, run.cmd)
}

# Leading VAR=value assignments are stripped from commands; look at raw words for them.
deny contains res if {
	some run in docker.runs
	some w in shell.raw_words(docker.run_script(run.cmd))
	contains(w, "=")
	some pair in [split(w, "=")]
	count(pair) == 2
	how := _insecure_env(pair[0], pair[1])
	msg := sprintf("%s disables TLS verification (%s)", [docker.stage_label(run.index), how])
	res := result.new(msg, run.cmd)
}

deny contains res if {
	some cmd in docker.commands_named("env")
	some pair in docker.env_pairs(cmd)
	how := _insecure_env(pair[0], pair[1])
	msg := sprintf("ENV disables TLS verification (%s)", [how])
	res := result.new(msg, cmd)
}

_insecure_env("NODE_TLS_REJECT_UNAUTHORIZED", "0") := "NODE_TLS_REJECT_UNAUTHORIZED=0"

_insecure_env("PYTHONHTTPSVERIFY", "0") := "PYTHONHTTPSVERIFY=0"

_insecure_env("GIT_SSL_NO_VERIFY", v) := "GIT_SSL_NO_VERIFY" if docker.is_truthy(v)

_insecure_env("PIP_TRUSTED_HOST", v) := "PIP_TRUSTED_HOST" if v != ""

_insecure_env(name, v) := concat("=", [name, v]) if {
	upper(name) in {"NPM_CONFIG_STRICT_SSL", "YARN_STRICT_SSL"}
	lower(v) in {"false", "0", "no"}
}
