package crawler

import (
	"regexp"
	"strings"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"HTTP://Example.BE/", "http://example.be/", true},
		{"http://example.be", "http://example.be/", true},
		{"http://example.be:80/a", "http://example.be/a", true},
		{"https://example.be:443/a", "https://example.be/a", true},
		{"https://example.be:8443/a", "https://example.be:8443/a", true},
		{"http://example.be/a#part", "http://example.be/a", true},
		{"http://example.be//a///b", "http://example.be/a/b", true},
		{"http://example.be/%7euser/%c3%a9", "http://example.be/~user/%C3%A9", true},
		{"http://example.be/?b=2&a=1", "http://example.be/?b=2&a=1", true},
		{"http://example.be/a?", "http://example.be/a", true},
		{"http://user:pw@example.be/", "http://example.be/", true},
		{"mailto:someone@example.be", "", false},
		{"javascript:void(0)", "", false},
		{"/relative", "", false},
		{"http://[::1]:8080/x", "http://[::1]:8080/x", true},
	}
	for _, tt := range tests {
		got, ok := Normalize(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRegistrableDomain(t *testing.T) {
	tests := []struct{ host, want string }{
		{"www.example.co.uk", "example.co.uk"},
		{"a.b.example.be", "example.be"},
		{"Example.BE.", "example.be"},
		{"127.0.0.1", "127.0.0.1"},
		{"localhost", "localhost"},
		{"cdn.example.com:8080", "example.com"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := RegistrableDomain(tt.host); got != tt.want {
			t.Errorf("RegistrableDomain(%q) = %q, want %q", tt.host, got, tt.want)
		}
	}
	if thirdParty("static.example.be", "www.example.be") {
		t.Error("a subdomain of the same site counted as third party")
	}
	if !thirdParty("tracker.example", "www.example.be") {
		t.Error("another site not counted as third party")
	}
}

func TestScopeFollows(t *testing.T) {
	origins := newOriginSet()
	origins.add("http://example.be")
	s := &scope{origins: origins, include: []*regexp.Regexp{regexp.MustCompile(`/docs/`)},
		exclude: []*regexp.Regexp{regexp.MustCompile(`/docs/old/`)}}
	tests := []struct {
		url  string
		want bool
	}{
		{"http://example.be/docs/a", true},
		{"http://example.be/docs/old/a", false},
		{"http://example.be/blog/a", false},
		{"https://example.be/docs/a", false},
		{"http://other.be/docs/a", false},
		{"http://example.be/docs/file.pdf", false},
	}
	for _, tt := range tests {
		if got := s.follows(tt.url); got != tt.want {
			t.Errorf("follows(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestFrontierOnceAndLimit(t *testing.T) {
	f := newFrontier(3)
	for _, u := range []string{"a", "b", "a", "c", "d"} {
		f.add(u, 1, false)
	}
	planned, queued := f.counts()
	if planned != 3 || queued != 3 {
		t.Fatalf("planned %d, queued %d; want 3, 3", planned, queued)
	}
	var got []string
	for {
		tk, ok := f.next()
		if !ok {
			break
		}
		got = append(got, tk.url)
		f.finish(tk.rank, nil, func(any) {})
	}
	if len(got) != 3 || got[0] != "a" || got[1] != "b" || got[2] != "c" {
		t.Errorf("order %v, want [a b c]", got)
	}
}

// TestFrontierSettlesInRankOrder hands tasks back in several orders: they
// are settled in rank order every time, start pages only once all of them
// are finished, and a duplicate frees its place in the budget.
func TestFrontierSettlesInRankOrder(t *testing.T) {
	for _, finishOrder := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 0, 2}, {2, 0, 3, 1}} {
		f := newFrontier(5)
		f.add("s1", 0, true)
		f.add("s2", 0, true)
		f.add("a", 1, false)
		f.add("b", 1, false)
		var tasks []task
		for range 4 {
			tk, ok := f.next()
			if !ok {
				t.Fatal("next: no task")
			}
			tasks = append(tasks, tk)
		}
		var settled []string
		settle := func(v any) {
			tk := v.(task)
			settled = append(settled, tk.url)
			if tk.url == "b" && f.claim([]string{"a"}) {
				settled = append(settled, "(b is a duplicate)")
			}
			f.add(tk.url+"/x", tk.depth+1, false)
		}
		for i, r := range finishOrder {
			if i == 0 && r == 0 {
				f.finish(r, tasks[r], settle)
				if len(settled) != 0 {
					t.Errorf("s1 settled before s2 was finished")
				}
				continue
			}
			f.finish(r, tasks[r], settle)
		}
		if want := "s1 s2 a b (b is a duplicate)"; strings.Join(settled, " ") != want {
			t.Errorf("finish order %v: settled %v, want %s", finishOrder, settled, want)
		}
		var rest []string
		for {
			tk, ok := f.next()
			if !ok {
				break
			}
			rest = append(rest, tk.url)
			f.finish(tk.rank, tk, func(any) {})
		}
		// 5 places: s1, s2, a, b and s1/x; b gave its place back, and the
		// next page planned, b/x, took it (a single tab does the same).
		if want := "s1/x b/x"; strings.Join(rest, " ") != want {
			t.Errorf("finish order %v: then planned %v, want %s", finishOrder, rest, want)
		}
	}
}

func TestDepth(t *testing.T) {
	for n, want := range map[int]int{0: StartPagesOnly, -2: StartPagesOnly, 1: 1, DefaultMaxDepth: DefaultMaxDepth, 7: 7} {
		if got := Depth(n); got != want {
			t.Errorf("Depth(%d) = %d, want %d", n, got, want)
		}
	}
}
