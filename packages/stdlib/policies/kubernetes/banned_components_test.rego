package palisade.kubernetes.banned_components_test

import rego.v1

import data.palisade.kubernetes.banned_components as check

pod(image) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "a", "image": image}]}}

test_tiller_denied if {
	some r in check.deny with input as pod("gcr.io/kubernetes-helm/tiller:v2.16.1")
	r.msg == `Pod "p": container "a" runs banned component image gcr.io/kubernetes-helm/tiller:v2.16.1`
	count(check.deny) == 1 with input as pod("ghcr.io/helm/tiller")
}

test_dashboard_denied if {
	count(check.deny) == 1 with input as pod("kubernetesui/dashboard:v2.7.0")
	count(check.deny) == 1 with input as pod("k8s.gcr.io/kubernetes-dashboard-amd64:v1.10.1")
	count(check.deny) == 1 with input as pod("docker.io/kubernetesui/dashboard-api:1.0.0")
}

test_other_images_allowed if {
	count(check.deny) == 0 with input as pod("nginx:1.27")
	count(check.deny) == 0 with input as pod("example.com/tiller-report:1.0")
	count(check.deny) == 0 with input as pod("grafana/grafana:11.0.0")
}
