package palisade.dockerfile.pkg_signature_verify_test

import rego.v1

import data.palisade.dockerfile.pkg_signature_verify as policy
import data.palisade.lib.testing.dockerfile as df

test_apk_allow_untrusted_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "RUN apk add --no-cache --allow-untrusted /tmp/x.apk"])
	r.msg == "stage 0 (alpine:3.20) disables package signature verification (apk --allow-untrusted)"
}

test_each_manager_denied if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN apt-get install -y --allow-unauthenticated curl",
		"RUN apt-get install -y --force-yes curl",
		`RUN echo "deb [trusted=yes] http://repo.example.com stable main" > /etc/apt/sources.list.d/x.list`,
		"RUN yum install -y --nogpgcheck x",
		"RUN sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.repos.d/x.repo",
		"RUN rpm -i --nosignature x.rpm",
		"RUN zypper --no-gpg-checks -n in x",
		"RUN apt-get -o APT::Get::AllowUnauthenticated=true install -y x",
	])
	count(policy.deny) == 8 with input as inp
}

test_verified_installs_pass if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN apk add --no-cache curl",
		"RUN apt-get install -y --no-install-recommends curl",
		`RUN echo "deb [signed-by=/usr/share/keyrings/x.gpg] http://repo stable main" > /etc/apt/sources.list.d/x.list`,
		"RUN dnf install -y x && echo gpgcheck=1 >> /etc/dnf/dnf.conf",
	])
	count(policy.deny) == 0 with input as inp
}
