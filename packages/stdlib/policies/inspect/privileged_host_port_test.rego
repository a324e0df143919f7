package palisade.inspect.privileged_host_port_test

import rego.v1

import data.palisade.inspect.privileged_host_port

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_port_80 if {
	b := {"HostIp": "127.0.0.1", "HostPort": "80"}
	r := privileged_host_port.deny with input as container({"PortBindings": {"80/tcp": [b]}})
	r == {{"msg": "container \"web\" publishes 80/tcp on the privileged host port 80", "cause": b}}
	count(privileged_host_port.deny) == 1 with input as container({"PortBindings": {"53/udp": [{"HostPort": "53-54"}]}})
}

test_high_or_random_port if {
	count(privileged_host_port.deny) == 0 with input as container({"PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": "8080"}]}})
	count(privileged_host_port.deny) == 0 with input as container({"PortBindings": {"80/tcp": [{"HostIp": "", "HostPort": ""}]}})
	count(privileged_host_port.deny) == 0 with input as container({"PortBindings": {"80/tcp": [{"HostIp": ""}]}})
}
