package palisade.dockerfile.update_with_install_test

import rego.v1

import data.palisade.dockerfile.update_with_install as policy
import data.palisade.lib.testing.dockerfile as df

test_apt_update_alone_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get update", "RUN apt-get install -y curl"])
	r.msg == "stage 0 (debian:12) runs `apt-get update` without installing packages in the same RUN"
	r.cause.StartLine == 2
}

test_other_managers_denied if {
	inp := df.dockerfile(["FROM x:1", "RUN apk update", "RUN dnf -q makecache", "RUN zypper --non-interactive ref"])
	count(policy.deny) == 3 with input as inp
}

test_update_with_install_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*",
		"RUN apk update && apk add curl",
		"RUN apt update; apt-get install -y git",
	])
	count(policy.deny) == 0 with input as inp
}

test_heredoc_script_passes if {
	inp := {"Stages": [{"Name": "debian:12", "Commands": [
		{"Cmd": "from", "Value": ["debian:12"], "Flags": [], "JSON": false, "Stage": 0, "StartLine": 1},
		{"Cmd": "run", "Value": ["apt-get update ; apt-get install -y curl"], "Flags": [], "JSON": false, "Stage": 0, "StartLine": 2},
	]}]}
	count(policy.deny) == 0 with input as inp
}
