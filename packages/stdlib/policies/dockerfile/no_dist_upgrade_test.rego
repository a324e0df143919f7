package palisade.dockerfile.no_dist_upgrade_test

import rego.v1

import data.palisade.dockerfile.no_dist_upgrade as policy
import data.palisade.lib.testing.dockerfile as df

test_dist_upgrade_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-get dist-upgrade -y"])
	r.msg == "stage 0 (debian:12) upgrades all packages with `apt-get dist-upgrade`"
}

test_other_managers_denied if {
	inp := df.dockerfile(["FROM x:1", "RUN apk upgrade --no-cache", "RUN yum -y update", "RUN zypper -n dup"])
	count(policy.deny) == 3 with input as inp
}

test_targeted_upgrade_passes if {
	inp := df.dockerfile(["FROM x:1", "RUN apk upgrade --no-cache openssl", "RUN yum -y update openssl", "RUN apt-get install -y --only-upgrade openssl", "RUN pip install --upgrade pip"])
	count(policy.deny) == 0 with input as inp
}
