package crawler

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// ErrRefusedAddress is wrapped by the error of a connection that
// Options.AllowIP refused.
var ErrRefusedAddress = errors.New("address refused")

// blockedPrefixes are the ranges PublicOnly refuses: this host, private
// networks, link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254
// included), CGNAT, benchmarking, documentation, multicast and reserved
// space, in IPv4 and IPv6.
var blockedPrefixes = func() []netip.Prefix {
	var out []netip.Prefix
	for _, s := range []string{
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
		"192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
		"::/128", "::1/128", "100::/64", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
	} {
		out = append(out, netip.MustParsePrefix(s))
	}
	return out
}()

// PublicOnly is an Options.AllowIP that refuses every address that is not
// on the public internet: loopback, private, link-local, CGNAT, metadata,
// multicast and reserved ranges, IPv4 and IPv6, also when an IPv4 address
// hides in an IPv6 one (::ffff:10.0.0.1, 64:ff9b::10.0.0.1, 2002:0a00:0001::).
func PublicOnly(ip net.IP) error {
	a, ok := netip.AddrFromSlice(ip)
	if !ok {
		return fmt.Errorf("%w: %q is not an IP address", ErrRefusedAddress, ip)
	}
	a = a.Unmap()
	if a.Is6() {
		b := a.As16()
		switch {
		case netip.MustParsePrefix("64:ff9b::/96").Contains(a):
			a = netip.AddrFrom4([4]byte(b[12:16]))
		case netip.MustParsePrefix("2002::/16").Contains(a):
			a = netip.AddrFrom4([4]byte(b[2:6]))
		}
	}
	for _, p := range blockedPrefixes {
		if p.Contains(a) {
			return fmt.Errorf("%w: %s is on a local or private network (%s)", ErrRefusedAddress, ip, p)
		}
	}
	return nil
}

// guardedDial returns a dial function that resolves the host itself,
// refuses it when AllowIP refuses any of its addresses, and connects to the
// address it checked (so a second lookup cannot give another one).
func guardedDial(allow func(net.IP) error) func(ctx context.Context, network, addr string) (net.Conn, error) {
	d := &net.Dialer{Timeout: 10 * time.Second}
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		ips, err := net.DefaultResolver.LookupIPAddr(ctx, host)
		if err != nil {
			return nil, err
		}
		for _, ip := range ips {
			if err := allow(ip.IP); err != nil {
				return nil, fmt.Errorf("%s: %w", host, err)
			}
		}
		if len(ips) == 0 {
			return nil, fmt.Errorf("%s: no address", host)
		}
		return d.DialContext(ctx, network, net.JoinHostPort(ips[0].IP.String(), port))
	}
}

// guardProxy is the forward proxy the browser goes through when
// Options.AllowIP is set: Chromium resolves names itself, so only a proxy
// that dials with guardedDial can check where its requests go. With
// BlockOutside it also refuses hosts outside the scanned origins, as the
// dead proxy does without a guard.
type guardProxy struct {
	srv     *http.Server
	addr    string
	dial    func(ctx context.Context, network, addr string) (net.Conn, error)
	outside func(origin string) bool
	client  *http.Transport
	wg      sync.WaitGroup

	mu    sync.Mutex
	conns map[net.Conn]bool // tunnelled connections, closed with the proxy
}

// startGuardProxy listens on a free loopback port. outside, when not nil,
// says which origins (scheme://host[:port]) to refuse.
func startGuardProxy(allow func(net.IP) error, outside func(string) bool) (*guardProxy, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("start guard proxy: %w", err)
	}
	p := &guardProxy{addr: ln.Addr().String(), dial: guardedDial(allow), outside: outside, conns: map[net.Conn]bool{}}
	p.client = &http.Transport{DialContext: p.dial, Proxy: nil, MaxIdleConnsPerHost: 4, IdleConnTimeout: 30 * time.Second}
	p.srv = &http.Server{Handler: p, ReadHeaderTimeout: 30 * time.Second}
	p.wg.Go(func() { _ = p.srv.Serve(ln) })
	return p, nil
}

// close stops the proxy and every connection through it.
func (p *guardProxy) close() {
	_ = p.srv.Close()
	p.client.CloseIdleConnections()
	p.mu.Lock()
	for c := range p.conns {
		c.Close()
	}
	p.mu.Unlock()
	p.wg.Wait()
}

// track records c until the proxy closes, or forgets it (add false).
func (p *guardProxy) track(c net.Conn, add bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if add {
		p.conns[c] = true
	} else {
		delete(p.conns, c)
	}
}

// ServeHTTP tunnels CONNECT requests and forwards plain HTTP ones. A refused
// destination gets its connection closed, so the browser sees a network
// error, as with a dead proxy.
func (p *guardProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodConnect {
		p.tunnel(w, r)
		return
	}
	if r.URL.Host == "" || (p.outside != nil && p.outside(r.URL.Scheme+"://"+stripPort(r.URL.Host, r.URL.Scheme))) {
		refuse(w)
		return
	}
	out := r.Clone(r.Context())
	out.RequestURI = ""
	for _, h := range []string{"Proxy-Connection", "Proxy-Authorization", "Connection", "Keep-Alive", "Te", "Trailer", "Upgrade"} {
		out.Header.Del(h)
	}
	resp, err := p.client.RoundTrip(out)
	if err != nil {
		refuse(w)
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		w.Header()[k] = vs
	}
	w.WriteHeader(resp.StatusCode)
	_, _ = io.Copy(w, resp.Body)
}

func (p *guardProxy) tunnel(w http.ResponseWriter, r *http.Request) {
	if p.outside != nil && p.outside("https://"+stripPort(r.Host, "https")) {
		refuse(w)
		return
	}
	up, err := p.dial(r.Context(), "tcp", r.Host)
	if err != nil {
		refuse(w)
		return
	}
	hj, ok := w.(http.Hijacker)
	if !ok {
		up.Close()
		refuse(w)
		return
	}
	down, buf, err := hj.Hijack()
	if err != nil {
		up.Close()
		return
	}
	p.track(up, true)
	p.track(down, true)
	defer p.track(up, false)
	defer p.track(down, false)
	_, _ = down.Write([]byte("HTTP/1.1 200 Connection established\r\n\r\n"))
	p.wg.Go(func() {
		if n := buf.Reader.Buffered(); n > 0 {
			b, _ := buf.Reader.Peek(n)
			_, _ = up.Write(b)
		}
		_, _ = io.Copy(up, down)
		up.Close()
	})
	_, _ = io.Copy(down, up)
	down.Close()
}

// refuse closes the client's connection without an answer.
func refuse(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			c.Close()
			return
		}
	}
	http.Error(w, "refused", http.StatusForbidden)
}

// stripPort drops the scheme's default port, as origin keys have none.
func stripPort(host, scheme string) string {
	if scheme == "https" {
		return strings.TrimSuffix(host, ":443")
	}
	return strings.TrimSuffix(host, ":80")
}

// startGuard starts the proxy that applies o.AllowIP to the browser and
// points o (and the crawl's copy) at it.
func (c *crawl) startGuard(o *Options) (func(), error) {
	var outside func(string) bool
	if o.BlockOutside {
		outside = func(og string) bool { return !c.origins.has(og) }
	}
	p, err := startGuardProxy(o.AllowIP, outside)
	if err != nil {
		return nil, err
	}
	o.guardProxy = p.addr
	c.o.guardProxy = p.addr
	return p.close, nil
}
