package palisade.kubernetes.selinux_test

import rego.v1

import data.palisade.kubernetes.selinux as check

pod(psc, csc) := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"securityContext": psc, "containers": [{"name": "a", "securityContext": csc}]}}

test_custom_type_denied if {
	some r in check.deny with input as pod(null, {"seLinuxOptions": {"type": "spc_t"}})
	r.msg == `Pod "p": container "a" sets forbidden SELinux options: type spc_t`
}

test_user_and_role_denied if {
	some r in check.deny with input as pod({"seLinuxOptions": {"user": "system_u", "role": "system_r"}}, null)
	r.msg == `Pod "p" sets forbidden SELinux options for the pod: role system_r, user system_u`
}

test_allowed_options if {
	count(check.deny) == 0 with input as pod({"seLinuxOptions": {"level": "s0:c123,c456"}}, {"seLinuxOptions": {"type": "container_init_t"}})
	count(check.deny) == 0 with input as pod(null, null)
	count(check.deny) == 0 with input as pod({"seLinuxOptions": {"type": "", "user": ""}}, null)
}

test_container_engine_t_from_1_31 if {
	count(check.deny) == 0 with input as pod(null, {"seLinuxOptions": {"type": "container_engine_t"}})
	count(check.deny) == 1 with input as pod(null, {"seLinuxOptions": {"type": "container_engine_t"}}) with data.palisade.config as {"pss_version": "v1.30"}
}

test_ephemeral_denied if {
	p := {"kind": "Pod", "metadata": {"name": "p"}, "spec": {"ephemeralContainers": [{"name": "e", "securityContext": {"seLinuxOptions": {"type": "unconfined_t"}}}]}}
	count(check.deny) == 1 with input as p
}
