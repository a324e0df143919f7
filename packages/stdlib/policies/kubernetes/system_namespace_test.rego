package palisade.kubernetes.system_namespace_test

import rego.v1

import data.palisade.kubernetes.system_namespace as check

pod(ns) := {"kind": "Pod", "metadata": {"name": "p", "namespace": ns}, "spec": {}}

test_kube_system_denied if {
	some r in check.deny with input as pod("kube-system")
	r.msg == `Pod "p" is deployed to system namespace kube-system`
	count(check.deny) == 1 with input as pod("kube-public")
}

test_app_namespace_allowed if {
	count(check.deny) == 0 with input as pod("shop")
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
}

test_exempt_namespace if {
	count(check.deny) == 0 with input as pod("kube-system") with data.palisade.config as {"exempt_namespaces": ["kube-system"]}
}
