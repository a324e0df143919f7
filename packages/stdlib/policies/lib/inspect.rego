# METADATA
# title: docker inspect helpers
# description: >-
#   Accessors for one object of `docker container inspect` or `docker image inspect` output:
#   container vs image, HostConfig, Config, SecurityOpt entries, host bind mounts (Mounts and
#   HostConfig.Binds merged), port bindings and networks, with defaults for missing fields.
package palisade.lib.inspect

import rego.v1

# Containers carry HostConfig (and State); image objects only Config, RootFS, RepoTags…
is_container if is_object(input.HostConfig)

is_container if is_object(input.State)

is_image if not is_container

host_config := h if {
	h := input.HostConfig
	is_object(h)
} else := {}

config := c if {
	c := input.Config
	is_object(c)
} else := {}

networks := n if {
	n := input.NetworkSettings.Networks
	is_object(n)
} else := {}

# Container name without Docker's leading "/", the first image tag, or the short ID.
name := trim_prefix(input.Name, "/") if {
	is_string(input.Name)
	input.Name != ""
} else := input.RepoTags[0] if {
	is_string(input.RepoTags[0])
} else := substring(trim_prefix(input.Id, "sha256:"), 0, 12) if {
	is_string(input.Id)
} else := "unknown"

# `container "web"` / `image "nginx:1.27"`
describe := sprintf("container \"%s\"", [name]) if is_container else := sprintf("image \"%s\"", [name])

# A finding on the value at a JSON path of the object: the cause is that value (objects are
# located by identity) and the path locates scalars.
result_at(msg, path) := object.union(result.new(msg, object.get(input, path, null)), {"path": path})

# --- SecurityOpt ------------------------------------------------------------------------------

# SecurityOpt entries as {index, key, value}: "no-new-privileges" → value "", "seccomp=unconfined"
# and the legacy "seccomp:unconfined" → value "unconfined".
security_opts contains {"index": i, "key": lower(m[0][1]), "value": m[0][2]} if {
	some i, opt in host_config.SecurityOpt
	is_string(opt)
	m := regex.find_all_string_submatch_n(`^([^=:]+)[=:]?(.*)$`, opt, 1)
	count(m) == 1
}

security_opt(key) := [o | some o in security_opts; o.key == key]

# --- mounts -----------------------------------------------------------------------------------

propagation_modes := {"shared", "rshared", "slave", "rslave", "private", "rprivate"}

# Host paths bind-mounted into the container, from Mounts and from HostConfig.Binds (a bind
# already listed in Mounts is reported once, through Mounts): {source, destination, rw,
# propagation, path}.
host_mounts contains m if {
	some i, mt in input.Mounts
	is_object(mt)
	object.get(mt, "Type", "bind") == "bind"
	is_string(mt.Source)
	m := {
		"source": mt.Source,
		"destination": object.get(mt, "Destination", ""),
		"rw": object.get(mt, "RW", true) != false,
		"propagation": object.get(mt, "Propagation", ""),
		"path": ["Mounts", i],
	}
}

host_mounts contains m if {
	some i, b in host_config.Binds
	bind := parse_bind(b)
	not listed_in_mounts(bind)
	m := object.union(bind, {"path": ["HostConfig", "Binds", i]})
}

# "src:dst[:opts]" with an absolute host path (named volumes are not host paths).
parse_bind(b) := {"source": parts[0], "destination": parts[1], "rw": writable(opts), "propagation": propagation(opts)} if {
	is_string(b)
	parts := split(b, ":")
	count(parts) >= 2
	startswith(parts[0], "/")
	opts := bind_options(parts)
}

bind_options(parts) := split(parts[2], ",") if count(parts) > 2 else := []

writable(opts) := false if "ro" in opts else := true

# The last propagation option wins (one value even when several are listed).
propagation(opts) := ps[count(ps) - 1] if {
	ps := [p | some p in opts; p in propagation_modes]
	count(ps) > 0
} else := ""

listed_in_mounts(bind) if {
	some mt in input.Mounts
	mt.Source == bind.source
	mt.Destination == bind.destination
}

# path equals dir or lies below it ("/" only matches itself).
under(path, dir) if trim_suffix(path, "/") == trim_suffix(dir, "/")

under(path, dir) if {
	dir != "/"
	startswith(path, concat("", [trim_suffix(dir, "/"), "/"]))
}

under(path, "/") if path == "/"

# --- ports ------------------------------------------------------------------------------------

# Published ports: {port ("80/tcp"), index, binding} with binding the input object.
port_bindings contains {"port": port, "index": i, "binding": b} if {
	some port, list in host_config.PortBindings
	some i, b in list
	is_object(b)
}
