package palisade.kubernetes.deprecated_api_test

import rego.v1

import data.palisade.kubernetes.deprecated_api as check

test_removed_denied if {
	some r in check.deny with input as {"apiVersion": "extensions/v1beta1", "kind": "Deployment", "metadata": {"name": "d"}, "spec": {}}
	r.msg == `Deployment "d" uses extensions/v1beta1, removed in Kubernetes 1.16; use apps/v1`
	count(check.deny) == 1 with input as {"apiVersion": "batch/v1beta1", "kind": "CronJob", "metadata": {"name": "c"}}
	count(check.deny) == 1 with input as {"apiVersion": "networking.k8s.io/v1beta1", "kind": "Ingress", "metadata": {"name": "i"}}
}

test_current_allowed if {
	count(check.deny) == 0 with input as {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"}}
	count(check.deny) == 0 with input as {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "c"}}
	count(check.deny) == 0 with input as {"apiVersion": "example.com/v1beta1", "kind": "Widget", "metadata": {"name": "w"}}
}

test_admission_review_object if {
	review := {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"object": {"apiVersion": "policy/v1beta1", "kind": "PodDisruptionBudget", "metadata": {"name": "p"}}}}
	count(check.deny) == 1 with input as review
}
