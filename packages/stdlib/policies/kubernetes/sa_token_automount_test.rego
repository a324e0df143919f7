package palisade.kubernetes.sa_token_automount_test

import rego.v1

import data.palisade.kubernetes.sa_token_automount as check

pod(spec) := {"kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": spec}

sa(name, ns, automount) := {"path": "sa.yaml", "index": 0, "kind": "kubernetes", "value": {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": name, "namespace": ns}, "automountServiceAccountToken": automount}}

test_unset_denied if {
	some r in check.deny with input as pod({"containers": []})
	r.msg == `Pod "p" mounts the token of service account "default" by default (automountServiceAccountToken is not set)`
}

# An explicit true is a decision (the pod calls the API server), not the risky default.
test_explicit_true_allowed if {
	count(check.deny) == 0 with input as pod({"automountServiceAccountToken": true})
}

test_false_allowed if {
	count(check.deny) == 0 with input as pod({"automountServiceAccountToken": false})
}

test_service_account_opt_out if {
	count(check.deny) == 0 with input as pod({"serviceAccountName": "api"}) with data.palisade.inventory as [sa("api", "shop", false)]
	count(check.deny) == 1 with input as pod({"serviceAccountName": "api"}) with data.palisade.inventory as [sa("api", "other", false)]
	count(check.deny) == 0 with input as pod({"serviceAccountName": "api"}) with data.palisade.inventory as [sa("api", "shop", true)]
	count(check.deny) == 1 with input as pod({"serviceAccountName": "api"}) with data.palisade.inventory as [sa("other", "shop", true)]
}

test_pod_field_beats_service_account if {
	count(check.deny) == 0 with input as pod({"serviceAccountName": "api", "automountServiceAccountToken": true}) with data.palisade.inventory as [sa("api", "shop", false)]
}
