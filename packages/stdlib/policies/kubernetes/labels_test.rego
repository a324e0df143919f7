package palisade.kubernetes.labels_test

import rego.v1

import data.palisade.kubernetes.labels as check

deploy(labels, pod_labels) := {"kind": "Deployment", "metadata": {"name": "d", "labels": labels}, "spec": {"template": {"metadata": {"labels": pod_labels}, "spec": {}}}}

test_required_missing_denied if {
	some r in check.deny with input as deploy({"app": "d"}, {"app": "d"})
	r.msg == `Deployment "d" has no label app.kubernetes.io/name`
	count(check.deny) == 1 with input as deploy(null, null)
}

test_required_configurable if {
	count(check.deny) == 2 with input as deploy({"app.kubernetes.io/name": "d"}, {}) with data.palisade.config as {"required_labels": ["team", "tier"]}
	count(check.deny) == 0 with input as deploy({"team": "a"}, {}) with data.palisade.config as {"required_labels": ["team"]}
}

test_invalid_value_denied if {
	some r in check.deny with input as deploy({"app.kubernetes.io/name": "d"}, {"version": "-bad-"})
	r.msg == `Deployment "d" pod template label version has an invalid value -bad-`
	count(check.deny) == 1 with input as deploy({"app.kubernetes.io/name": "d", "x": "has space"}, {})
}

test_inconsistent_pod_labels_denied if {
	some r in check.deny with input as deploy({"app.kubernetes.io/name": "orders"}, {"app.kubernetes.io/name": "order"})
	r.msg == `Deployment "d" label app.kubernetes.io/name is orders but its pod template says order`
}

test_good_labels_allowed if {
	l := {"app.kubernetes.io/name": "orders-api", "app.kubernetes.io/instance": "orders-api", "empty": ""}
	count(check.deny) == 0 with input as deploy(l, l)
}

test_pod_labels_checked_once if {
	count(check.deny) == 1 with input as {"kind": "Pod", "metadata": {"name": "p", "labels": {"app.kubernetes.io/name": "p", "v": "-x"}}, "spec": {}}
}
