package crawler

import (
	"encoding/json"
	"regexp"
	"strconv"

	"github.com/didi-index/didi/snapshot"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
)

// simpleIdent matches ids usable as "#id" selectors (as checks.Selector).
var simpleIdent = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// domSelectors maps the backend node id of every element of a DOM tree
// (readDOM) to its selector. The rules are those of facts.js and
// checks.Selector: the nearest ancestor with a unique simple id as "#id",
// else "tag:nth-of-type(n)" steps from html.
func domSelectors(root *cdp.Node) map[cdp.BackendNodeID]string {
	ids := map[string]int{}
	countIDs(root, ids)
	out := map[cdp.BackendNodeID]string{}
	var walk func(n *cdp.Node, prefix string)
	walk = func(n *cdp.Node, prefix string) {
		counts := map[string]int{}
		for _, c := range n.Children {
			if c.NodeType != elementNode {
				continue
			}
			tag := c.LocalName
			counts[tag]++
			var sel string
			id := attr(c, "id")
			switch {
			case id != "" && simpleIdent.MatchString(id) && ids[id] == 1:
				sel = "#" + id
			case tag == "html":
				sel = "html"
			case tag == "head" || tag == "body":
				sel = join(prefix, tag)
			default:
				sel = join(prefix, tag+":nth-of-type("+strconv.Itoa(counts[tag])+")")
			}
			out[c.BackendNodeID] = sel
			walk(c, sel)
		}
	}
	walk(root, "")
	return out
}

// elementNode is the DOM nodeType of elements.
const elementNode = 1

// attr returns the value of an attribute of a DOM node ("" when absent).
func attr(n *cdp.Node, name string) string {
	v, _ := lookupAttr(n, name)
	return v
}

// lookupAttr returns the value of n's attribute name and whether n has it.
func lookupAttr(n *cdp.Node, name string) (string, bool) {
	for i := 0; i+1 < len(n.Attributes); i += 2 {
		if n.Attributes[i] == name {
			return n.Attributes[i+1], true
		}
	}
	return "", false
}

func join(prefix, step string) string {
	if prefix == "" {
		return step
	}
	return prefix + " > " + step
}

func countIDs(n *cdp.Node, ids map[string]int) {
	if n.NodeType == elementNode {
		if id := attr(n, "id"); id != "" {
			ids[id]++
		}
	}
	for _, c := range n.Children {
		countIDs(c, ids)
	}
}

// axNodes flattens Chromium's accessibility tree. Inline text boxes and
// ignored nodes without a DOM element are left out.
func axNodes(nodes []*accessibility.Node, sels map[cdp.BackendNodeID]string) []snapshot.AXNode {
	out := make([]snapshot.AXNode, 0, len(nodes))
	for _, n := range nodes {
		role := axString(n.Role)
		if role == "InlineTextBox" {
			continue
		}
		sel := sels[n.BackendDOMNodeID]
		if n.Ignored && sel == "" {
			continue
		}
		a := snapshot.AXNode{Selector: sel, Role: role, Name: axString(n.Name), Ignored: n.Ignored}
		a.NameFrom = nameFrom(n.Name)
		for _, p := range n.Properties {
			if p.Name == accessibility.PropertyNameFocusable && p.Value != nil && string(p.Value.Value) == "true" {
				a.Focusable = true
			}
		}
		out = append(out, a)
	}
	return out
}

// axString returns the string value of an AX value ("" when absent).
func axString(v *accessibility.Value) string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if err := json.Unmarshal(v.Value, &s); err != nil {
		return string(v.Value)
	}
	return s
}

// nameFrom returns the type of the source that gave the name: the first
// source with a value that no other source supersedes.
func nameFrom(v *accessibility.Value) string {
	if v == nil || axString(v) == "" {
		return ""
	}
	for _, s := range v.Sources {
		if s.Value != nil && !s.Superseded && axString(s.Value) != "" {
			if s.Attribute != "" {
				return string(s.Type) + ":" + s.Attribute
			}
			return string(s.Type)
		}
	}
	return ""
}
