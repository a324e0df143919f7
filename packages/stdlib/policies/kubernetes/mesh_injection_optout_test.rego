package palisade.kubernetes.mesh_injection_optout_test

import rego.v1

import data.palisade.kubernetes.mesh_injection_optout as check

deploy(meta) := {"kind": "Deployment", "metadata": {"name": "d"}, "spec": {"template": {"metadata": meta, "spec": {"containers": []}}}}

test_istio_label_denied if {
	some r in check.deny with input as deploy({"labels": {"sidecar.istio.io/inject": "false"}})
	r.msg == `Deployment "d" disables service mesh injection (label sidecar.istio.io/inject: false)`
}

test_istio_annotation_and_linkerd_denied if {
	count(check.deny) == 1 with input as deploy({"annotations": {"sidecar.istio.io/inject": "False"}})
	count(check.deny) == 1 with input as deploy({"annotations": {"linkerd.io/inject": "disabled"}})
}

test_port_skipping_denied if {
	some r in check.deny with input as deploy({"annotations": {"config.linkerd.io/skip-inbound-ports": "4222"}})
	r.msg == `Deployment "d" bypasses the mesh proxy (config.linkerd.io/skip-inbound-ports: 4222)`
	count(check.deny) == 1 with input as deploy({"annotations": {"traffic.sidecar.istio.io/excludeOutboundIPRanges": "0.0.0.0/0"}})
}

test_enabled_allowed if {
	count(check.deny) == 0 with input as deploy({"labels": {"sidecar.istio.io/inject": "true"}, "annotations": {"linkerd.io/inject": "enabled"}})
	count(check.deny) == 0 with input as deploy(null)
	count(check.deny) == 0 with input as deploy({"annotations": {"config.linkerd.io/skip-inbound-ports": ""}})
}

test_resource_metadata_not_pod_template if {
	d := {"kind": "Deployment", "metadata": {"name": "d", "annotations": {"sidecar.istio.io/inject": "false"}}, "spec": {"template": {"spec": {}}}}
	count(check.deny) == 0 with input as d
}
