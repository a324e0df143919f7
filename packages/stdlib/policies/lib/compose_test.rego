package palisade.lib.compose_test

import rego.v1

import data.palisade.lib.compose

test_services_skip_non_mappings if {
	svcs := compose.services with input as {"services": {"a": {"image": "x"}, "b": null, "c": "oops"}}
	object.keys(svcs) == {"a"}
	compose.services == {} with input as {}
}

test_label if {
	compose.label("api") == `service "api"`
}

test_finding if {
	svc := {"cap_add": ["SYS_ADMIN"]}
	r := compose.finding("m", "api", ["cap_add"], svc.cap_add)
	r == {"msg": "m", "cause": ["SYS_ADMIN"], "path": ["services", "api", "cap_add"]}
}

test_is_true if {
	compose.is_true(true)
	compose.is_true("True")
	not compose.is_true(false)
	not compose.is_true("no")
	not compose.is_true(null)
}

test_short_volume_syntax if {
	m := compose.volume_mounts({"volumes": ["/var/run/docker.sock:/var/run/docker.sock:ro", "data:/data", "/cache", "./src:/src:rw,rshared", `C:\data:/data`]})
	[x.type | some x in m] == ["bind", "volume", "anonymous", "bind", "bind"]
	m[0].read_only
	not m[1].read_only
	m[2].target == "/cache"
	m[3].propagation == "rshared"
	m[4].source == `C:\data`
	m[4].target == "/data"
}

test_long_volume_syntax if {
	m := compose.volume_mounts({"volumes": [{"type": "bind", "source": "/etc", "target": "/host/etc", "read_only": true, "bind": {"propagation": "shared"}}, {"target": "/x"}]})
	m[0].type == "bind"
	m[0].source == "/etc"
	m[0].read_only
	m[0].propagation == "shared"
	m[1].type == "volume"
	m[1].source == ""
}

test_volume_mounts_without_volumes if {
	compose.volume_mounts({}) == []
}

test_ports if {
	ps := compose.ports({"ports": ["8080:80", "127.0.0.1:8080:8080", "80", 9000, "[::1]:53:53/udp", "1000-1010:1000-1010", "${PORT}:80", "127.0.0.1::80"]})
	[[p.host_ip, p.published, p.target, p.protocol] | some p in ps] == [
		["", "8080", "80", "tcp"],
		["127.0.0.1", "8080", "8080", "tcp"],
		["", "", "80", "tcp"],
		["", "", "9000", "tcp"],
		["::1", "53", "53", "udp"],
		["", "1000-1010", "1000-1010", "tcp"],
		["", "${PORT}", "80", "tcp"],
		["127.0.0.1", "", "80", "tcp"],
	]
	ps[5].low == 1000
	ps[5].high == 1010
	not ps[6].low
}

test_long_ports if {
	ps := compose.ports({"ports": [{"target": 80, "published": 8080, "host_ip": "127.0.0.1"}, {"target": 443, "published": "443", "protocol": "TCP"}]})
	ps[0].published == "8080"
	ps[0].host_ip == "127.0.0.1"
	ps[1].low == 443
	ps[1].protocol == "tcp"
}

test_environment_forms if {
	compose.environment({"environment": {"A": "1", "B": null}}) == [{"key": "A", "name": "A", "value": "1"}, {"key": "B", "name": "B", "value": null}]
	compose.environment({"environment": ["A=1=2", "B"]}) == [{"key": 0, "name": "A", "value": "1=2"}, {"key": 1, "name": "B", "value": null}]
	compose.environment({}) == []
	compose.environment({"environment": null}) == []
}

test_security_opts if {
	opts := compose.security_opts({"security_opt": ["no-new-privileges:true", "seccomp=unconfined", "no-new-privileges"]})
	opts == [{"index": 0, "name": "no-new-privileges", "value": "true"}, {"index": 1, "name": "seccomp", "value": "unconfined"}, {"index": 2, "name": "no-new-privileges", "value": ""}]
}

test_has_no_new_privileges if {
	compose.has_no_new_privileges({"security_opt": ["no-new-privileges:true"]})
	compose.has_no_new_privileges({"security_opt": ["no-new-privileges"]})
	compose.has_no_new_privileges({"security_opt": ["no-new-privileges=true"]})
	not compose.has_no_new_privileges({"security_opt": ["no-new-privileges:false"]})
	not compose.has_no_new_privileges({})
}

test_sysctls_forms if {
	compose.sysctls({"sysctls": {"net.core.somaxconn": 1024}}) == [{"key": "net.core.somaxconn", "name": "net.core.somaxconn", "value": 1024}]
	compose.sysctls({"sysctls": ["kernel.msgmax=65536"]}) == [{"key": 0, "name": "kernel.msgmax", "value": "65536"}]
}

test_several_propagation_options_last_wins if {
	m := compose.volume_mounts({"volumes": ["./a:/a:rshared,rslave", "./b:/b:ro,private,shared"]})
	m[0].propagation == "rslave"
	m[1].propagation == "shared"
}
