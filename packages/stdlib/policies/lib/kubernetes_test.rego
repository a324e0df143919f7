package palisade.lib.kubernetes_test

import rego.v1

import data.palisade.lib.kubernetes as k8s

pod := {
	"apiVersion": "v1", "kind": "Pod",
	"metadata": {"name": "p", "namespace": "shop", "labels": {"app": "p"}, "annotations": {"a": "b"}},
	"spec": {
		"securityContext": {"runAsUser": 1000, "runAsNonRoot": true},
		"initContainers": [{"name": "init", "image": "busybox"}],
		"containers": [{"name": "app", "image": "nginx", "securityContext": {"runAsUser": 2000, "runAsNonRoot": null}}],
		"ephemeralContainers": [{"name": "debug", "image": "busybox"}],
	},
}

template := {"metadata": {"labels": {"app": "w"}, "annotations": {"x": "y"}}, "spec": {"containers": [{"name": "w", "image": "nginx"}]}}

test_pod_spec_of_pod if {
	k8s.pod_spec == pod.spec with input as pod
	k8s.pod_spec_path == ["spec"] with input as pod
	k8s.pod_metadata == pod.metadata with input as pod
}

test_pod_spec_of_template_kinds if {
	every kind in ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"] {
		k8s.pod_spec == template.spec with input as {"kind": kind, "metadata": {"name": "w"}, "spec": {"template": template}}
		k8s.pod_spec_path == ["spec", "template", "spec"] with input as {"kind": kind, "spec": {"template": template}}
		k8s.pod_labels == {"app": "w"} with input as {"kind": kind, "spec": {"template": template}}
		k8s.is_workload with input as {"kind": kind, "spec": {"template": template}}
	}
}

test_pod_spec_of_cronjob if {
	cj := {"kind": "CronJob", "metadata": {"name": "c"}, "spec": {"jobTemplate": {"spec": {"template": template}}}}
	k8s.pod_spec == template.spec with input as cj
	k8s.pod_spec_path == ["spec", "jobTemplate", "spec", "template", "spec"] with input as cj
	k8s.pod_annotations == {"x": "y"} with input as cj
}

test_admission_review_object if {
	review := {"apiVersion": "admission.k8s.io/v1", "kind": "AdmissionReview", "request": {"namespace": "ns1", "object": pod}}
	k8s.kind == "Pod" with input as review
	k8s.pod_spec == pod.spec with input as review
	k8s.pod_spec_path == ["request", "object", "spec"] with input as review
	k8s.namespace == "shop" with input as review
}

test_admission_review_names_from_request if {
	obj := {"kind": "Pod", "metadata": {"generateName": "web-"}, "spec": {"containers": []}}
	review := {"kind": "AdmissionReview", "request": {"name": "web-abc", "namespace": "ns1", "object": obj}}
	k8s.name == "web-abc" with input as review
	k8s.namespace == "ns1" with input as review
	k8s.namespace_set with input as review
}

test_not_a_workload if {
	not k8s.is_workload with input as {"kind": "ConfigMap", "metadata": {"name": "c"}, "data": {}}
	not k8s.is_workload with input as {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {}}
	count(k8s.containers) == 0 with input as {"kind": "Service", "spec": {}}
}

test_namespace_default if {
	k8s.namespace == "default" with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	not k8s.namespace_set with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {}}
	k8s.namespace == "default" with input as {"kind": "Pod", "metadata": {"name": "p", "namespace": ""}, "spec": {}}
	k8s.namespace == "shop" with input as pod
}

test_name_and_labels if {
	k8s.name == "p" with input as pod
	k8s.labels == {"app": "p"} with input as pod
	k8s.annotations == {"a": "b"} with input as pod
	k8s.labels == {} with input as {"kind": "Pod", "spec": {}}
	k8s.name == "" with input as {"kind": "Pod", "spec": {}}
}

test_containers_all_three_lists if {
	cs := k8s.containers with input as pod
	count(cs) == 3
	{c.kind | some c in cs} == {"initContainers", "containers", "ephemeralContainers"}
	some c in cs
	c.kind == "ephemeralContainers"
	c.name == "debug"
	c.index == 0
	c.container == pod.spec.ephemeralContainers[0]
}

test_containers_null_lists if {
	count(k8s.containers) == 0 with input as {"kind": "Pod", "spec": {"containers": null, "initContainers": null}}
	count(k8s.containers) == 1 with input as {"kind": "Pod", "spec": {"containers": [{"name": "a"}, null]}}
}

test_describe if {
	some c in k8s.containers with input as pod
	c.kind == "initContainers"
	k8s.describe(c) == `Pod "p": init container "init"` with input as pod
}

test_effective_container_overrides_pod if {
	c := pod.spec.containers[0]
	k8s.effective(c, "runAsUser") == 2000 with input as pod
	# null at container level means unset: the pod value applies
	k8s.effective(c, "runAsNonRoot") == true with input as pod
	k8s.effective(pod.spec.initContainers[0], "runAsUser") == 1000 with input as pod
}

test_effective_not_inherited if {
	p := {"kind": "Pod", "spec": {"securityContext": {"privileged": true}, "containers": [{"name": "a"}]}}
	not k8s.effective(p.spec.containers[0], "privileged") with input as p
}

test_effective_missing_security_context if {
	p := {"kind": "Pod", "spec": {"securityContext": null, "containers": [{"name": "a", "securityContext": null}]}}
	not k8s.effective(p.spec.containers[0], "runAsUser") with input as p
	k8s.security_context(p.spec.containers[0]) == {} with input as p
}

test_capabilities if {
	c := {"name": "a", "securityContext": {"capabilities": {"add": ["NET_ADMIN"], "drop": ["ALL"]}}}
	k8s.added_capabilities(c) == ["NET_ADMIN"]
	k8s.dropped_capabilities(c) == ["ALL"]
	k8s.added_capabilities({"name": "b"}) == []
	k8s.dropped_capabilities({"name": "b", "securityContext": {"capabilities": {"drop": null}}}) == []
}

test_exempt_namespaces if {
	k8s.exempt with input as pod with data.palisade.config as {"exempt_namespaces": ["shop"]}
	not k8s.in_scope with input as pod with data.palisade.config as {"exempt_namespaces": ["shop"]}
	not k8s.exempt with input as pod with data.palisade.config as {}
	k8s.in_scope with input as pod with data.palisade.config as {}
}

test_pss_version if {
	k8s.pss_minor == 1000 with data.palisade.config as {}
	k8s.pss_minor == 1000 with data.palisade.config as {"pss_version": "latest"}
	k8s.pss_minor == 29 with data.palisade.config as {"pss_version": "v1.29"}
	k8s.pss_minor == 31 with data.palisade.config as {"pss_version": "1.31"}
	k8s.pss_at_least(25) with data.palisade.config as {"pss_version": "v1.25"}
	not k8s.pss_at_least(26) with data.palisade.config as {"pss_version": "v1.25"}
}

test_user_namespace_and_windows if {
	k8s.user_namespace with input as {"kind": "Pod", "spec": {"hostUsers": false}}
	not k8s.user_namespace with input as {"kind": "Pod", "spec": {}}
	k8s.windows_pod with input as {"kind": "Pod", "spec": {"os": {"name": "windows"}}}
	not k8s.windows_pod with input as {"kind": "Pod", "spec": {"os": {"name": "linux"}}}
}

test_clean_path if {
	k8s.clean_path("//var//run/") == "/var/run"
	k8s.clean_path("/") == "/"
	k8s.clean_path("///") == "/"
	k8s.clean_path("/etc") == "/etc"
}

test_path_within if {
	k8s.path_within("/etc/ssl", "/etc")
	k8s.path_within("/etc", "/etc")
	not k8s.path_within("/etcd", "/etc")
	k8s.path_within("/anything", "/")
}

test_service_account if {
	k8s.service_account == "default" with input as {"kind": "Pod", "spec": {}}
	k8s.service_account == "a" with input as {"kind": "Pod", "spec": {"serviceAccountName": "a", "serviceAccount": "b"}}
	k8s.service_account == "b" with input as {"kind": "Pod", "spec": {"serviceAccount": "b"}}
}

test_pod_field_result if {
	r := k8s.pod_field_result("m", "hostPID") with input as {"kind": "CronJob", "spec": {"jobTemplate": {"spec": {"template": {"spec": {}}}}}}
	r == {"msg": "m", "path": ["spec", "jobTemplate", "spec", "template", "spec", "hostPID"]}
}
