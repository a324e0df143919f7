package palisade.inspect.port_bind_host_ip_test

import rego.v1

import data.palisade.inspect.port_bind_host_ip

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_all_interfaces if {
	b := {"HostIp": "", "HostPort": "8080"}
	r := port_bind_host_ip.deny with input as container({"PortBindings": {"80/tcp": [b]}})
	r == {{"msg": "container \"web\" publishes 80/tcp on all host interfaces (host port 8080)", "cause": b}}
	count(port_bind_host_ip.deny) == 2 with input as container({"PortBindings": {"80/tcp": [{"HostIp": "0.0.0.0", "HostPort": "80"}, {"HostIp": "::", "HostPort": "80"}]}})
}

test_specific_address if {
	count(port_bind_host_ip.deny) == 0 with input as container({"PortBindings": {"80/tcp": [{"HostIp": "127.0.0.1", "HostPort": "8080"}]}})
	count(port_bind_host_ip.deny) == 0 with input as container({"PortBindings": {}})
	count(port_bind_host_ip.deny) == 0 with input as container({"PortBindings": null})
}
