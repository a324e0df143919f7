package palisade.kubernetes.privileged_port_test

import rego.v1

import data.palisade.kubernetes.privileged_port as check

pod(ports) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "ports": ports}]}}

test_low_port_denied if {
	some r in check.deny with input as pod([{"containerPort": 80}])
	r.msg == `Pod "p": container "a" listens on privileged port 80`
	r.cause == {"containerPort": 80}
}

test_high_port_allowed if {
	count(check.deny) == 0 with input as pod([{"containerPort": 8080}, {"containerPort": 1024}])
	count(check.deny) == 0 with input as pod(null)
}
