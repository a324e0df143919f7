package palisade.dockerfile.copy_relative_dest_test

import rego.v1

import data.palisade.dockerfile.copy_relative_dest as policy
import data.palisade.lib.testing.dockerfile as df

test_relative_before_workdir_denied if {
	some r in policy.deny with input as df.dockerfile(["FROM node:20", "COPY package.json ./", "WORKDIR /app"])
	r.msg == `stage 0 (node:20) COPY to relative path "./" before any WORKDIR`
}

test_workdir_in_other_stage_does_not_count if {
	count(policy.deny) == 1 with input as df.dockerfile(["FROM node:20 AS a", "WORKDIR /app", "FROM node:20", "COPY x app/"])
}

test_workdir_first_or_absolute_passes if {
	inp := df.dockerfile(["FROM node:20", "COPY x /opt/x", "WORKDIR /app", "COPY package.json ./", "ADD a.tgz ."])
	count(policy.deny) == 0 with input as inp
}

test_workdir_inherited_from_parent_stage if {
	count(policy.deny) == 0 with input as df.dockerfile(["FROM node:20 AS a", "WORKDIR /app", "FROM a", "COPY x ."])
}
