package palisade.dockerfile.copy_dest_slash_test

import rego.v1

import data.palisade.dockerfile.copy_dest_slash as policy
import data.palisade.lib.testing.dockerfile as df

test_multi_source_without_slash_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM alpine:3.20", "COPY a.txt b.txt /app"])
	r.msg == `stage 0 (alpine:3.20) COPY has 2 sources but destination "/app" does not end with /`
}

test_json_form_and_add_denied if {
	count(policy.deny) == 2 with input as df.dockerfile(["FROM alpine:3.20", `COPY ["a", "b", "/d"]`, "ADD x y z"])
}

test_trailing_slash_and_single_source_pass if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "COPY a b /app/", "COPY a /app", "COPY --from=x a b ./"])
}

test_heredoc_and_variable_dest_skipped if {
	inp := {"Stages": [{"Name": "alpine", "Commands": [
		{"Cmd": "from", "Value": ["alpine"], "Flags": [], "Original": "FROM alpine", "JSON": false, "Stage": 0},
		{"Cmd": "copy", "Value": ["a", "b", "c"], "Flags": [], "Original": "COPY <<A <<B /dir\na\nA\nb\nB", "JSON": false, "Stage": 0},
	]}]}
	count(policy.deny) == 0 with input as inp
	count(policy.deny) == 0 with input as df.dockerfile(["FROM alpine:3.20", "COPY a b $DEST"])
}
