package palisade.lib.docker_test

import rego.v1

import data.palisade.lib.docker
import data.palisade.lib.testing.dockerfile as df

_multi := df.dockerfile([
	"ARG GO_VERSION=1.22",
	"ARG BASE=gcr.io/distroless/static:nonroot",
	"ARG GO_VERSION=1.23",
	"FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build",
	"USER builder",
	"RUN go build ./...",
	"FROM build AS test",
	"RUN go test ./...",
	"FROM ${BASE}",
	"COPY --from=build /out/app /app",
	"EXPOSE 8080 53/udp 9000-9010 ${PORT}",
	"USER 65532:65532",
])

test_fixture_shape if {
	count(_multi.Stages) == 4
	_multi.Stages[0].Name == ""
	_multi.Stages[1].Commands[0].Value == ["golang:${GO_VERSION}", "AS", "Build"]
	_multi.Stages[1].Commands[0].Flags == ["--platform=$BUILDPLATFORM"]
	_multi.Stages[3].Commands[1].Stage == 2
}

test_stages_skip_the_global_arg_stage if {
	count(docker.stages) == 3 with input as _multi
	count(docker.global_commands) == 3 with input as _multi
}

test_build_args_last_default_wins if {
	docker.build_args == {"GO_VERSION": "1.23", "BASE": "gcr.io/distroless/static:nonroot"} with input as _multi
}

test_build_args_from_config_override if {
	docker.build_args.GO_VERSION == "1.21" with input as _multi
		with data.palisade.config as {"dockerfile_build_args": {"GO_VERSION": "1.21"}}
}

test_substitute_forms if {
	vars := {"A": "x", "E": ""}
	docker.substitute("$A-${A}", vars) == {"value": "x-x", "resolved": true}
	docker.substitute("${B:-d}/${E:-e}/${E-f}/${A:+alt}/${B:+alt}/${A+p}", vars) == {"value": "d/e//alt//p", "resolved": true}
	docker.substitute("img:${MISSING}", vars) == {"value": "img:", "resolved": false}
	docker.substitute("plain", vars) == {"value": "plain", "resolved": true}
}

test_stage_infos if {
	infos := docker.stage_infos with input as _multi
	infos[0].alias == "build"
	infos[0].image == "golang:1.23"
	infos[0].platform == "$BUILDPLATFORM"
	infos[1].alias == "test"
	infos[2].alias == null
	infos[2].image == "gcr.io/distroless/static:nonroot"
	infos[2].platform == null
}

test_base_stage_by_alias_case_insensitive if {
	docker.base_stage(1) == 0 with input as _multi
	not docker.base_stage(0) with input as _multi
	not docker.base_stage(2) with input as _multi
}

test_external_images_skip_stage_refs_scratch_and_unresolved if {
	inp := df.dockerfile(["FROM ${UNSET}", "FROM scratch AS s", "FROM alpine:3.20 AS a", "FROM a"])
	imgs := docker.external_images with input as inp
	[i.image | some i in imgs] == ["alpine:3.20"]
	imgs[0].ref.repository == "library/alpine"
	imgs[0].from.StartLine == 3
}

test_final_stage_and_chain if {
	docker.final_index == 2 with input as _multi
	docker.chain(1) == [0, 1] with input as _multi
	docker.final_chain == [2] with input as _multi
}

test_final_commands_follow_from_stage if {
	inp := df.dockerfile(["FROM alpine AS base", "USER app", "FROM base", "RUN id"])
	[c.Cmd | some c in docker.final_commands] == ["from", "user", "from", "run"] with input as inp
	docker.final_user.Value == ["app"] with input as inp
}

test_final_user if {
	docker.user_name(docker.final_user) == "65532" with input as _multi
	not docker.final_user with input as df.dockerfile(["FROM alpine", "RUN id"])
	not docker.final_user with input as {}
}

test_is_root_user if {
	docker.is_root_user("root")
	docker.is_root_user("0")
	not docker.is_root_user("app")
}

test_stage_label if {
	docker.stage_label(0) == `stage "build"` with input as _multi
	docker.stage_label(2) == "stage 2 (${BASE})" with input as _multi
}

test_exposed_ports if {
	ports := docker.exposed_ports with input as _multi
	[[p.port, p.protocol] | some p in ports] == [["8080", "tcp"], ["53", "udp"], ["9000-9010", "tcp"], ["${PORT}", "tcp"]]
	ports[2].low == 9000
	ports[2].high == 9010
	not ports[3].low
}

test_run_script_forms if {
	docker.run_script({"Cmd": "run", "JSON": false, "Value": ["a && b"]}) == "a && b"
	docker.run_script({"Cmd": "run", "JSON": true, "Value": ["/bin/sh", "-c", "a | b"]}) == "a | b"
	docker.run_script({"Cmd": "run", "JSON": true, "Value": ["apt-get", "install", "x"]}) == "apt-get install x"
}

test_runs if {
	r := docker.runs with input as _multi
	count(r) == 2
	r[1].index == 1
	r[1].commands[0].program == "go"
}

test_flag_value if {
	docker.flag_value({"Flags": ["--from=build", "--chown=1:1"]}, "from") == "build"
	not docker.flag_value({"Flags": null}, "from")
}

test_env_pairs if {
	inp := df.dockerfile(["FROM a", `ENV A=1 B="two words"`, "ENV LEGACY some value"])
	cmds := docker.commands(docker.stages[0], "env") with input as inp
	docker.env_pairs(cmds[0]) == [["A", "1"], ["B", "two words"]]
	docker.env_pairs(cmds[1]) == [["LEGACY", "some value"]]
}

test_unquote if {
	docker.unquote(`"a"`) == "a"
	docker.unquote("'b'") == "b"
	docker.unquote(`"c`) == `"c`
	docker.unquote("") == ""
}

test_empty_input if {
	docker.stages == [] with input as {}
	docker.external_images == [] with input as {"Stages": null}
}

test_cache_mount_targets if {
	cmd := {"Flags": ["--mount=type=cache,target=/var/cache/apt", `--mount="type=cache,dst=/root/.cache"`, "--mount=type=secret,id=x,target=/run/x", "--network=none"]}
	docker.cache_mount_targets(cmd) == {"/var/cache/apt", "/root/.cache"}
	docker.cache_mount_targets({"Flags": null}) == set()
}

test_is_truthy if {
	docker.is_truthy("1")
	docker.is_truthy("yes")
	not docker.is_truthy("0")
	not docker.is_truthy("False")
	not docker.is_truthy("")
}

test_env_before if {
	inp := df.dockerfile(["FROM a", "ENV A=1", "RUN x", "ENV B=2"])
	run := docker.stages[0].Commands[2] with input as inp
	docker.env_before(docker.stages[0].Commands, run) == [["A", "1"]] with input as inp
}
