package palisade.kubernetes.hostpath_sensitive_test

import rego.v1

import data.palisade.kubernetes.hostpath_sensitive as check

pod(path) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"volumes": [{"name": "h", "hostPath": {"path": path}}]}}

test_sensitive_denied if {
	every p in ["/", "/etc", "/etc/kubernetes", "/proc", "/sys/fs", "/var/lib/kubelet/pods", "//etc/", "/dev"] {
		count(check.deny) == 1 with input as pod(p)
	}
	some r in check.deny with input as pod("/etc/")
	r.msg == `Pod "p" mounts sensitive host path /etc/ (volume "h")`
}

test_other_paths_allowed if {
	every p in ["/data", "/etcd", "/var/log", "/opt/app", "/var/lib/app"] {
		count(check.deny) == 0 with input as pod(p)
	}
	count(check.deny) == 0 with input as {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"volumes": [{"name": "e", "emptyDir": {}}]}}
}

test_configured_paths if {
	count(check.deny) == 1 with input as pod("/opt/secrets/x") with data.palisade.config as {"sensitive_host_paths": ["/opt/secrets"]}
	count(check.deny) == 0 with input as pod("/etc") with data.palisade.config as {"sensitive_host_paths": ["/opt/secrets"]}
}
