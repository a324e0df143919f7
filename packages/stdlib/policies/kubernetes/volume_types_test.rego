package palisade.kubernetes.volume_types_test

import rego.v1

import data.palisade.kubernetes.volume_types as check

pod(vols) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"volumes": vols}}

test_restricted_types_denied if {
	some r in check.deny with input as pod([{"name": "h", "hostPath": {"path": "/x"}}])
	r.msg == `Pod "p" uses restricted volume type hostPath (volume "h")`
	count(check.deny) == 3 with input as pod([{"name": "n", "nfs": {"server": "s", "path": "/"}}, {"name": "g", "gitRepo": {"repository": "r"}}, {"name": "a", "awsElasticBlockStore": {"volumeID": "v"}}])
}

test_allowed_types if {
	count(check.deny) == 0 with input as pod([
		{"name": "a", "configMap": {"name": "c"}}, {"name": "b", "secret": {"secretName": "s"}},
		{"name": "c", "emptyDir": {}}, {"name": "d", "persistentVolumeClaim": {"claimName": "x"}},
		{"name": "e", "projected": {"sources": []}}, {"name": "f", "downwardAPI": {"items": []}},
		{"name": "g", "csi": {"driver": "d"}}, {"name": "h", "ephemeral": {}}, {"name": "i", "image": {"reference": "x"}},
		{"name": "j"},
	])
	count(check.deny) == 0 with input as pod(null)
}

test_null_source_ignored if {
	count(check.deny) == 0 with input as pod([{"name": "a", "emptyDir": {}, "hostPath": null}])
}
