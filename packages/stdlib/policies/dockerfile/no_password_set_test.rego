package palisade.dockerfile.no_password_set_test

import rego.v1

import data.palisade.dockerfile.no_password_set as policy
import data.palisade.lib.testing.dockerfile as df

test_chpasswd_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", `RUN echo "root:changeme" | chpasswd`])
	r.msg == "stage 0 (debian:12) sets a password with chpasswd"
}

test_passwd_and_useradd_p_denied if {
	inp := df.dockerfile(["FROM debian:12", "RUN passwd -d root", "RUN useradd -m -p $(openssl passwd -1 x) app", "RUN usermod --password=x app"])
	count(policy.deny) == 3 with input as inp
}

test_locking_and_plain_useradd_pass if {
	inp := df.dockerfile(["FROM debian:12", "RUN passwd -l root && useradd -m -s /usr/sbin/nologin app", "RUN echo chpasswd"])
	count(policy.deny) == 0 with input as inp
}
