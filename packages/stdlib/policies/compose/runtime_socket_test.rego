package palisade.compose.runtime_socket_test

import rego.v1

import data.palisade.compose.runtime_socket as policy

test_docker_socket_denied if {
	some r in policy.deny with input as {"services": {"admin": {"volumes": ["data:/data", "/var/run/docker.sock:/var/run/docker.sock:ro"]}}}
	r.msg == `service "admin" mounts the container runtime socket /var/run/docker.sock`
	r.path == ["services", "admin", "volumes", 1]
}

test_long_syntax_and_other_runtimes_denied if {
	inp := {"services": {"a": {"volumes": [
		{"type": "bind", "source": "/run/containerd/containerd.sock", "target": "/c.sock"},
		"/var/run:/host-run",
		"${XDG_RUNTIME_DIR}/podman/podman.sock:/p.sock",
	]}}}
	count(policy.deny) == 3 with input as inp
}

test_ordinary_mounts_pass if {
	inp := {"services": {"a": {"volumes": ["./app:/app", "logs:/var/run/app", "/var/run/app:/x", "/tmp/docker.sock.bak:/x"]}, "b": {"image": "x:1"}}}
	count(policy.deny) == 0 with input as inp
}
