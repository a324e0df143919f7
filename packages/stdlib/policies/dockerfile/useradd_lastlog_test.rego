package palisade.dockerfile.useradd_lastlog_test

import rego.v1

import data.palisade.dockerfile.useradd_lastlog as policy
import data.palisade.lib.testing.dockerfile as df

test_high_uid_without_l_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN useradd -u 1000001 app"])
	r.msg == "stage 0 (debian:12) runs useradd with UID 1000001 without -l/--no-log-init"
}

test_attached_uid_forms_denied if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM debian:12", "RUN useradd --uid=123456 a", "RUN useradd -u123456 b"])
}

test_l_flag_or_low_uid_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN useradd -l -u 1000001 a",
		"RUN useradd --no-log-init --uid 1000001 b",
		"RUN useradd -u 10001 c",
		"RUN useradd d",
	])
	count(policy.deny) == 0 with input as inp
}

# Repeated -u options: the last one counts (useradd's parsing), and the rule has one value.
test_repeated_uid_options_last_wins if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "RUN useradd -u 100 -u 1000001 --uid=7 -u2000000 app"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM debian:12", "RUN useradd -u 1000001 -u 100 app"])
}
