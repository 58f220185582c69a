package checks

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/didi-index/didi/checks/internal/a11y"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// SnippetMax is the longest HTML snippet kept as evidence, in characters.
const SnippetMax = 200

// Selector returns a CSS selector that finds exactly the first element of
// sel in its document: the nearest ancestor with a unique id, then
// tag:nth-of-type steps down to the element.
func Selector(sel *goquery.Selection) string {
	if sel.Length() == 0 {
		return ""
	}
	n := sel.Get(0)
	return nodeSelector(n, func(id string) bool { return uniqueID(n, id) })
}

// nodeSelector builds the selector of n; unique tells whether an id is
// unique in the document.
func nodeSelector(n *html.Node, unique func(id string) bool) string {
	var steps []string
	for ; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if id := attr(n, "id"); id != "" && a11y.SimpleIdent(id) && unique(id) {
			steps = append(steps, "#"+id)
			break
		}
		if n.Data == "html" || n.Data == "body" || n.Data == "head" {
			steps = append(steps, n.Data)
			if n.Data == "html" {
				break
			}
			continue
		}
		steps = append(steps, fmt.Sprintf("%s:nth-of-type(%d)", n.Data, a11y.NthOfType(n)))
	}
	for i, j := 0, len(steps)-1; i < j; i, j = i+1, j-1 {
		steps[i], steps[j] = steps[j], steps[i]
	}
	return strings.Join(steps, " > ")
}

// Snippet returns the element's outer HTML, its start tag and a short text
// when long, shortened to SnippetMax characters with an ellipsis.
func Snippet(sel *goquery.Selection) string {
	if sel.Length() == 0 {
		return ""
	}
	h, err := goquery.OuterHtml(sel.First())
	if err != nil {
		return ""
	}
	return Shorten(strings.Join(strings.Fields(h), " "), SnippetMax)
}

// Shorten cuts s to at most max characters, ending with "…" when cut.
func Shorten(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}

// Evidence builds evidence for the first element of sel with message key and
// params given as name, value pairs.
func EvidenceFor(sel *goquery.Selection, message string, kv ...string) Evidence {
	e := Evidence{Selector: Selector(sel), Snippet: Snippet(sel), Message: message}
	if len(kv) > 0 {
		e.Params = map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.Params[kv[i]] = kv[i+1]
		}
	}
	return e
}

// Verdict turns a list of evidence into a result: fail when there is any,
// pass otherwise.
func Verdict(ev []Evidence) Result {
	if len(ev) > 0 {
		return Result{Outcome: Fail, Evidence: ev}
	}
	return Result{Outcome: Pass}
}

// VerdictOrReview is Verdict, except that with no failure but some doubtful
// elements the outcome is needs_review.
func VerdictOrReview(fails, review []Evidence) Result {
	if len(fails) == 0 && len(review) > 0 {
		return Result{Outcome: NeedsReview, Evidence: review}
	}
	return Verdict(fails)
}

// attr is the value of n's attribute name ("" when absent).
func attr(n *html.Node, name string) string { return a11y.Value(n, name) }

// nthOfType is n's position among its siblings of the same tag, from 1. A
// parent with many children is indexed once (see domMemo), so that the
// selectors of all its children cost linear time, not quadratic.
func nthOfType(n *html.Node) int {
	i := 1
	s := n.PrevSibling
	for steps := 0; s != nil && steps < memoMinSiblings; s, steps = s.PrevSibling, steps+1 {
		if s.Type == html.ElementNode && s.Data == n.Data {
			i++
		}
	}
	if s == nil || n.Parent == nil {
		return i
	}
	return domMemo.nth(n)
}

// memoMinSiblings is how many previous siblings nthOfType counts before it
// turns to the memo.
const memoMinSiblings = 64

// memoMaxEntries bounds the memo: it is emptied before it holds more
// nodes (a few documents' worth), so that it keeps few parsed pages alive
// (its nodes hold their whole document).
const memoMaxEntries = 1 << 16

// domMemo remembers, for the documents checked lately, the nth-of-type
// position of the children of big parents and how often each id occurs.
// Checks of one page run in parallel, hence the lock.
var domMemo = &memo{}

type memo struct {
	mu      sync.Mutex
	size    int
	nthPos  map[*html.Node]int
	idCount map[*html.Node]map[string]int
}

func (m *memo) grow(by int) {
	if (m.size > 0 && m.size+by > memoMaxEntries) || m.nthPos == nil {
		m.nthPos, m.idCount, m.size = map[*html.Node]int{}, map[*html.Node]map[string]int{}, 0
	}
	m.size += by
}

func (m *memo) nth(n *html.Node) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if i, ok := m.nthPos[n]; ok {
		return i
	}
	count := map[string]int{}
	kids := 0
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		kids++
	}
	m.grow(kids)
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count[c.Data]++
			m.nthPos[c] = count[c.Data]
		}
	}
	return m.nthPos[n]
}

// ids returns how often each id occurs in the document of root.
func (m *memo) ids(root *html.Node) map[string]int {
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.idCount[root]; ok {
		return c
	}
	c := map[string]int{}
	nodes := 0
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		nodes++
		if x.Type == html.ElementNode {
			if id := attr(x, "id"); id != "" {
				c[id]++
			}
		}
		for k := x.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(root)
	m.grow(nodes) // it keeps the whole document alive
	m.idCount[root] = c
	return c
}

// maxIDInSelector is the longest id a selector uses; an element with a
// longer one is found by its path.
const maxIDInSelector = 100

func isSimpleIdent(id string) bool {
	if id == "" || len(id) > maxIDInSelector || (id[0] >= '0' && id[0] <= '9') || id[0] == '-' {
		return false
	}
	for _, r := range id {
		if !(r == '-' || r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// uniqueID reports whether id occurs once in n's document.
func uniqueID(n *html.Node, id string) bool {
	root := n
	for root.Parent != nil {
		root = root.Parent
	}
	return domMemo.ids(root)[id] == 1
}
