package palisade.inspect.sensitive_host_mounts_test

import rego.v1

import data.palisade.inspect.sensitive_host_mounts

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_etc_writable if {
	inp := object.union(container({}), {"Mounts": [{"Type": "bind", "Source": "/etc", "Destination": "/host-etc", "RW": true}]})
	r := sensitive_host_mounts.deny with input as inp
	r == {{"msg": "container \"web\" mounts the host path /etc writable at /host-etc", "cause": inp.Mounts[0], "path": ["Mounts", 0]}}
}

test_subdirectory_and_root if {
	count(sensitive_host_mounts.deny) == 1 with input as container({"Binds": ["/usr/local/bin:/b"]})
	count(sensitive_host_mounts.deny) == 1 with input as container({"Binds": ["/:/host"]})
}

test_read_only_passes if {
	count(sensitive_host_mounts.deny) == 0 with input as container({"Binds": ["/etc/ssl/certs:/certs:ro"]})
	count(sensitive_host_mounts.deny) == 0 with input as object.union(container({}), {"Mounts": [{"Type": "bind", "Source": "/etc", "Destination": "/e", "RW": false}]})
}

test_other_paths_pass if {
	count(sensitive_host_mounts.deny) == 0 with input as container({"Binds": ["/srv/app:/app", "/home/u/etcetera:/x", "/dev/log.sock:/dev/log.sock"]})
}

test_configured_paths if {
	count(sensitive_host_mounts.deny) == 1 with input as container({"Binds": ["/srv/app:/app"]}) with data.palisade.config as {"inspect_sensitive_host_paths": ["/srv"]}
}
