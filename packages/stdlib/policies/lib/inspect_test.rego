package palisade.lib.inspect_test

import rego.v1

import data.palisade.lib.inspect

container := {"Id": "abc", "Name": "/web", "State": {"Running": true}, "HostConfig": {"SecurityOpt": ["no-new-privileges", "seccomp:unconfined", "label=disable"], "Binds": ["/etc:/host-etc:ro,rshared", "data:/data", "/var/run/docker.sock:/var/run/docker.sock"]}, "Mounts": [{"Type": "bind", "Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock", "RW": true, "Propagation": "rprivate"}, {"Type": "volume", "Source": "/var/lib/docker/volumes/data/_data", "Destination": "/data"}], "Config": {"User": ""}}

image := {"Id": "sha256:0123456789abcdef0123", "RepoTags": ["nginx:1.27"], "Config": {"User": "nginx"}, "RootFS": {}}

test_container_vs_image if {
	inspect.is_container with input as container
	not inspect.is_image with input as container
	inspect.is_image with input as image
	inspect.describe == "container \"web\"" with input as container
	inspect.describe == "image \"nginx:1.27\"" with input as image
	inspect.name == "0123456789ab" with input as {"Id": "sha256:0123456789abcdef0123", "Config": {}}
}

test_defaults if {
	inspect.host_config == {} with input as image
	inspect.config == {} with input as {"Id": "x", "State": {}}
	inspect.networks == {} with input as image
}

test_security_opts if {
	inspect.security_opts == {
		{"index": 0, "key": "no-new-privileges", "value": ""},
		{"index": 1, "key": "seccomp", "value": "unconfined"},
		{"index": 2, "key": "label", "value": "disable"},
	} with input as container
	inspect.security_opt("seccomp") == [{"index": 1, "key": "seccomp", "value": "unconfined"}] with input as container
	inspect.security_opts == set() with input as image
}

test_host_mounts_merge_binds_and_mounts if {
	ms := inspect.host_mounts with input as container
	ms == {
		{"source": "/var/run/docker.sock", "destination": "/var/run/docker.sock", "rw": true, "propagation": "rprivate", "path": ["Mounts", 0]},
		{"source": "/etc", "destination": "/host-etc", "rw": false, "propagation": "rshared", "path": ["HostConfig", "Binds", 0]},
	}
}

test_under if {
	inspect.under("/etc", "/etc")
	inspect.under("/etc/", "/etc")
	inspect.under("/etc/ssl", "/etc")
	not inspect.under("/etcd", "/etc")
	inspect.under("/", "/")
	not inspect.under("/home", "/")
}

test_result_at if {
	r := inspect.result_at("m", ["HostConfig", "Privileged"]) with input as {"HostConfig": {"Privileged": true}}
	r == {"msg": "m", "cause": true, "path": ["HostConfig", "Privileged"]}
}

test_port_bindings if {
	inp := {"HostConfig": {"PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "80"}], "443/tcp": null}}}
	inspect.port_bindings == {{"port": "80/tcp", "index": 0, "binding": {"HostIp": "", "HostPort": "80"}}} with input as inp
}

test_several_propagation_options_last_wins if {
	c := json.patch(container, [{"op": "replace", "path": "/HostConfig/Binds", "value": ["/etc:/host-etc:ro,rshared,rslave"]}, {"op": "replace", "path": "/Mounts", "value": []}])
	ms := inspect.host_mounts with input as c
	[m.propagation | some m in ms] == ["rslave"]
}
