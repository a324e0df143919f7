# METADATA
# title: Build tools in the final image
# description: >-
#   The final image (the last stage and the stages it is built FROM) installs compilers or build
#   tools (gcc, make, build-essential, a JDK, Go, Rust…), or a multi-stage build ends on a
#   toolchain base image. Build in an earlier stage and copy only the artifacts, so the shipped
#   image has a smaller attack surface. Packages removed again in the same RUN (`apk del` of the
#   package or of its `--virtual` group, `apt-get purge`/`remove` of it, or the `apt-mark auto` +
#   `apt-get purge --auto-remove` idiom of the official images, `yum`/`dnf remove`) are not in the
#   image and are not reported. A tool the image needs at run time (an image meant to compile
#   extensions, such as php's phpize dependencies) is a deliberate choice: waive it inline with the
#   reason, or adjust `build_tool_packages`.
# custom:
#   id: DF-049
#   severity: MEDIUM
#   input: [dockerfile]
#   remediation: >-
#     Use a multi-stage build: compile in a `builder` stage and `COPY --from=builder` only the
#     results into a minimal runtime image (distroless, alpine, slim); remove build packages from
#     the final stage. Extend or replace the list with `build_tool_packages` in palisade.yaml.
#   references:
#     - https://docs.docker.com/build/building/multi-stage/
#     - https://docs.docker.com/build/building/best-practices/#use-multi-stage-builds
#   related: [CIS-4.3, DKL-DI-0005]
#   profiles: [recommended, cis-docker]
package palisade.dockerfile.no_build_tools_final_stage

import rego.v1

import data.palisade.lib.config
import data.palisade.lib.docker
import data.palisade.lib.shell

default_build_packages := [
	"build-essential", "gcc", "g++", "cpp", "clang", "llvm", "make", "cmake", "autoconf", "automake",
	"libtool", "pkg-config", "pkgconf", "gcc-c++", "musl-dev", "libc-dev", "libc6-dev", "binutils",
	"golang", "go", "rust", "rustc", "cargo", "maven", "gradle", "openjdk-17-jdk", "openjdk-21-jdk",
	"default-jdk", "java-17-openjdk-devel", "java-21-openjdk-devel", "build-base", "alpine-sdk",
]

# Base images that are toolchains; ending a multi-stage build on one ships the toolchain.
default_build_images := ["golang", "rust", "maven", "gradle", "gcc", "openjdk", "eclipse-temurin:*-jdk*"]

build_packages := {lower(p) | some p in config.get("build_tool_packages", default_build_packages)}

# A package argument names a build tool when its name (without version pin) is in the list.
is_build_package(pkg) if build_packages[lower(regex.replace(pkg, `[=<>~@].*$`, ""))]

deny contains res if {
	some run in docker.runs
	run.index in docker.final_chain
	some ci, c in run.commands
	inst := shell.install(c)
	some pkg in inst.packages
	is_build_package(pkg)
	not removed_later(run.commands, ci, inst, pkg)
	msg := sprintf("%s installs build tool %q into the final image", [docker.stage_label(run.index), pkg])
	res := result.new(msg, run.cmd)
}

deny contains res if {
	count(docker.stages) > 1
	info := docker.stage_infos[docker.final_index]
	ref := lower(info.image)
	some pattern in config.get("build_tool_images", default_build_images)
	toolchain_image(ref, pattern)
	msg := sprintf("the final stage is built FROM toolchain image %q; copy the artifacts into a runtime image instead", [info.image])
	res := result.new(msg, info.from)
}

toolchain_image(ref, pattern) if {
	not contains(pattern, ":")
	name := split(split(ref, "@")[0], ":")[0]
	some candidate in {pattern, concat("/", ["library", pattern]), concat("/", ["docker.io/library", pattern])}
	name == candidate
}

toolchain_image(ref, pattern) if {
	contains(pattern, ":")
	glob.match(pattern, [], ref)
}

# Whether a later command of the same RUN removes what install inst (command ci) added: the
# package itself or its apk `--virtual` group, or every automatically installed package (the
# `apt-mark auto …; apt-get purge --auto-remove` idiom).
removed_later(cmds, ci, inst, pkg) if {
	some cj, c in cmds
	cj > ci
	pm := shell.package_manager(c)
	pm.manager == inst.manager
	pos := shell.positional(pm)
	_remove_verbs[pm.manager][pos[0]]
	some name in array.slice(pos, 1, count(pos))
	name in {pkg, _virtual(inst)}
}

removed_later(cmds, ci, inst, _) if {
	inst.manager == "apt"
	some cm, m in cmds
	cm > ci
	m.program == "apt-mark"
	m.args[0] == "auto"
	some cj, c in cmds
	cj > cm
	pm := shell.package_manager(c)
	pm.manager == "apt"
	_autoremoves(pm)
}

_remove_verbs := {
	"apk": {"del"},
	"apt": {"purge", "remove"},
	"rpm": {"remove", "erase", "autoremove"},
	"zypper": {"remove", "rm"},
}

_autoremoves(pm) if shell.positional(pm)[0] == "autoremove"

_autoremoves(pm) if {
	shell.positional(pm)[0] in {"purge", "remove"}
	shell.has_flag(pm.args, "--auto-remove")
}

# apk's `--virtual NAME` / `-t NAME` group, which `apk del NAME` removes as a whole.
_virtual(inst) := inst.args[i + 1] if {
	some i, a in inst.args
	a in {"--virtual", "-t"}
} else := ""
