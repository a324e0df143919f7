package palisade.inspect.host_network_test

import rego.v1

import data.palisade.inspect.host_network

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_fails if {
	r := host_network.deny with input as container({"NetworkMode": "host"})
	r == {{"msg": "container \"web\" shares the host network namespace", "cause": "host", "path": ["HostConfig", "NetworkMode"]}}
}

test_passes if {
	count(host_network.deny) == 0 with input as container({"NetworkMode": "app-net"})
}

test_missing_field_passes if {
	count(host_network.deny) == 0 with input as container({})
}

test_image_ignored if {
	count(host_network.deny) == 0 with input as image({})
}
