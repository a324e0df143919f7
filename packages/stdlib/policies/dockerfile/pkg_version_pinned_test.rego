package palisade.dockerfile.pkg_version_pinned_test

import rego.v1

import data.palisade.dockerfile.pkg_version_pinned as policy
import data.palisade.lib.testing.dockerfile as df

test_apt_unpinned_denied if {
	inp := df.dockerfile(["FROM debian:12", "RUN apt-get install -y --no-install-recommends curl=7.88.1-10 wget git"])
	some r in policy.deny with input as inp
	r.msg == "stage 0 (debian:12) installs packages without a version with apt-get: wget, git"
}

test_every_manager_denied if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN apk add --no-cache curl",
		"RUN dnf install -y nginx",
		"RUN zypper -n in vim",
		"RUN pip install flask",
		"RUN npm install -g typescript",
		"RUN gem install bundler",
		"RUN go install example.com/tool@latest",
		"RUN yarn add left-pad",
	])
	count(policy.deny) == 8 with input as inp
}

test_pinned_passes if {
	inp := df.dockerfile([
		"FROM x:1",
		"RUN apk add --no-cache curl=8.5.0-r0",
		"RUN dnf install -y nginx-1.24.0",
		"RUN zypper -n in vim=9.1",
		"RUN pip install --no-cache-dir flask==3.0.3 -r requirements.txt",
		"RUN npm install -g typescript@5.4.5 && npm ci",
		"RUN gem install bundler:2.5.6",
		"RUN go install example.com/tool@v1.2.3",
		"RUN apt-get install -y ./local.deb",
		"RUN pip install .",
	])
	count(policy.deny) == 0 with input as inp
}

test_variables_skipped if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM x:1", "RUN apt-get install -y $PACKAGES"])
}

test_exec_form_checked if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM x:1", `RUN ["apk", "add", "curl"]`])
}
