package palisade.dockerfile.pipefail_test

import rego.v1

import data.palisade.dockerfile.pipefail as policy
import data.palisade.lib.testing.dockerfile as df

test_pipe_without_pipefail_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM debian:12", "RUN curl -fsSL https://x/a.tgz | tar -xz"])
	r.msg == "stage 0 (debian:12) uses a pipe in RUN without pipefail"
}

test_shell_with_pipefail_passes if {
	inp := df.dockerfile(["FROM debian:12", `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, "RUN curl x | tar -xz"])
	count(policy.deny) == 0 with input as inp
}

test_shell_after_run_does_not_help if {
	inp := df.dockerfile(["FROM debian:12", "RUN curl x | tar -xz", `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`])
	count(policy.deny) == 1 with input as inp
}

test_shell_inherited_from_parent_stage if {
	inp := df.dockerfile(["FROM debian:12 AS base", `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, "FROM base", "RUN a | b"])
	count(policy.deny) == 0 with input as inp
}

test_later_shell_without_pipefail_resets if {
	inp := df.dockerfile(["FROM debian:12", `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, `SHELL ["/bin/sh", "-c"]`, "RUN a | b"])
	count(policy.deny) == 1 with input as inp
}

test_set_o_pipefail_passes if {
	inp := df.dockerfile(["FROM debian:12", "RUN set -euxo pipefail && a | b", "RUN set -o pipefail; a | b"])
	count(policy.deny) == 0 with input as inp
}

test_no_pipe_or_exec_form_or_powershell_passes if {
	inp := df.dockerfile([
		"FROM debian:12",
		"RUN a || b && c",
		`RUN ["sh", "-c", "a | b"]`,
		`SHELL ["pwsh", "-Command"]`,
		"RUN Get-Item x | Remove-Item",
	])
	count(policy.deny) == 0 with input as inp
}
