package palisade.compose.hostpath_sensitive_test

import rego.v1

import data.palisade.compose.hostpath_sensitive as policy

test_host_root_denied if {
	some r in policy.deny with input as {"services": {"admin": {"volumes": ["/:/host:rw"]}}}
	r.msg == `service "admin" mounts host path / read-write`
	r.path == ["services", "admin", "volumes", 0]
}

test_sensitive_dirs_denied_even_read_only if {
	inp := {"services": {"a": {"volumes": ["/etc:/host/etc:ro", "/proc/:/host/proc", {"type": "bind", "source": "/sys", "target": "/s", "read_only": true}]}}}
	res := policy.deny with input as inp
	count(res) == 3
	some r in res
	r.msg == `service "a" mounts host path /etc (read-only)`
}

test_rw_subpath_denied if {
	count(policy.deny) == 1 with input as {"services": {"a": {"volumes": ["/etc/nginx:/etc/nginx"]}}}
}

test_ro_subpaths_and_app_dirs_pass if {
	inp := {"services": {"a": {"volumes": ["/etc/localtime:/etc/localtime:ro", "./conf:/etc/app", "/srv/data:/data", "etc:/etc/x", "/usrdata:/d"]}}}
	count(policy.deny) == 0 with input as inp
}
