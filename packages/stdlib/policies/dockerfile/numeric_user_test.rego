package palisade.dockerfile.numeric_user_test

import rego.v1

import data.palisade.dockerfile.numeric_user as policy
import data.palisade.lib.testing.dockerfile as df

test_named_user_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "USER app:app"])
	r.msg == `final stage 0 (alpine:3.20) sets USER "app:app" by name instead of a numeric UID`
}

test_root_name_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM alpine:3.20", "USER root"])
}

test_numeric_user_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "USER 10001"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "USER 10001:app"])
}

test_only_last_user_of_final_image_counts if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine AS b", "USER app", "FROM alpine:3.20", "USER app", "USER 1000"])
}

test_no_user_or_variable_not_flagged if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "USER $UID"])
}

# Windows users are accounts, not UIDs.
test_windows_images_skipped if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM mcr.microsoft.com/windows/nanoserver:ltsc2025", "USER ContainerUser"])
	count(policy.deny) == 0 with input as df.dockerfile(["FROM mcr.microsoft.com/windows/servercore:ltsc2022 AS b", "FROM b", "USER ContainerAdministrator"])
	count(policy.deny) == 1 with input as df.dockerfile(["FROM debian:12", "USER windows"])
}
