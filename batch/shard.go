package batch

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is part K of N of a sites list (1 ≤ K ≤ N). The zero Shard is the
// whole list.
type Shard struct{ K, N int }

// ParseShard reads "K/N", shards numbered from 1. The error says what is
// wrong and, for 0/N, how to count from a 0-based index.
func ParseShard(s string) (Shard, error) {
	ks, ns, ok := strings.Cut(strings.TrimSpace(s), "/")
	k, kerr := strconv.Atoi(strings.TrimSpace(ks))
	n, nerr := strconv.Atoi(strings.TrimSpace(ns))
	switch {
	case !ok || kerr != nil || nerr != nil:
		return Shard{}, fmt.Errorf("%q is not K/N (for example 2/3: the second of three shards)", s)
	case n < 1:
		return Shard{}, fmt.Errorf("%q: N must be at least 1", s)
	case k == 0:
		return Shard{}, fmt.Errorf("%q: shards are numbered from 1 to %d; from a 0-based index such as JOB_COMPLETION_INDEX, give $((JOB_COMPLETION_INDEX + 1))/%d", s, n, n)
	case k < 1 || k > n:
		return Shard{}, fmt.Errorf("%q: K must be from 1 to %d", s, n)
	}
	return Shard{K: k, N: n}, nil
}

// String is "K/N", or "" for the whole list.
func (s Shard) String() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.K, s.N)
}

// ShardOf is the shard (1..n) a site's key belongs to: FNV-1a of the key
// modulo n. It depends on the key and n only, so shards need no
// coordination and a site stays in its shard when others are added.
func ShardOf(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64()%uint64(n)) + 1
}

// Select returns the sites of shard s, in their order.
func (s Shard) Select(sites []Site) []Site {
	if s.N == 0 {
		return sites
	}
	var out []Site
	for _, site := range sites {
		if ShardOf(site.Key, s.N) == s.K {
			out = append(out, site)
		}
	}
	return out
}
