package palisade.kubernetes.runtime_socket_test

import rego.v1

import data.palisade.kubernetes.runtime_socket as check

pod(path) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"volumes": [{"name": "s", "hostPath": {"path": path, "type": "Socket"}}]}}

test_sockets_denied if {
	some r in check.deny with input as pod("/var/run/docker.sock")
	r.msg == `Pod "p" exposes the container runtime socket /var/run/docker.sock through hostPath /var/run/docker.sock (volume "s")`
	count(check.deny) == 1 with input as pod("/run/containerd/containerd.sock")
	count(check.deny) == 1 with input as pod("/var/run/crio/crio.sock")
}

test_parent_directory_denied if {
	count(check.deny) == 1 with input as pod("/var/run")
	some r in check.deny with input as pod("/run/containerd/")
	r.msg == `Pod "p" exposes the container runtime socket /run/containerd/containerd.sock through hostPath /run/containerd/ (volume "s")`
	count(check.deny) == 1 with input as pod("/")
}

test_unrelated_allowed if {
	count(check.deny) == 0 with input as pod("/var/log")
	count(check.deny) == 0 with input as pod("/var/run/app.sock")
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"volumes": [{"name": "x", "emptyDir": {}}]}}
}

test_example_deployment_denied if {
	d := {"kind": "Deployment", "metadata": {"name": "legacy-web"}, "spec": {"template": {"spec": {"volumes": [{"name": "docker-sock", "hostPath": {"path": "/var/run/docker.sock"}}]}}}}
	count(check.deny) == 1 with input as d
}
