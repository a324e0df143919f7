package palisade.kubernetes.statefulset_hygiene_test

import rego.v1

import data.palisade.kubernetes.statefulset_hygiene as check

sts(spec) := {"kind": "StatefulSet", "metadata": {"name": "db", "namespace": "data"}, "spec": object.union({"template": {"spec": {}}}, spec)}

good_pvc := {"metadata": {"name": "pg"}, "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": "10Gi"}}}}

svc(cluster_ip) := {"path": "s.yaml", "index": 0, "kind": "kubernetes", "value": {"kind": "Service", "metadata": {"name": "db", "namespace": "data"}, "spec": {"clusterIP": cluster_ip}}}

test_no_service_name_denied if {
	some r in check.deny with input as sts({})
	r.msg == `StatefulSet "db" sets no serviceName (no governing headless Service)`
}

test_not_headless_denied if {
	some r in check.deny with input as sts({"serviceName": "db"}) with data.palisade.inventory as [svc("10.0.0.1")]
	r.msg == `StatefulSet "db" governing Service "db" is not headless (clusterIP: None)`
	count(check.deny) == 0 with input as sts({"serviceName": "db"}) with data.palisade.inventory as [svc("None")]
}

test_pvc_templates if {
	some r in check.deny with input as sts({"serviceName": "db", "volumeClaimTemplates": [{"metadata": {"name": "pg"}, "spec": {"accessModes": ["ReadWriteMany"], "resources": {"requests": {"storage": "1Gi"}}}}]})
	r.msg == `StatefulSet "db" volumeClaimTemplate "pg" has no ReadWriteOnce access mode`
	some r2 in check.deny with input as sts({"serviceName": "db", "volumeClaimTemplates": [{"metadata": {"name": "pg"}, "spec": {"accessModes": ["ReadWriteOnce"]}}]})
	r2.msg == `StatefulSet "db" volumeClaimTemplate "pg" requests no storage size`
	count(check.deny) == 0 with input as sts({"serviceName": "db", "volumeClaimTemplates": [good_pvc]})
}
