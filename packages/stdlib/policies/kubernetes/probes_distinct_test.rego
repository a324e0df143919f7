package palisade.kubernetes.probes_distinct_test

import rego.v1

import data.palisade.kubernetes.probes_distinct as check

pod(c) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [object.union({"name": "a"}, c)]}}

test_identical_denied if {
	some r in check.deny with input as pod({"livenessProbe": {"httpGet": {"path": "/h", "port": 80}}, "readinessProbe": {"httpGet": {"path": "/h", "port": 80}, "periodSeconds": 5}})
	r.msg == `Pod "p": container "a" uses the same check for its liveness and readiness probes`
}

test_different_allowed if {
	count(check.deny) == 0 with input as pod({"livenessProbe": {"httpGet": {"path": "/livez", "port": 80}}, "readinessProbe": {"httpGet": {"path": "/readyz", "port": 80}}})
	count(check.deny) == 0 with input as pod({"livenessProbe": {"tcpSocket": {"port": 80}}})
	count(check.deny) == 0 with input as pod({"livenessProbe": {}, "readinessProbe": {}})
}
