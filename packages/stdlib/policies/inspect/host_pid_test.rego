package palisade.inspect.host_pid_test

import rego.v1

import data.palisade.inspect.host_pid

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_fails if {
	r := host_pid.deny with input as container({"PidMode": "host"})
	r == {{"msg": "container \"web\" shares the host PID namespace", "cause": "host", "path": ["HostConfig", "PidMode"]}}
}

test_passes if {
	count(host_pid.deny) == 0 with input as container({"PidMode": ""})
}

test_missing_field_passes if {
	count(host_pid.deny) == 0 with input as container({})
}

test_image_ignored if {
	count(host_pid.deny) == 0 with input as image({})
}
