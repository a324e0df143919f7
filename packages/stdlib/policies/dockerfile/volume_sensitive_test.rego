package palisade.dockerfile.volume_sensitive_test

import rego.v1

import data.palisade.dockerfile.volume_sensitive as policy
import data.palisade.lib.testing.dockerfile as df

test_sys_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "VOLUME /data /sys/fs/cgroup"])
	r.msg == `stage 0 (alpine:3.20) declares VOLUME "/sys/fs/cgroup" on sensitive path /sys`
}

test_json_form_denied if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", `VOLUME ["/dev", "/proc/"]`])
}

test_data_volumes_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "VOLUME /data /var/lib/devices /system"])
}
