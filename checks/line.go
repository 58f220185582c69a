package checks

import (
	"bytes"
	"cmp"
	"hash/maphash"
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
// (tag, id, name, type, href, src). Keys are 64-bit hashes of the tag and
// the set of attributes (maphash, seeded per page), so that a page of
// 235,000 links is indexed without a string per element.
type lineIndex struct {
	served []keyLine // the served start tags, by key, then line
	rank   map[*html.Node]elementRank
	ids    map[string]*html.Node
	root   *html.Node // the html element
}

// keyLine is a start tag of the served HTML: its key and line.
type keyLine struct {
	key  uint64
	line int
}

// servedLine is the line of the rank-th served start tag with key, or 0.
func (ix *lineIndex) servedLine(key uint64, rank int) int {
	i, _ := slices.BinarySearchFunc(ix.served, key, func(e keyLine, k uint64) int { return cmp.Compare(e.key, k) })
	if i += rank; i < len(ix.served) && ix.served[i].key == key {
		return ix.served[i].line
	}
	return 0
}

// elementRank is an element's exact and loose keys and its rank among the
// rendered elements with each.
type elementRank struct {
	keys  [2]uint64
	ranks [2]int
}

// ServedLine is the line (from 1) of the served HTML where the element
// that selector finds in the rendered DOM starts; 0 when it is not there.
func (p *Page) ServedLine(selector string) int {
	if selector == "" {
		return 0
	}
	st := p.state()
	if st.snap.HTML == "" {
		return 0
	}
	st.lOnce.Do(func() { st.lines = buildLineIndex(st) })
	n, ok := st.lines.resolve(selector)
	if !ok {
		sel := find(st.parsed(), selector)
		if sel.Length() != 1 {
			return 0
		}
		n = sel.Get(0)
	}
	r, ok := st.lines.rank[n]
	if !ok {
		return 0
	}
	for i, k := range r.keys {
		if line := st.lines.servedLine(k, r.ranks[i]); line > 0 {
			return line
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
		if i := strings.Index(step, ":nth-of-type("); i > 0 && strings.HasSuffix(step, ")") {
			if _, err := strconv.Atoi(step[i+len(":nth-of-type(") : len(step)-1]); err != nil {
				return nil, false
			}
		} else if strings.ContainsAny(step, ":.[# ") {
			return nil, false
		}
		n = a11y.NthChild(n, step)
	}
	return n, true
}

// looseAttrs are the attributes scripts seldom change.
var looseAttrs = []string{"id", "name", "type", "href", "src"}

// keyHasher computes the exact and the loose key of a start tag: a hash of
// the tag and of each attribute (the first of repeated ones, as the parser
// keeps), summed so that their order does not count.
type keyHasher struct {
	seed maphash.Seed
	// seen holds the attribute names of the tag so far: a list, or a set
	// for a tag with many.
	seen    []string
	seenSet map[string]bool
}

// attrKeys reports the attributes of a start tag to add, one call each.
type attrKeys func(add func(key, val string))

func (k *keyHasher) keys(tag string, attrs attrKeys) [2]uint64 {
	tagHash := maphash.String(k.seed, tag)
	exact, loose := tagHash, tagHash^0x9e3779b97f4a7c15
	k.seen = k.seen[:0]
	clear(k.seenSet)
	attrs(func(key, val string) {
		if k.repeated(key) {
			return
		}
		var h maphash.Hash
		h.SetSeed(k.seed)
		h.WriteString(key)
		h.WriteByte('=')
		h.WriteString(val)
		sum := h.Sum64()
		exact += sum
		if slices.Contains(looseAttrs, key) {
			loose += sum
		}
	})
	return [2]uint64{exact, loose}
}

// repeated reports whether the tag had attribute key before, and records it.
func (k *keyHasher) repeated(key string) bool {
	const listMax = 16
	if len(k.seen) < listMax {
		if slices.Contains(k.seen, key) {
			return true
		}
		k.seen = append(k.seen, key)
		return false
	}
	if k.seenSet == nil {
		k.seenSet = map[string]bool{}
	}
	if len(k.seenSet) == 0 {
		for _, s := range k.seen {
			k.seenSet[s] = true
		}
	}
	if k.seenSet[key] {
		return true
	}
	k.seenSet[key] = true
	return false
}

func buildLineIndex(st *pageState) *lineIndex {
	ix := &lineIndex{ids: map[string]*html.Node{}}
	kh := &keyHasher{seed: maphash.MakeSeed()}
	z := html.NewTokenizer(strings.NewReader(st.snap.HTML))
	line := 1
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := line
		line += bytes.Count(z.Raw(), []byte{'\n'})
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		for _, k := range kh.keys(string(name), func(add func(key, val string)) {
			for more {
				var key, val []byte
				key, val, more = z.TagAttr()
				add(string(key), string(val))
			}
		}) {
			ix.served = append(ix.served, keyLine{k, start})
		}
	}
	slices.SortFunc(ix.served, func(a, b keyLine) int {
		return cmp.Or(cmp.Compare(a.key, b.key), cmp.Compare(a.line, b.line))
	})
	// The rendered DOM has about as many elements as the served HTML.
	ix.rank = make(map[*html.Node]elementRank, len(ix.served)/2)
	count := make(map[uint64]int, len(ix.served))
	for _, n := range st.parsed().Nodes {
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
				keys := kh.keys(n.Data, func(add func(key, val string)) {
					for _, a := range n.Attr {
						add(a.Key, a.Val)
					}
				})
				ix.rank[n] = elementRank{keys: keys, ranks: [2]int{count[keys[0]], count[keys[1]]}}
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
