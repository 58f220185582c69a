package checks

import (
	"slices"
	"strconv"
	"strings"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"
)

// lineIndex finds elements of the rendered DOM in the HTML as served, so
// that evidence can name a line (SARIF regions, editors). An element is
// matched by its tag and attributes and by its rank among the elements with
// the same ones; when a script changed its attributes, by a looser key
// (tag, id, name, type, href, src).
type lineIndex struct {
	served map[string][]int // key → lines, in document order
	rank   map[*html.Node][2]string
	ranks  map[*html.Node][2]int
	ids    map[string]*html.Node
	root   *html.Node // the html element
}

// ServedLine is the line (from 1) of the served HTML where the element
// that selector finds in the rendered DOM starts; 0 when it is not there.
func (p *Page) ServedLine(selector string) int {
	if selector == "" || p.Snap.HTML == "" {
		return 0
	}
	p.lOnce.Do(func() { p.lines = buildLineIndex(p) })
	n, ok := p.lines.resolve(selector)
	if !ok {
		sel := p.Doc().Find(selector)
		if sel.Length() != 1 {
			return 0
		}
		n = sel.Get(0)
	}
	keys, ranks := p.lines.rank[n], p.lines.ranks[n]
	for i, k := range keys {
		if lines := p.lines.served[k]; ranks[i] < len(lines) {
			return lines[ranks[i]]
		}
	}
	return 0
}

// resolve follows a selector of the form Selector makes ("#id" or "html",
// then "tag" and "tag:nth-of-type(n)" steps) in linear time; ok is false
// when it has another form. (A general CSS engine counts siblings again for
// every nth-of-type: quadratic on long lists.)
func (ix *lineIndex) resolve(selector string) (n *html.Node, ok bool) {
	steps := strings.Split(selector, " > ")
	switch first := steps[0]; {
	case strings.HasPrefix(first, "#") && a11y.SimpleIdent(first[1:]):
		n = ix.ids[first[1:]]
	case first == "html":
		n = ix.root
	default:
		return nil, false
	}
	for _, step := range steps[1:] {
		if n == nil {
			return nil, true
		}
		tag, nth := step, 1
		if i := strings.Index(step, ":nth-of-type("); i > 0 && strings.HasSuffix(step, ")") {
			k, err := strconv.Atoi(step[i+len(":nth-of-type(") : len(step)-1])
			if err != nil {
				return nil, false
			}
			tag, nth = step[:i], k
		} else if strings.ContainsAny(step, ":.[# ") {
			return nil, false
		}
		var next *html.Node
		for c := n.FirstChild; c != nil && next == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.Data == tag {
				if nth--; nth == 0 {
					next = c
				}
			}
		}
		n = next
	}
	return n, true
}

// looseAttrs are the attributes scripts seldom change.
var looseAttrs = []string{"id", "name", "type", "href", "src"}

// elementKeys are the exact and the loose key of a start tag.
func elementKeys(tag string, attrs []html.Attribute) [2]string {
	var exact, loose []string
	seen := map[string]bool{}
	for _, a := range attrs {
		if seen[a.Key] {
			continue // the parser keeps the first of repeated attributes
		}
		seen[a.Key] = true
		exact = append(exact, a.Key+"="+a.Val)
		if slices.Contains(looseAttrs, a.Key) {
			loose = append(loose, a.Key+"="+a.Val)
		}
	}
	slices.Sort(exact)
	slices.Sort(loose)
	return [2]string{"=" + tag + "\x00" + strings.Join(exact, "\x00"), "~" + tag + "\x00" + strings.Join(loose, "\x00")}
}

func buildLineIndex(p *Page) *lineIndex {
	ix := &lineIndex{served: map[string][]int{}, rank: map[*html.Node][2]string{}, ranks: map[*html.Node][2]int{}, ids: map[string]*html.Node{}}
	z := html.NewTokenizer(strings.NewReader(p.Snap.HTML))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := line
		line += strings.Count(string(raw), "\n")
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		t := z.Token()
		for _, k := range elementKeys(t.Data, t.Attr) {
			ix.served[k] = append(ix.served[k], start)
		}
	}
	count := map[string]int{}
	for _, n := range p.Doc().Nodes {
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				if n.Data == "html" && ix.root == nil {
					ix.root = n
				}
				if id := attr(n, "id"); id != "" {
					if _, dup := ix.ids[id]; dup {
						ix.ids[id] = nil // not unique: Selector never anchors on it
					} else {
						ix.ids[id] = n
					}
				}
				keys := elementKeys(n.Data, n.Attr)
				ix.rank[n] = keys
				ix.ranks[n] = [2]int{count[keys[0]], count[keys[1]]}
				count[keys[0]]++
				count[keys[1]]++
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(n)
	}
	return ix
}

// fillLines sets the served line of each evidence item on page p.
func fillLines(p *Page, ev []Evidence) {
	for i := range ev {
		if ev[i].Line == 0 && ev[i].URL == p.URL() {
			ev[i].Line = p.ServedLine(ev[i].Selector)
		}
	}
}
