package palisade.dockerfile.noninteractive_install_test

import rego.v1

import data.palisade.dockerfile.noninteractive_install as policy
import data.palisade.lib.testing.dockerfile as df

test_apt_get_without_y_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN apt-get update && apt-get install curl"])
	r.msg == "stage 0 (debian:12) runs `apt-get install` without a non-interactive flag (-y)"
}

test_each_tool_denied if {
	inp := df.dockerfile(["FROM x:1", "RUN yum install httpd", "RUN dnf install nginx", "RUN zypper install vim", "RUN apt install git"])
	count(policy.deny) == 4 with input as inp
}

test_non_interactive_flags_pass if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN apt-get install -y curl",
		"RUN apt-get -qq install curl",
		"RUN apt-get install -qy curl",
		"RUN apt-get install --assume-yes curl",
		"RUN yum install --assumeyes httpd",
		"RUN dnf -y install nginx",
		"RUN zypper -n install vim",
		"RUN zypper install --no-confirm vim",
	])
	count(policy.deny) == 0 with input as inp
}

test_other_managers_not_checked if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM x:1", "RUN apk add curl && microdnf install vim && pip install x"])
}
