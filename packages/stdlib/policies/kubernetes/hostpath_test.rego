package palisade.kubernetes.hostpath_test

import rego.v1

import data.palisade.kubernetes.hostpath as check

pod(vols) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [], "volumes": vols}}

test_hostpath_denied if {
	some r in check.deny with input as pod([{"name": "h", "hostPath": {"path": "/data"}}])
	r.msg == `Pod "p" mounts hostPath volume "h" (/data)`
	r.cause.name == "h"
}

test_other_volumes_allowed if {
	count(check.deny) == 0 with input as pod([{"name": "t", "emptyDir": {}}, {"name": "c", "configMap": {"name": "x"}}])
	count(check.deny) == 0 with input as pod(null)
	count(check.deny) == 0 with input as pod([{"name": "h", "hostPath": null}])
}

test_statefulset_denied if {
	s := {"kind": "StatefulSet", "metadata": {"name": "s"}, "spec": {"template": {"spec": {"volumes": [{"name": "h", "hostPath": {"path": "/"}}]}}}}
	count(check.deny) == 1 with input as s
}
