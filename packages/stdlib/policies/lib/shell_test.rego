package palisade.lib.shell_test

import rego.v1

import data.palisade.lib.shell

test_tokens_keep_quoted_words_and_operators if {
	shell.tokens(`a && b "c d" 2>&1 | e; f 'g;h'`) == ["a", "&&", "b", `"c d"`, "2>&1", "|", "e", ";", "f", "'g;h'"]
}

test_commands_split_on_every_operator if {
	cmds := shell.commands("apt-get update && apt-get install -y curl || true; echo a | tee b\nls &")
	[c.program | some c in cmds] == ["apt-get", "apt-get", "true", "echo", "tee", "ls"]
	cmds[1].args == ["install", "-y", "curl"]
	cmds[3].op_after == "|"
	cmds[4].op_before == "|"
	cmds[4].pos == cmds[3].pos + 1
	cmds[0].op_before == ""
}

test_commands_strip_assignments_and_wrappers if {
	cmds := shell.commands("CGO_ENABLED=0 GOOS=linux go build ./... && sudo -u app -E /usr/bin/make install")
	cmds[0].program == "go"
	cmds[0].argv == ["go", "build", "./..."]
	cmds[1].program == "make"
	cmds[1].args == ["install"]
}

test_commands_quotes_removed_and_empty_segments_dropped if {
	cmds := shell.commands(`set -e;; echo "a b" 'c'`)
	count(cmds) == 2
	cmds[1].argv == ["echo", "a b", "c"]
}

test_commands_of_empty_script if {
	shell.commands("") == []
}

test_raw_words_keep_sudo if {
	"sudo" in shell.raw_words("x && sudo make")
}

test_basename if {
	shell.basename("/usr/bin/apt-get") == "apt-get"
	shell.basename("apk") == "apk"
}

test_install_apt_with_option_values if {
	cmd := shell.commands("apt-get -o Dpkg::Options::=--force-confnew install -y --no-install-recommends curl=7.88 git")[0]
	inst := shell.install(cmd)
	inst.manager == "apt"
	inst.packages == ["curl=7.88", "git"]
}

test_install_apk_virtual_value_is_not_a_package if {
	inst := shell.install(shell.commands("apk add --no-cache --virtual .build-deps gcc=13.2.1-r0")[0])
	inst.manager == "apk"
	inst.packages == ["gcc=13.2.1-r0"]
}

test_install_python_m_pip if {
	inst := shell.install(shell.commands("python3 -m pip install --no-cache-dir -r requirements.txt flask==3.0")[0])
	inst.manager == "pip"
	inst.packages == ["flask==3.0"]
}

test_install_other_managers if {
	shell.install(shell.commands("dnf install -y nginx")[0]).manager == "rpm"
	shell.install(shell.commands("zypper -n in vim")[0]).packages == ["vim"]
	shell.install(shell.commands("npm i -g typescript@5.4.5")[0]).packages == ["typescript@5.4.5"]
	shell.install(shell.commands("go install golang.org/x/tools/gopls@v0.16.1")[0]).manager == "go"
	shell.install(shell.commands("gem install -v 2.5 bundler")[0]).packages == ["bundler"]
	shell.install(shell.commands("yarn install --frozen-lockfile")[0]).packages == []
}

test_not_an_install if {
	not shell.install(shell.commands("apt-get update")[0])
	not shell.install(shell.commands("pip download x")[0])
	not shell.install(shell.commands("echo apt-get install x")[0])
}

test_verb if {
	shell.verb(shell.commands("apt-get -qq update")[0]) == "update"
	shell.verb(shell.commands("zypper --non-interactive refresh")[0]) == "refresh"
}

test_has_flag if {
	shell.has_flag(["install", "-y"], "-y")
	shell.has_flag(["-qqy", "install"], "-y")
	shell.has_flag(["--no-cache"], "--no-cache")
	shell.has_flag(["--setopt=x"], "--setopt")
	not shell.has_flag(["--yes-no"], "--yes")
	not shell.has_flag(["--no-cache-dir"], "-y")
	not shell.has_flag(["install"], "-y")
}

test_pinned_per_manager if {
	shell.pinned({"manager": "apt", "args": []}, "curl=7.88.1-10")
	not shell.pinned({"manager": "apt", "args": []}, "curl")
	shell.pinned({"manager": "apk", "args": []}, "curl~8.5")
	shell.pinned({"manager": "rpm", "args": []}, "nginx-1.24.0")
	not shell.pinned({"manager": "rpm", "args": []}, "python3-pip")
	shell.pinned({"manager": "zypper", "args": []}, "vim>=9")
	shell.pinned({"manager": "pip", "args": []}, "flask[async]==3.0.3")
	not shell.pinned({"manager": "pip", "args": []}, "flask")
	shell.pinned({"manager": "npm", "args": []}, "@types/node@20.11.0")
	not shell.pinned({"manager": "npm", "args": []}, "@types/node")
	not shell.pinned({"manager": "npm", "args": []}, "left-pad@latest")
	shell.pinned({"manager": "gem", "args": []}, "rails:7.1.3")
	shell.pinned({"manager": "gem", "args": ["-v", "7.1"]}, "rails")
	shell.pinned({"manager": "go", "args": []}, "example.com/tool@v1.2.3")
	not shell.pinned({"manager": "go", "args": []}, "example.com/tool@latest")
}

test_pinned_files_and_paths if {
	shell.pinned({"manager": "apt", "args": []}, "./pkg.deb")
	shell.pinned({"manager": "pip", "args": []}, "git+https://github.com/a/b")
	shell.pinned({"manager": "rpm", "args": []}, "https://example.com/x.rpm")
}

# A simulated install installs nothing.
test_install_apt_simulate_is_not_an_install if {
	not shell.install(shell.commands(`apt-get install -s "postgresql-16-jit"`)[0])
	not shell.install(shell.commands("apt-get --dry-run install curl")[0])
	not shell.install(shell.commands("apt-get install -qsy curl")[0])
	shell.install(shell.commands("apt-get install -y --no-install-recommends curl")[0]).packages == ["curl"]
}
