package checks

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/didi-index/didi/checks/internal/a11y"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
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
	return snippetOf(sel.Get(0), false)
}

// snippetOf renders n on one line, shortened to SnippetMax characters: only
// its start tag when startOnly.
func snippetOf(n *html.Node, startOnly bool) string {
	return Shorten(strings.Join(strings.Fields(outerHTML(n, startOnly)), " "), SnippetMax)
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
	return Evidence{Selector: Selector(sel), Snippet: Snippet(sel), Message: message, Params: evParams(kv...)}
}

// evParams turns name, value pairs into message parameters (nil for none).
func evParams(kv ...string) map[string]string {
	if len(kv) < 2 {
		return nil
	}
	m := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
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

// uniqueID reports whether id occurs once in n's document.
func uniqueID(n *html.Node, id string) bool {
	root := n
	for root.Parent != nil {
		root = root.Parent
	}
	return a11y.IDCount(root)[id] == 1
}

// find is doc.Find(selector): the elements of doc that match, in document
// order. A selector whose every part ends in a tag ("form", "a[href]",
// "input, textarea") is matched against the elements with those tags only,
// from the document's element index (a11y.ElementsOf), instead of against
// every node: a page's checks run dozens of such searches, and a hostile
// page has a million nodes.
func find(doc *goquery.Document, selector string) *goquery.Selection {
	tags, ok := subjectTags(selector)
	if !ok || doc.Length() == 0 {
		return doc.Find(selector)
	}
	m, err := cascadia.Compile(selector)
	if err != nil {
		return doc.Find(selector)
	}
	elems := a11y.ElementsOf(doc.Get(0))
	candidates := elems.ByTag[tags[0]]
	if len(tags) > 1 {
		candidates = elems.All
	}
	var nodes []*html.Node
	for _, n := range candidates {
		if (len(tags) == 1 || slices.Contains(tags, n.Data)) && m.Match(n) {
			nodes = append(nodes, n)
		}
	}
	return doc.FindNodes(nodes...)
}

// subjectTags returns the tags that the selector's parts end in ("a" for
// "nav a[href]", "input" and "textarea" for "input, textarea"), lower-cased
// as cascadia reads them; ok is false when a part ends in no tag ("*",
// "[id]", ".menu") or the selector has escapes or namespaces.
func subjectTags(selector string) (tags []string, ok bool) {
	if strings.ContainsAny(selector, "\\|") {
		return nil, false
	}
	depth, quote := 0, byte(0)
	subject, inCompound := 0, false
	endPart := func(i int) bool {
		tag := subjectTag(strings.TrimSpace(selector[subject:i]))
		if tag != "" && !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
		return tag != ""
	}
	for i := 0; i < len(selector); i++ {
		switch c := selector[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case depth > 0:
			switch c {
			case '"', '\'':
				quote = c
			case '(', '[':
				depth++
			case ')', ']':
				depth--
			}
		case c == ',':
			if !endPart(i) {
				return nil, false
			}
			inCompound = false
		case c == ' ' || c == '\t' || c == '\n' || c == '>' || c == '+' || c == '~':
			inCompound = false
		default:
			if !inCompound {
				subject, inCompound = i, true
			}
			if c == '(' || c == '[' {
				depth++
			}
		}
	}
	if quote != 0 || depth != 0 || !endPart(len(selector)) {
		return nil, false
	}
	return tags, true
}

// subjectTag is the tag a compound selector starts with ("a" in
// "a[href]:not(.x)"), lower-cased; "" when it has none.
func subjectTag(compound string) string {
	end := strings.IndexAny(compound, ".#[:")
	if end < 0 {
		end = len(compound)
	}
	tag := compound[:end]
	if tag == "" {
		return ""
	}
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return ""
		}
	}
	return strings.ToLower(tag)
}
