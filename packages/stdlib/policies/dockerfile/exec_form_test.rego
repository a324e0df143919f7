package palisade.dockerfile.exec_form_test

import rego.v1

import data.palisade.dockerfile.exec_form as policy
import data.palisade.lib.testing.dockerfile as df

test_shell_form_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM python:3.12", "CMD python3 /app/server.py"])
	r.msg == "final stage 0 (python:3.12) uses shell form for CMD: python3 /app/server.py"
}

test_entrypoint_shell_form_denied if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM python:3.12", "ENTRYPOINT /app/run.sh", `CMD ["--port", "80"]`])
}

test_exec_form_passes if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM python:3.12", `ENTRYPOINT ["/usr/bin/tini", "--"]`, `CMD ["python", "-m", "app"]`])
}

test_build_stage_ignored if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM python:3.12 AS b", "CMD python x", "FROM python:3.12"])
}
