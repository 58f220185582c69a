package checks

import (
	"net"
	"net/url"
)

// trustworthyChecks are the checks of the "trustworthy" criterion.
func trustworthyChecks() []Check {
	return []Check{
		{
			ID: "https", Criterion: "trustworthy",
			Page: httpsPage,
		},
	}
}

// httpsPage fails a page served over plain HTTP. Loopback hosts count as
// secure contexts, as browsers treat them; the evidence says so.
func httpsPage(p *Page, _ Params) Result {
	u, err := url.Parse(p.URL())
	if err != nil {
		return Result{Outcome: Inapplicable}
	}
	switch {
	case u.Scheme == "https":
		return Result{Outcome: Pass}
	case u.Scheme != "http":
		return Result{Outcome: Inapplicable}
	case IsLoopback(u.Hostname()):
		return Result{Outcome: Pass}
	}
	return Verdict([]Evidence{{URL: p.URL(), Message: "fail", Params: map[string]string{"url": p.URL()}}})
}

// IsLoopback reports whether host is localhost or a loopback address, which
// browsers treat as a secure context.
func IsLoopback(host string) bool {
	if host == "localhost" || len(host) > 10 && host[len(host)-10:] == ".localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
