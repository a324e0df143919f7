# METADATA
# title: Remote script piped into a shell
# description: RUN downloads a script and executes it directly (`curl … | sh`, `bash <(curl …)`, `sh -c "$(wget …)"`); whatever the server returns runs in the build, unverified.
# custom:
#   id: DF-036
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Download the script to a file, verify its checksum or signature, then run it (or install a packaged release).
#   references:
#     - https://docs.docker.com/build/building/best-practices/#using-pipes
#     - https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html
#   related: []
#   profiles: [recommended]
package palisade.dockerfile.curl_pipe_shell

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.shell

_downloaders := {"curl", "wget", "fetch"}

_interpreters := shell.shells | {"python", "python3", "perl", "ruby", "node", "php"}

deny contains res if {
	some run in docker.runs
	some dl in run.commands
	dl.program in _downloaders
	dl.op_after == "|"
	some target in run.commands
	target.pos == dl.pos + 1
	target.program in _interpreters
	msg := sprintf("%s pipes a %s download into %s", [docker.stage_label(run.index), dl.program, target.program])
	res := result.new(msg, run.cmd)
}

# Process or command substitution of a download handed to a shell (\u0060 is a backquote).
_substitution := "\\b(ba|z|da|k|mk)?sh\\b[^|;&\\n]*(<\\(|\\$\\(|\u0060)\\s*(curl|wget)\\b"

deny contains res if {
	some run in docker.runs
	regex.match(_substitution, docker.run_script(run.cmd))
	msg := sprintf("%s runs a downloaded script through a shell substitution", [docker.stage_label(run.index)])
	res := result.new(msg, run.cmd)
}
