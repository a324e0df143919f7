package palisade.kubernetes.mesh_mtls_strict_test

import rego.v1

import data.palisade.kubernetes.mesh_mtls_strict

pa(spec) := {"apiVersion": "security.istio.io/v1", "kind": "PeerAuthentication", "metadata": {"name": "default", "namespace": "shop"}, "spec": spec}

test_permissive if {
	r := mesh_mtls_strict.deny with input as pa({"mtls": {"mode": "PERMISSIVE"}})
	r == {{"msg": "PeerAuthentication \"default\" in namespace \"shop\" sets mTLS mode PERMISSIVE", "cause": "PERMISSIVE", "path": ["spec", "mtls", "mode"]}}
}

test_disable if {
	count(mesh_mtls_strict.deny) == 1 with input as pa({"mtls": {"mode": "DISABLE"}})
}

test_port_level if {
	setting := {"mode": "DISABLE"}
	r := mesh_mtls_strict.deny with input as pa({"mtls": {"mode": "STRICT"}, "portLevelMtls": {"8080": setting}})
	r == {{"msg": "PeerAuthentication \"default\" in namespace \"shop\" sets mTLS mode DISABLE on port 8080", "cause": setting}}
}

test_strict_and_unset_pass if {
	count(mesh_mtls_strict.deny) == 0 with input as pa({"mtls": {"mode": "STRICT"}, "portLevelMtls": {"8080": {"mode": "STRICT"}}})
	count(mesh_mtls_strict.deny) == 0 with input as pa({"mtls": {"mode": "UNSET"}})
	count(mesh_mtls_strict.deny) == 0 with input as pa({})
}

test_beta_api_version if {
	count(mesh_mtls_strict.deny) == 1 with input as json.patch(pa({"mtls": {"mode": "PERMISSIVE"}}), [{"op": "replace", "path": "/apiVersion", "value": "security.istio.io/v1beta1"}])
}

test_other_api_groups_ignored if {
	count(mesh_mtls_strict.deny) == 0 with input as json.patch(pa({"mtls": {"mode": "PERMISSIVE"}}), [{"op": "replace", "path": "/apiVersion", "value": "example.com/v1"}])
}
