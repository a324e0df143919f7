package palisade.lib.config_test

import rego.v1

import data.palisade.lib.config

test_default_when_missing if {
	config.get("allowed_registries", ["docker.io"]) == ["docker.io"] with data.palisade.config as {}
}

test_configured_value_wins if {
	config.get("allowed_registries", ["docker.io"]) == ["ghcr.io"] with data.palisade.config as {"allowed_registries": ["ghcr.io"]}
}

test_default_without_config_object if {
	config.get("x", 1) == 1 with data.palisade.config as {"y": 2}
}

test_false_is_a_configured_value if {
	config.get("strict", true) == false with data.palisade.config as {"strict": false}
}
