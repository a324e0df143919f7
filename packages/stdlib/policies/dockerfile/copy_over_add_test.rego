package palisade.dockerfile.copy_over_add_test

import rego.v1

import data.palisade.dockerfile.copy_over_add as policy
import data.palisade.lib.testing.dockerfile as df

test_add_local_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20 AS app", "ADD . /app"])
	r.msg == `stage "app" uses ADD for local source "."; use COPY`
	r.cause.Cmd == "add"
}

test_each_local_source_reported if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", `ADD ["a.txt", "b.txt", "/d/"]`])
}

test_archive_and_urls_pass if {
	inp := df.dockerfile([
		"FROM alpine:3.20",
		"ADD rootfs.tar.gz /",
		"ADD https://example.com/tool.tgz /opt/",
		"ADD git@github.com:acme/repo.git /src",
		"COPY . /app",
	])
	count(policy.deny) == 0 with input as inp
}
