package palisade.kubernetes.probe_host_test

import rego.v1

import data.palisade.kubernetes.probe_host as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [object.union({"name": "a"}, c)]}}

test_probe_host_denied if {
	some r in check.deny with input as pod({"livenessProbe": {"httpGet": {"host": "169.254.169.254", "path": "/", "port": 80}}})
	r.msg == `Pod "p": container "a": livenessProbe.httpGet targets host 169.254.169.254`
	r.cause.host == "169.254.169.254"
	count(check.deny) == 1 with input as pod({"readinessProbe": {"tcpSocket": {"host": "db", "port": 5432}}})
}

test_lifecycle_host_denied if {
	some r in check.deny with input as pod({"lifecycle": {"preStop": {"httpGet": {"host": "10.0.0.1", "port": 80}}}})
	r.msg == `Pod "p": container "a": lifecycle.preStop.httpGet targets host 10.0.0.1`
}

test_no_host_allowed if {
	count(check.deny) == 0 with input as pod({"livenessProbe": {"httpGet": {"path": "/", "port": 80}}, "startupProbe": {"tcpSocket": {"host": "", "port": 80}}})
	count(check.deny) == 0 with input as pod({"livenessProbe": null, "lifecycle": null})
}

test_version_gate if {
	count(check.deny) == 0 with input as pod({"livenessProbe": {"httpGet": {"host": "x", "port": 80}}}) with data.palisade.config as {"pss_version": "v1.33"}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "startupProbe": {"httpGet": {"host": "x", "port": 1}}}]}}
	count(check.deny) == 1 with input as p
}
