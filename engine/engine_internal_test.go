package engine

import "testing"

func TestIsLoopbackURL(t *testing.T) {
	for u, want := range map[string]bool{
		"http://127.0.0.1:8080/x": true, "http://[::1]:9/": true, "http://localhost/": true,
		"https://example.be/": false, "http://10.0.0.1/": false, "::bad": false,
	} {
		if got := isLoopbackURL(u); got != want {
			t.Errorf("isLoopbackURL(%q) = %v, want %v", u, got, want)
		}
	}
}
