package palisade.kubernetes.apparmor_test

import rego.v1

import data.palisade.kubernetes.apparmor as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_pod_field_unconfined_denied if {
	some r in check.deny with input as pod({"appArmorProfile": {"type": "Unconfined"}}, null)
	r.msg == `Pod "p" sets AppArmor profile type Unconfined for the pod`
}

test_container_field_unconfined_denied if {
	some r in check.deny with input as pod(null, {"appArmorProfile": {"type": "Unconfined"}})
	r.msg == `Pod "p": container "a" sets AppArmor profile type Unconfined`
}

test_allowed_fields if {
	count(check.deny) == 0 with input as pod({"appArmorProfile": {"type": "RuntimeDefault"}}, {"appArmorProfile": {"type": "Localhost", "localhostProfile": "k8s-nginx"}})
	count(check.deny) == 0 with input as pod(null, null)
}

test_annotation_unconfined_denied if {
	d := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {
		"metadata": {"annotations": {"container.apparmor.security.beta.kubernetes.io/a": "unconfined"}},
		"spec": {"containers": [{"name": "a"}]},
	}}}
	some r in check.deny with input as d
	r.msg == `Deployment "d" sets AppArmor profile unconfined for container "a" (annotation container.apparmor.security.beta.kubernetes.io/a)`
}

test_annotation_allowed_values if {
	every v in ["runtime/default", "localhost/my-profile", ""] {
		count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p", "annotations": {"container.apparmor.security.beta.kubernetes.io/a": v}}, "spec": {}}
	}
}

test_other_annotations_ignored if {
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p", "annotations": {"x/y": "unconfined"}}, "spec": {}}
}

test_init_container_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"initContainers": [{"name": "i", "securityContext": {"appArmorProfile": {"type": "Unconfined"}}}]}}
	count(check.deny) == 1 with input as p
}
