package palisade.dockerfile.no_recommends_test

import rego.v1

import data.palisade.dockerfile.no_recommends as policy
import data.palisade.lib.testing.dockerfile as df

test_missing_flag_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-get install -y curl"])
	r.msg == "stage 0 (debian:12) runs `apt-get install` without --no-install-recommends"
}

test_apt_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN apt install -y curl"])
}

test_flag_or_option_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN apt-get install -y --no-install-recommends curl",
		"RUN apt-get -o APT::Install-Recommends=false install -y curl",
		"RUN apk add curl",
	])
	count(policy.deny) == 0 with input as inp
}
