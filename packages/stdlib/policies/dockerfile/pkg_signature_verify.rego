# METADATA
# title: Package signature checks disabled
# description: A package manager call disables signature verification (apk --allow-untrusted, apt --allow-unauthenticated/--force-yes/[trusted=yes], yum/dnf --nogpgcheck or gpgcheck=0, rpm --nosignature, zypper --no-gpg-checks), so tampered packages install silently.
# custom:
#   id: DF-034
#   severity: HIGH
#   input: [dockerfile]
#   remediation: Import the repository signing key instead of disabling signature checks.
#   references:
#     - https://wiki.debian.org/SecureApt
#     - https://www.cisecurity.org/benchmark/docker
#   related: [CKV2_DOCKER_7, CKV2_DOCKER_8, CKV2_DOCKER_9, CKV2_DOCKER_10, CKV2_DOCKER_11, CIS-4.11]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.pkg_signature_verify

import rego.v1

import data.palisade.lib.docker

# Label → pattern over one shell command (quotes removed); checked per command so `echo` text
# about a flag in another command does not count, but `echo "deb [trusted=yes] …" > sources` does.
_patterns := {
	"apk --allow-untrusted": `^apk\s.*--allow-untrusted\b`,
	"apt --allow-unauthenticated": `^(apt-get|apt|aptitude)\s.*--(allow-unauthenticated|allow-insecure-repositories)\b`,
	"apt --force-yes": `^(apt-get|apt|aptitude)\s.*--force-yes\b`,
	"apt AllowUnauthenticated": `(?i)APT::Get::AllowUnauthenticated\s*=?\s*"?(true|1|yes)`,
	"apt [trusted=yes] repository": `\[([^\]]*\s)?trusted=yes`,
	"yum/dnf --nogpgcheck": `^(yum|dnf|microdnf|tdnf)\s.*--nogpgcheck\b`,
	"gpgcheck=0": `(?i)\b(repo_)?gpgcheck\s*=\s*(0|false|no)\b`,
	"rpm --nosignature": `^rpm\s.*--(nosignature|nodigest)\b`,
	"zypper --no-gpg-checks": `^zypper\s.*--no-gpg-checks\b`,
}

# All patterns as one alternation (flags such as `(?i)` stay inside their group): one search per
# command, and the patterns one by one only for a line that matches one of them. A RUN of
# 100,000 commands made nine searches per command.
_any_pattern := concat("|", [concat("", ["(?:", p, ")"]) | some p in _patterns])

deny contains res if {
	some run in docker.runs
	some c in run.commands
	line := concat(" ", array.concat([c.program], c.args))
	regex.match(_any_pattern, line)
	some label, pattern in _patterns
	regex.match(pattern, line)
	msg := sprintf("%s disables package signature verification (%s)", [docker.stage_label(run.index), label])
	res := result.new(msg, run.cmd)
}
