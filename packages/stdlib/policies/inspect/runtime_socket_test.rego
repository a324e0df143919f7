package palisade.inspect.runtime_socket_test

import rego.v1

import data.palisade.inspect.runtime_socket

container(host_config) := {
	"Id": "5d1f3b3a8c1e", "Name": "/web", "State": {"Running": true},
	"HostConfig": host_config, "Config": {"Image": "nginx:1.27", "User": "101"},
}

image(cfg) := {"Id": "sha256:a8758716bb6aa4d90071160d", "RepoTags": ["nginx:1.27"], "Config": cfg, "RootFS": {"Type": "layers"}}

test_docker_socket_mount if {
	inp := object.union(container({}), {"Mounts": [{"Type": "bind", "Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock", "RW": false}]})
	r := runtime_socket.deny with input as inp
	r == {{"msg": "container \"web\" mounts the container runtime socket /var/run/docker.sock at /var/run/docker.sock", "cause": inp.Mounts[0], "path": ["Mounts", 0]}}
}

test_binds_only if {
	r := runtime_socket.deny with input as container({"Binds": ["/run/containerd/containerd.sock:/sock"]})
	some x in r
	x.path == ["HostConfig", "Binds", 0]
}

test_reported_once_for_binds_and_mounts if {
	inp := object.union(container({"Binds": ["/var/run/docker.sock:/var/run/docker.sock"]}), {"Mounts": [{"Type": "bind", "Source": "/var/run/docker.sock", "Destination": "/var/run/docker.sock", "RW": true}]})
	count(runtime_socket.deny) == 1 with input as inp
}

test_run_directory if {
	count(runtime_socket.deny) == 1 with input as container({"Binds": ["/var/run:/host-run:ro"]})
}

test_other_mounts_pass if {
	count(runtime_socket.deny) == 0 with input as container({"Binds": ["/srv/data:/data", "docker.sock:/x"]})
	count(runtime_socket.deny) == 0 with input as object.union(container({}), {"Mounts": [{"Type": "volume", "Source": "/var/lib/docker/volumes/docker.sock/_data", "Destination": "/x"}]})
	count(runtime_socket.deny) == 0 with input as container({})
}
