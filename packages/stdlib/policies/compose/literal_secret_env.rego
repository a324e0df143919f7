# METADATA
# title: Literal secret in service environment
# description: A service's `environment` sets a secret-like variable (password, token, key…) or a known credential format to a literal value, which ends up in the compose file, `docker inspect` and process listings.
# custom:
#   id: DC-029
#   severity: HIGH
#   input: [compose]
#   remediation: Use compose `secrets` (mounted under /run/secrets, with `*_FILE` variables) or interpolate from the environment (`${DB_PASSWORD}`) instead of literals.
#   references:
#     - https://docs.docker.com/compose/how-tos/use-secrets/
#     - https://docs.docker.com/reference/compose-file/services/#environment
#   related: [DS-0031]
#   profiles: [recommended]
package palisade.compose.literal_secret_env

import rego.v1

import data.palisade.lib.compose
import data.palisade.lib.secret_names

deny contains res if {
	some name, svc in compose.services
	some e in compose.environment(svc)
	secret_names.is_secret_name(e.name)
	value := _literal(e.value)
	value != ""
	msg := sprintf("%s sets %s to a literal value in environment", [compose.label(name), e.name])
	res := compose.finding(msg, name, ["environment", e.key], e.value)
}

deny contains res if {
	some name, svc in compose.services
	some e in compose.environment(svc)
	not secret_names.is_secret_name(e.name)
	kind := secret_names.secret_value_kind(_literal(e.value))
	msg := sprintf("%s sets %s to a literal %s", [compose.label(name), e.name, kind])
	res := compose.finding(msg, name, ["environment", e.key], e.value)
}

# Values that come from interpolation (`${VAR}`, `$VAR`) are not literals; `$$` is an escaped dollar.
_literal(v) := s if {
	s := _text(v)
	not regex.match(`(^|[^$])\$(\{|[A-Za-z_])`, s)
}

_text(v) := v if is_string(v)

_text(v) := format_int(v, 10) if is_number(v)
