package palisade.kubernetes.host_ports_test

import rego.v1

import data.palisade.kubernetes.host_ports as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [c]}}

test_host_port_denied if {
	some r in check.deny with input as pod({"name": "a", "ports": [{"containerPort": 80, "hostPort": 8080}]})
	r.msg == `Pod "p": container "a" binds host port 8080`
	r.cause == {"containerPort": 80, "hostPort": 8080}
}

test_zero_or_missing_allowed if {
	count(check.deny) == 0 with input as pod({"name": "a", "ports": [{"containerPort": 80, "hostPort": 0}]})
	count(check.deny) == 0 with input as pod({"name": "a", "ports": [{"containerPort": 80}]})
	count(check.deny) == 0 with input as pod({"name": "a", "ports": null})
	count(check.deny) == 0 with input as pod({"name": "a"})
}

test_allowlist if {
	count(check.deny) == 0 with input as pod({"name": "a", "ports": [{"hostPort": 443}]})
		with data.palisade.config as {"allowed_host_ports": [443]}
	count(check.deny) == 1 with input as pod({"name": "a", "ports": [{"hostPort": 443}, {"hostPort": 80}]})
		with data.palisade.config as {"allowed_host_ports": [443]}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [], "initContainers": [{"name": "i", "ports": [{"hostPort": 9}]}]}}
	some r in check.deny with input as p
	r.msg == `Pod "p": init container "i" binds host port 9`
}
