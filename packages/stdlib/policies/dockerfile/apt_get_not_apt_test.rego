package palisade.dockerfile.apt_get_not_apt_test

import rego.v1

import data.palisade.dockerfile.apt_get_not_apt as policy
import data.palisade.lib.testing.dockerfile as df

test_apt_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt update && apt-get install -y x"])
	r.msg == "stage 0 (debian:12) uses `apt update`; use apt-get in scripts"
}

test_apt_get_and_apt_cache_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-cache policy x && echo apt"])
}
