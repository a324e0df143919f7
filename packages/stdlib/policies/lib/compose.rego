# METADATA
# title: docker compose helpers
# description: |
#   Views over a compose document (the file after anchors and merge keys, see docs/inputs.md).
#
#   API:
#   - services[name]: every service whose definition is a mapping.
#   - label(name): `service "name"` for messages.
#   - finding(msg, name, path, value): a result for value at ["services", name, …path]. The value is the
#       cause (located by identity when it is a mapping or list); the path locates scalars.
#   - is_true(v): true, or the strings "true"/"yes"/"1" (any case).
#   - volume_mounts(svc) → [{index, raw, type, source, target, read_only, options, propagation}] for short
#       (`src:dst:opts`) and long syntax; type is bind (source is a path), volume (named) or
#       anonymous (target only), or the long syntax `type`.
#   - ports(svc) → [{index, raw, host_ip, published, target, protocol, low, high}]: short syntax
#       (`[ip:]host:container[/proto]`, `[::1]:80:80`, bare numbers) and long syntax; published is ""
#       when only the container port is given (Docker picks a random host port on all interfaces);
#       low/high bound the published range (undefined when not published or not numeric).
#   - environment(svc) → [{key, name, value}] for the mapping and list forms; key is the
#       mapping key or list index (for paths); value is null for `NAME` without `=`.
#   - security_opts(svc) → [{index, name, value}] with `name:value` and `name=value` split (value "" when bare).
#   - has_no_new_privileges(svc): security_opt enables no-new-privileges.
#   - sysctls(svc) → [{key, name, value}] for the mapping and list forms.
package palisade.lib.compose

import rego.v1

services[name] := svc if {
	some name, svc in input.services
	is_object(svc)
}

label(name) := sprintf("service %q", [name])

finding(msg, name, path, value) := object.union(result.new(msg, value), {"path": array.concat(["services", name], path)})

is_true(true) := true

is_true(v) if {
	is_string(v)
	lower(v) in {"true", "yes", "1"}
}

# --- volumes ------------------------------------------------------------------------------------

volume_mounts(svc) := [m | some i, v in object.get(svc, "volumes", []); m := _mount(i, v)]

_mount(i, v) := object.union(_short_mount(v), {"index": i, "raw": v}) if is_string(v)

_mount(i, v) := {
	"index": i,
	"raw": v,
	"type": object.get(v, "type", "volume"),
	"source": _string_or_empty(object.get(v, "source", "")),
	"target": _string_or_empty(object.get(v, "target", "")),
	"read_only": _bool(object.get(v, "read_only", false)),
	"options": [],
	"propagation": _string_or_empty(object.get(object.get(v, "bind", {}), "propagation", "")),
} if is_object(v)

_string_or_empty(v) := v if is_string(v) else := ""

_short_mount(v) := {
	"type": _short_type(parts),
	"source": _short_source(parts),
	"target": _short_target(parts),
	"read_only": "ro" in opts,
	"options": opts,
	"propagation": _propagation(opts),
} if {
	parts := _split_mount(v)
	opts := _short_options(parts)
}

# A Windows drive letter ("C:\\data:/data") is part of the source.
_split_mount(v) := array.concat([concat(":", [p[0], p[1]])], array.slice(p, 2, count(p))) if {
	p := split(v, ":")
	count(p) > 1
	regex.match(`^[A-Za-z]$`, p[0])
	regex.match(`^[\\/]`, p[1])
} else := split(v, ":")

_short_type(parts) := "anonymous" if count(parts) == 1

_short_type(parts) := "bind" if {
	count(parts) > 1
	regex.match(`^([./~]|[A-Za-z]:[\\/]|\$)`, parts[0])
}

_short_type(parts) := "volume" if {
	count(parts) > 1
	not regex.match(`^([./~]|[A-Za-z]:[\\/]|\$)`, parts[0])
}

_short_source(parts) := "" if count(parts) == 1 else := parts[0]

_short_target(parts) := parts[0] if count(parts) == 1 else := parts[1]

_short_options(parts) := split(parts[2], ",") if count(parts) > 2 else := []

# The last propagation option wins (one value even when several are listed).
_propagation(opts) := ps[count(ps) - 1] if {
	ps := [p | some p in opts; p in {"shared", "rshared", "slave", "rslave", "private", "rprivate"}]
	count(ps) > 0
} else := ""

# --- ports --------------------------------------------------------------------------------------

ports(svc) := [p | some i, v in object.get(svc, "ports", []); p := object.union(_port(v), {"index": i, "raw": v})]

_port(v) := _with_range({"host_ip": "", "published": "", "target": format_int(v, 10), "protocol": "tcp"}) if is_number(v)

_port(v) := _with_range(_short_port(v)) if is_string(v)

_port(v) := _with_range({
	"host_ip": _string_or_empty(object.get(v, "host_ip", "")),
	"published": _published(object.get(v, "published", "")),
	"target": _published(object.get(v, "target", "")),
	"protocol": lower(object.get(v, "protocol", "tcp")),
}) if is_object(v)

_published(v) := format_int(v, 10) if is_number(v) else := v if is_string(v) else := ""

_short_port(v) := {"host_ip": m[1], "published": m[2], "target": m[3], "protocol": _proto(m[4])} if {
	m := regex.find_all_string_submatch_n(`^(?:\[?([0-9a-fA-F:.]*?)\]?:)??(?:([0-9${}A-Za-z_:-]*?):)?([0-9${}A-Za-z_-]+)(?:/([a-z]+))?$`, v, 1)[0]
}

_proto("") := "tcp"

_proto(p) := p if p != ""

_with_range(p) := object.union(p, {"low": to_number(p.published), "high": to_number(p.published)}) if {
	regex.match(`^[0-9]+$`, p.published)
} else := object.union(p, {"low": to_number(m[1]), "high": to_number(m[2])}) if {
	m := regex.find_all_string_submatch_n(`^([0-9]+)-([0-9]+)$`, p.published, 1)[0]
} else := p

# --- environment, security_opt, sysctls ----------------------------------------------------------

environment(svc) := [{"key": k, "name": k, "value": v} | some k, v in svc.environment] if is_object(svc.environment)

environment(svc) := [_list_entry(i, e) | some i, e in svc.environment] if is_array(svc.environment)

environment(svc) := [] if not svc.environment

environment(svc) := [] if svc.environment == null

_list_entry(i, e) := {"key": i, "name": substring(e, 0, j), "value": substring(e, j + 1, -1)} if {
	j := indexof(e, "=")
	j >= 0
} else := {"key": i, "name": e, "value": null}

security_opts(svc) := [_opt(i, o) | some i, o in object.get(svc, "security_opt", []); is_string(o)]

_opt(i, o) := {"index": i, "name": m[1], "value": m[2]} if {
	m := regex.find_all_string_submatch_n(`^([^:=]+)[:=](.*)$`, o, 1)[0]
} else := {"index": i, "name": o, "value": ""}

has_no_new_privileges(svc) if {
	some o in security_opts(svc)
	o.name == "no-new-privileges"
	lower(o.value) in {"", "true"}
}

sysctls(svc) := [{"key": k, "name": k, "value": v} | some k, v in svc.sysctls] if is_object(svc.sysctls)

sysctls(svc) := [_list_entry(i, e) | some i, e in svc.sysctls] if is_array(svc.sysctls)

_bool(v) := true if is_true(v) else := false
