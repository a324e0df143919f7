package palisade.scanreport.report_matches_artifact_test

import rego.v1

import data.palisade.scanreport.report_matches_artifact as p

da := "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"

db := "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

trivy := {"SchemaVersion": 2, "ArtifactName": "ghcr.io/acme/app:1.0", "ArtifactType": "container_image", "Metadata": {"RepoDigests": [sprintf("ghcr.io/acme/app@%s", [da])]}, "Results": []}

pod(image) := {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "spec": {"containers": [{"name": "app", "image": image}]}}

inv(image) := [{"path": "pod.yaml", "kind": "kubernetes", "index": 0, "value": pod(image)}]

test_other_digest_fails if {
	[r] := [r | some r in p.deny] with input as trivy with data.palisade.inventory as inv(sprintf("ghcr.io/acme/app@%s", [db]))
	r.msg == sprintf("pod.yaml deploys ghcr.io/acme/app@%s, but the scan report of ghcr.io/acme/app:1.0 covers %s", [db, da])
}

test_same_digest_passes if {
	count(p.deny) == 0 with input as trivy with data.palisade.inventory as inv(sprintf("ghcr.io/acme/app:1.0@%s", [da]))
}

test_tag_only_or_other_repo_passes if {
	count(p.deny) == 0 with input as trivy with data.palisade.inventory as inv("ghcr.io/acme/app:1.0")
	count(p.deny) == 0 with input as trivy with data.palisade.inventory as inv(sprintf("ghcr.io/acme/other@%s", [db]))
	count(p.deny) == 0 with input as trivy with data.palisade.inventory as []
}

test_report_without_digests if {
	local := object.remove(trivy, ["Metadata"])
	[r] := [r | some r in p.deny] with input as local with data.palisade.inventory as inv(sprintf("ghcr.io/acme/app@%s", [da]))
	endswith(r.msg, "covers no digest")
}

test_filesystem_scan_ignored if {
	fs := object.union(object.remove(trivy, ["Metadata"]), {"ArtifactType": "filesystem"})
	count(p.deny) == 0 with input as fs with data.palisade.inventory as inv(sprintf("ghcr.io/acme/app@%s", [db]))
}

test_grype_manifest_digest if {
	g := {"matches": [], "descriptor": {}, "source": {"type": "image", "target": {"userInput": "ghcr.io/acme/app:1.0", "manifestDigest": db, "repoDigests": []}}}
	compose := [{"path": "compose.yaml", "kind": "compose", "index": 0, "value": {"services": {"web": {"image": sprintf("ghcr.io/acme/app@%s", [db])}}}}]
	count(p.deny) == 0 with input as g with data.palisade.inventory as compose
	count(p.deny) == 1 with input as g with data.palisade.inventory as inv(sprintf("ghcr.io/acme/app@%s", [da]))
}
