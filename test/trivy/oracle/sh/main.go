package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"

	"mvdan.cc/sh/v3/syntax"
)

type out struct {
	Input    string     `json:"input"`
	Commands [][]string `json:"commands"`
	Error    string     `json:"error,omitempty"`
}

func parse(s string) ([][]string, error) {
	f, err := syntax.NewParser().Parse(strings.NewReader(s), "")
	if err != nil {
		return nil, err
	}
	printer := syntax.NewPrinter()
	commands := [][]string{}
	syntax.Walk(f, func(node syntax.Node) bool {
		if call, ok := node.(*syntax.CallExpr); ok {
			var cmd []string
			for _, w := range call.Args {
				var b bytes.Buffer
				printer.Print(&b, w)
				cmd = append(cmd, b.String())
			}
			if cmd != nil {
				commands = append(commands, cmd)
			}
		}
		return true
	})
	return commands, nil
}

func main() {
	var inputs []string
	if err := json.NewDecoder(os.Stdin).Decode(&inputs); err != nil {
		panic(err)
	}
	res := []out{}
	for _, s := range inputs {
		c, err := parse(s)
		o := out{Input: s, Commands: c}
		if err != nil {
			o.Error = err.Error()
			o.Commands = nil
		}
		res = append(res, o)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	enc.Encode(res)
}
