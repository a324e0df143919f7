package palisade.kubernetes.mesh_tls_disabled_test

import rego.v1

import data.palisade.kubernetes.mesh_tls_disabled

dr(spec) := {"apiVersion": "networking.istio.io/v1", "kind": "DestinationRule", "metadata": {"name": "db", "namespace": "shop"}, "spec": object.union({"host": "db.shop.svc.cluster.local"}, spec)}

test_traffic_policy if {
	tls := {"mode": "DISABLE"}
	r := mesh_tls_disabled.deny with input as dr({"trafficPolicy": {"tls": tls}})
	r == {{"msg": "DestinationRule \"db\" disables TLS to db.shop.svc.cluster.local at spec.trafficPolicy.tls", "cause": tls}}
}

test_port_level_and_subset if {
	spec := {
		"trafficPolicy": {"portLevelSettings": [{"port": {"number": 5432}, "tls": {"mode": "DISABLE"}}]},
		"subsets": [{"name": "v1", "trafficPolicy": {"tls": {"mode": "DISABLE"}}}],
	}
	r := mesh_tls_disabled.deny with input as dr(spec)
	count(r) == 2
	some x in r
	x.msg == "DestinationRule \"db\" disables TLS to db.shop.svc.cluster.local at spec.trafficPolicy.portLevelSettings.0.tls"
}

test_tls_enabled_passes if {
	count(mesh_tls_disabled.deny) == 0 with input as dr({"trafficPolicy": {"tls": {"mode": "ISTIO_MUTUAL"}}})
	count(mesh_tls_disabled.deny) == 0 with input as dr({})
	count(mesh_tls_disabled.deny) == 0 with input as {"kind": "DestinationRule", "apiVersion": "networking.istio.io/v1beta1", "metadata": {"name": "x"}}
}

test_other_api_group_ignored if {
	count(mesh_tls_disabled.deny) == 0 with input as json.patch(dr({"trafficPolicy": {"tls": {"mode": "DISABLE"}}}), [{"op": "replace", "path": "/apiVersion", "value": "example.com/v1"}])
}
