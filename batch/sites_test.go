package batch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSites(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     []Site
		err      string
	}{
		{name: "text", in: "# municipalities\nhttps://a.example.be/\n\n  HTTPS://B.example.be:443/x#top\n",
			want: []Site{{URL: "https://a.example.be/", Key: "https://a.example.be/", Line: 2},
				{URL: "HTTPS://B.example.be:443/x#top", Key: "https://b.example.be/x", Line: 4}}},
		{name: "csv", in: "url,name,group,answers\nhttps://a.be/,Aalst,Oost-Vlaanderen,a.yaml\n\"https://b.be/\",\"Brugge, stad\",West-Vlaanderen,\n",
			want: []Site{{URL: "https://a.be/", Key: "https://a.be/", Name: "Aalst", Group: "Oost-Vlaanderen", Answers: "a.yaml", Line: 2},
				{URL: "https://b.be/", Key: "https://b.be/", Name: "Brugge, stad", Group: "West-Vlaanderen", Line: 3}}},
		{name: "csv in another order", in: "group,url\nG,https://a.be/\n",
			want: []Site{{URL: "https://a.be/", Key: "https://a.be/", Group: "G", Line: 2}}},
		{name: "not a URL", in: "https://a.be/\n  ftp://b.be/\n", err: "sites.txt:2:3: \"ftp://b.be/\" is not an absolute http:// or https:// URL"},
		{name: "twice", in: "https://a.be/\nhttps://A.be\n", err: "sites.txt:2:1: https://A.be is already on line 1"},
		{name: "unknown column", in: "url,naam\nhttps://a.be/,x\n", err: "sites.txt:1:5: unknown column \"naam\""},
		{name: "field count", in: "url,name\nhttps://a.be/,x,y\n", err: "sites.txt:2:"},
		{name: "bad csv URL", in: "name,url\nx,nope\n", err: "sites.txt:2:3: \"nope\" is not"},
		{name: "empty", in: "# nothing\n", err: "sites.txt:1:1: no site"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseSites("sites.txt", []byte(c.in))
			if c.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, got)
		})
	}
}

func TestSlug(t *testing.T) {
	seen := map[string]string{}
	for _, k := range []string{"https://a.be/", "http://a.be/", "https://a.be/x?y=1", "https://a.be/x?y=2",
		"https://" + strings.Repeat("long", 40) + ".be/", "https://é.be/../<script>"} {
		s := Slug(k)
		assert.Regexp(t, `^[a-z0-9-]{1,48}-[0-9a-f]{10}$|^-?[0-9a-f]{10}$`, s, k)
		assert.NotContains(t, seen, s, "%s and %s share a slug", k, seen[s])
		seen[s] = k
	}
	assert.Equal(t, "a-be-x-y-1-"+Slug("https://a.be/x?y=1")[11:], Slug("https://a.be/x?y=1"))
}

func TestParseShard(t *testing.T) {
	for in, want := range map[string]string{
		"1/1": "1/1", "2/3": "2/3", " 16/16 ": "16/16",
		"0/3": "numbered from 1 to 3", "4/3": "K must be from 1 to 3", "1/0": "N must be at least 1",
		"-1/3": "K must be", "3": "is not K/N", "a/b": "is not K/N", "": "is not K/N",
	} {
		s, err := ParseShard(in)
		if err != nil {
			assert.Contains(t, err.Error(), want, in)
			continue
		}
		assert.Equal(t, want, s.String(), in)
	}
}

// sitesN makes n sites with varied hosts and paths.
func sitesN(n int, prefix string) []Site {
	var out []Site
	for i := range n {
		key := fmt.Sprintf("https://%s%d.example.be/", prefix, i)
		if i%3 == 0 {
			key += fmt.Sprintf("dienst/%d", i*7)
		}
		out = append(out, Site{URL: key, Key: key})
	}
	return out
}

// TestShardsPartition: for N from 1 to 16, every site is in exactly one
// shard, the shards are near in size, and a site's shard does not change
// when other sites are added to the list.
func TestShardsPartition(t *testing.T) {
	sites := sitesN(600, "gemeente")
	more := append(append([]Site(nil), sites...), sitesN(400, "service")...)
	for n := 1; n <= 16; n++ {
		in := map[string]int{}
		for k := 1; k <= n; k++ {
			part := Shard{K: k, N: n}.Select(sites)
			if n > 1 {
				assert.InDelta(t, len(sites)/n, len(part), float64(len(sites)/n)/2+5, "shard %d/%d has %d sites", k, n, len(part))
			}
			for _, s := range part {
				in[s.Key]++
			}
			grown := Shard{K: k, N: n}.Select(more)
			assert.Equal(t, part, grown[:len(part)], "shard %d/%d changed when sites were added", k, n)
			for _, s := range grown[len(part):] {
				assert.Contains(t, s.Key, "service", "shard %d/%d gained an old site", k, n)
			}
		}
		require.Len(t, in, len(sites), "N=%d: sites in no shard", n)
		for key, c := range in {
			require.Equal(t, 1, c, "N=%d: %s is in %d shards", n, key, c)
		}
	}
}
