package palisade.dockerfile.workdir_sysdir_test

import rego.v1

import data.palisade.dockerfile.workdir_sysdir as policy
import data.palisade.lib.testing.dockerfile as df

test_proc_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "WORKDIR /proc/self"])
	r.msg == `stage 0 (alpine:3.20) sets WORKDIR "/proc/self" inside system directory /proc`
}

test_each_system_dir_denied if {
	inp := df.dockerfile(["FROM alpine:3.20", "WORKDIR /boot", "WORKDIR /dev/", "WORKDIR /sys/fs", "WORKDIR /initrd", "WORKDIR /lost+found"])
	count(policy.deny) == 5 with input as inp
}

test_similar_names_pass if {
	inp := df.dockerfile(["FROM alpine:3.20", "WORKDIR /devel", "WORKDIR /app/proc", "WORKDIR /system", "WORKDIR /"])
	count(policy.deny) == 0 with input as inp
}
