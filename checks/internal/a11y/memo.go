package a11y

import (
	"sync"

	"golang.org/x/net/html"
)

// NthOfType is n's position among its siblings of the same tag, from 1. A
// parent with many children is indexed once (see domMemo), so that the
// selectors of all its children cost linear time, not quadratic.
func NthOfType(n *html.Node) int {
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

// memoMinSiblings is how many previous siblings NthOfType counts before it
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
	// kids holds the element children of big parents by tag, from the
	// child where a walk gave up (see child).
	kids map[*html.Node]map[string][]*html.Node
}

func (m *memo) grow(by int) {
	if (m.size > 0 && m.size+by > memoMaxEntries) || m.nthPos == nil {
		m.nthPos, m.idCount, m.size = map[*html.Node]int{}, map[*html.Node]map[string]int{}, 0
		m.kids = map[*html.Node]map[string][]*html.Node{}
	}
	m.size += by
}

// child returns the k-th element with tag among from and its next
// siblings (from is the first child a walk did not look at): NthChild on a
// parent with many children, indexed once.
func (m *memo) child(from *html.Node, tag string, k int) *html.Node {
	m.mu.Lock()
	defer m.mu.Unlock()
	byTag, ok := m.kids[from]
	if !ok {
		byTag = map[string][]*html.Node{}
		kids := 0
		for c := from; c != nil; c = c.NextSibling {
			kids++
			if c.Type == html.ElementNode {
				byTag[c.Data] = append(byTag[c.Data], c)
			}
		}
		m.grow(kids)
		m.kids[from] = byTag
	}
	if l := byTag[tag]; k <= len(l) {
		return l[k-1]
	}
	return nil
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

// IDCount returns how often each id occurs in the document of root; it
// is counted once per document (see domMemo).
func IDCount(root *html.Node) map[string]int { return domMemo.ids(root) }

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
			if id := Value(x, "id"); id != "" {
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

// MaxIDInSelector is the longest id a selector uses; an element with a
// longer one (a hostile page's 200 kB id) is found by its path.
const MaxIDInSelector = 100
