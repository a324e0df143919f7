# METADATA
# title: Registry allowlist entry is an open-ended prefix
# description: >-
#   A Gatekeeper K8sAllowedRepos constraint lists a repo that does not end with "/", or a Kyverno
#   policy validates image against a pattern whose part before the first "*" has no "/". Both
#   match by string prefix, so "registry.example.com" also admits
#   registry.example.com.attacker.io/anything, and "*" admits every image.
# custom:
#   id: KC-070
#   severity: HIGH
#   input: [kubernetes]
#   remediation: >-
#     End every allowed repository with "/" (registry.example.com/ or registry.example.com/team/),
#     and write Kyverno patterns as registry.example.com/*.
#   references:
#     - https://open-policy-agent.github.io/gatekeeper-library/website/validation/allowedrepos/
#     - https://kyverno.io/policies/best-practices/restrict-image-registries/restrict-image-registries/
#     - https://avd.aquasec.com/misconfig/ksv0124
#   related: [KSV-0124]
#   profiles: [recommended]
package palisade.kubernetes.admission_registry_prefix

import rego.v1

import data.palisade.lib.cluster
import data.palisade.lib.kubernetes
import data.palisade.lib.config

deny contains res if {
	c := kubernetes.object
	c.kind == "K8sAllowedRepos"
	endswith(cluster.api_group(c), "gatekeeper.sh")
	some i, repo in cluster.get_array(c, ["spec", "parameters", "repos"])
	is_string(repo)
	not endswith(repo, "/")
	msg := sprintf("K8sAllowedRepos \"%s\" allows the open-ended prefix \"%s\"", [cluster.name_of(c), repo])
	res := cluster.result_at(msg, ["spec", "parameters", "repos", i])
}

deny contains res if {
	p := kubernetes.object
	p.kind in {"ClusterPolicy", "Policy"}
	endswith(cluster.api_group(p), "kyverno.io")
	walk(p.spec, [path, value])
	is_string(value)
	count(path) > 0
	regex.match(`^([=^X<+]?\()?image\)?$`, sprintf("%v", [path[count(path) - 1]]))
	some alternative in split(value, "|")
	pattern := trim_space(alternative)
	open_pattern(pattern)
	msg := sprintf("%s \"%s\" allows images matching the open-ended pattern \"%s\"", [p.kind, cluster.name_of(p), pattern])
	res := cluster.result_at(msg, array.concat(["spec"], path))
}

# A wildcard pattern whose literal prefix does not end at a registry or path boundary.
open_pattern(pattern) if {
	not startswith(pattern, "!")
	contains(pattern, "*")
	prefix := split(pattern, "*")[0]
	not contains(prefix, "/")
}
