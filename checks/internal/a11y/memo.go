package a11y

import (
	"slices"
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
	return domMemo.doc(n).nth(n)
}

// IDCount returns how often each id occurs in the document of root; it
// is counted once per document (see domMemo).
func IDCount(root *html.Node) map[string]int { return domMemo.doc(root).ids(root) }

// Elements lists the elements of a document in document order, all of them
// and by tag.
type Elements struct {
	All   []*html.Node
	ByTag map[string][]*html.Node
}

// ElementsOf returns the elements of the document of root; they are listed
// once per document (see domMemo).
func ElementsOf(root *html.Node) *Elements { return domMemo.doc(root).elements() }

// memoMinSiblings is how many previous siblings NthOfType counts before it
// turns to the memo.
const memoMinSiblings = 64

// memoDocs bounds the memo: it keeps the indexes of the documents used
// last, so that it keeps few parsed pages alive (its nodes hold their
// whole document). The checks of a page use two documents (rendered and
// served) and run on a few pages at once.
const memoDocs = 8

// domMemo remembers, for the documents checked lately, the nth-of-type
// position of the children of big parents, how often each id occurs and
// the elements by tag. Checks of one page run in parallel, hence the locks.
var domMemo = &memo{}

type memo struct {
	mu   sync.Mutex
	docs []*docMemo // most recently used last
}

// docMemo holds the indexes of one document.
type docMemo struct {
	root *html.Node
	mu   sync.Mutex
	// nthPos holds the positions of the children of big parents.
	nthPos map[*html.Node]int
	// kids holds the element children of big parents by tag, from the
	// child where a walk gave up (see child).
	kids    map[*html.Node]map[string][]*html.Node
	idCount map[string]int
	elems   *Elements
}

// doc returns the memo of n's document, making it the most recent.
func (m *memo) doc(n *html.Node) *docMemo {
	root := n
	for root.Parent != nil {
		root = root.Parent
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	for i, d := range m.docs {
		if d.root == root {
			m.docs = append(slices.Delete(m.docs, i, i+1), d)
			return d
		}
	}
	d := &docMemo{root: root, nthPos: map[*html.Node]int{}, kids: map[*html.Node]map[string][]*html.Node{}}
	if len(m.docs) == memoDocs {
		m.docs = slices.Delete(m.docs, 0, 1)
	}
	m.docs = append(m.docs, d)
	return d
}

func (d *docMemo) nth(n *html.Node) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	if i, ok := d.nthPos[n]; ok {
		return i
	}
	count := map[string]int{}
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			count[c.Data]++
			d.nthPos[c] = count[c.Data]
		}
	}
	return d.nthPos[n]
}

// child returns the k-th element with tag among from and its next
// siblings (from is the first child a walk did not look at): NthChild on a
// parent with many children, indexed once.
func (d *docMemo) child(from *html.Node, tag string, k int) *html.Node {
	d.mu.Lock()
	defer d.mu.Unlock()
	byTag, ok := d.kids[from]
	if !ok {
		byTag = map[string][]*html.Node{}
		for c := from; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				byTag[c.Data] = append(byTag[c.Data], c)
			}
		}
		d.kids[from] = byTag
	}
	if l := byTag[tag]; k <= len(l) {
		return l[k-1]
	}
	return nil
}

// ids returns how often each id occurs under root (the document's root, or
// the top of a detached tree).
func (d *docMemo) ids(root *html.Node) map[string]int {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.idCount != nil {
		return d.idCount
	}
	c := map[string]int{}
	var walk func(*html.Node)
	walk = func(x *html.Node) {
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
	d.idCount = c
	return c
}

func (d *docMemo) elements() *Elements {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.elems != nil {
		return d.elems
	}
	e := &Elements{ByTag: map[string][]*html.Node{}}
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				e.All = append(e.All, c)
				e.ByTag[c.Data] = append(e.ByTag[c.Data], c)
			}
			walk(c)
		}
	}
	walk(d.root)
	d.elems = e
	return e
}

// MaxIDInSelector is the longest id a selector uses; an element with a
// longer one (a hostile page's 200 kB id) is found by its path.
const MaxIDInSelector = 100
