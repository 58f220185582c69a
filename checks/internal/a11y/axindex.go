package a11y

import (
	"strconv"
	"strings"

	"github.com/didi-index/didi/snapshot"

	"golang.org/x/net/html"
)

// axStep is one step of a selector in the form of Sel: "#id" and "html"
// (tag only), "body" and "head" (nth 0), or tag and its nth-of-type.
type axStep struct {
	tag string
	nth int
}

// axTrie holds the accessibility tree's selectors step by step; ax is the
// first tree node whose selector ends here.
type axTrie struct {
	next map[axStep]*axTrie
	ax   *snapshot.AXNode
}

func (t *axTrie) child(s axStep) *axTrie {
	if t == nil {
		return nil
	}
	return t.next[s]
}

// indexAX maps each element to the first node of tree whose selector is
// the element's Sel, in one walk of the DOM and without building a
// selector per element: the selectors of the tree go into a trie, and the
// walk follows it with each element's step. A selector that Sel never
// writes (another form, a number written otherwise) finds no element, as
// it would in a map by Sel.
func (d *Doc) indexAX(tree []snapshot.AXNode) {
	root := &axTrie{}
	for i := range tree {
		if t := root.insert(tree[i].Selector); t != nil && t.ax == nil {
			t.ax = &tree[i]
		}
	}
	d.axNodes = map[*html.Node]*snapshot.AXNode{}
	var walk func(parent *html.Node, at *axTrie)
	walk = func(parent *html.Node, at *axTrie) {
		var counts map[string]int
		for c := parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if counts == nil {
				counts = map[string]int{}
			}
			counts[c.Data]++
			var here *axTrie
			switch id := Value(c, "id"); {
			case id != "" && SimpleIdent(id) && len(d.IDs[id]) == 1:
				here = root.child(axStep{tag: "#" + id})
			case c.Data == "html":
				here = root.child(axStep{tag: "html"})
			default:
				step := axStep{tag: c.Data, nth: counts[c.Data]}
				if c.Data == "body" || c.Data == "head" {
					step.nth = 0
				}
				if parent.Type == html.ElementNode {
					here = at.child(step)
				} else {
					here = root.child(step)
				}
			}
			if here != nil && here.ax != nil {
				d.axNodes[c] = here.ax
			}
			walk(c, here)
		}
	}
	if d.Root != nil {
		walk(d.Root, nil)
	}
}

// insert adds selector's steps and returns where it ends, or nil when Sel
// never writes it.
func (t *axTrie) insert(selector string) *axTrie {
	if selector == "" {
		return nil
	}
	first := true
	for rest, more := selector, true; more; first = false {
		var s string
		s, rest, more = strings.Cut(rest, " > ")
		step, ok := parseStep(s, first)
		if !ok {
			return nil
		}
		if t.next == nil {
			t.next = map[axStep]*axTrie{}
		}
		n := t.next[step]
		if n == nil {
			n = &axTrie{}
			t.next[step] = n
		}
		t = n
	}
	return t
}

// parseStep reads a step as Sel writes it; ok is false for any other form.
// "#id" and "html" start a selector, "body" and "head" have no position,
// every other tag has ":nth-of-type(k)".
func parseStep(s string, first bool) (axStep, bool) {
	switch {
	case s == "":
		return axStep{}, false
	case strings.HasPrefix(s, "#"):
		return axStep{tag: s}, first
	case s == "html":
		return axStep{tag: s}, first
	case s == "body" || s == "head":
		return axStep{tag: s}, true
	}
	i := strings.LastIndex(s, ":nth-of-type(")
	if i <= 0 || !strings.HasSuffix(s, ")") {
		return axStep{}, false
	}
	digits := s[i+len(":nth-of-type(") : len(s)-1]
	k, err := strconv.Atoi(digits)
	if err != nil || k < 1 || strconv.Itoa(k) != digits {
		return axStep{}, false
	}
	tag := s[:i]
	if tag == "body" || tag == "head" || tag == "html" {
		return axStep{}, false
	}
	return axStep{tag: tag, nth: k}, true
}
