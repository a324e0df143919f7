// Trivy's cidr.count_addresses / cidr.is_public algorithm (trivy-checks internal/cidr) over Go's net package.
package main

import (
	"encoding/json"
	"net"
	"os"
	"strings"
)

var private []*net.IPNet

func init() {
	for _, c := range []string{"127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "::1/128", "fe80::/10", "fc00::/7", "100.64.0.0/10"} {
		_, b, _ := net.ParseCIDR(c)
		private = append(private, b)
	}
}

func isPrivate(ip net.IP) bool {
	for _, b := range private {
		if b.Contains(ip) {
			return true
		}
	}
	return false
}

func count(s string) uint64 {
	if s == "*" || s == "internet" || s == "any" {
		return 0xffffffffffffffff
	}
	if !strings.Contains(s, "/") {
		if net.ParseIP(s) == nil {
			return 0
		}
		return 1
	}
	_, n, err := net.ParseCIDR(s)
	if err != nil {
		return 0
	}
	ones, bits := n.Mask.Size()
	p := bits - ones
	if p >= 63 {
		return 0xffffffffffffffff
	}
	return 1 << p
}

func public(s string) bool {
	if s == "*" || s == "internet" || s == "any" {
		return true
	}
	if strings.Contains(s, "-") {
		parts := strings.Split(s, "-")
		if len(parts) != 2 {
			return false
		}
		if !isPrivate(net.IP(strings.TrimSpace(parts[0]))) {
			return true
		}
		if !isPrivate(net.IP(strings.TrimSpace(parts[1]))) {
			return true
		}
		return false
	}
	if !strings.Contains(s, "/") {
		ip := net.ParseIP(s)
		if ip == nil {
			return false
		}
		return !isPrivate(ip)
	}
	start, n, err := net.ParseCIDR(s)
	if err != nil {
		return false
	}
	if !isPrivate(start) {
		return true
	}
	raw := make([]byte, len(n.IP))
	copy(raw, n.IP)
	ones, bits := n.Mask.Size()
	for i := 0; i < bits-ones; i++ {
		raw[len(raw)-1-i/8] ^= 1 << (i % 8)
	}
	return !isPrivate(net.IP(raw))
}

type out struct {
	Input    string `json:"input"`
	Count    uint64 `json:"count_addresses"`
	IsPublic bool   `json:"is_public"`
}

func main() {
	var in []string
	json.NewDecoder(os.Stdin).Decode(&in)
	res := []out{}
	for _, s := range in {
		res = append(res, out{s, count(s), public(s)})
	}
	e := json.NewEncoder(os.Stdout)
	e.SetIndent("", " ")
	e.Encode(res)
}
