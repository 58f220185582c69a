package checks

import (
	"strings"

	"golang.org/x/net/html"
)

// outerHTML writes n as the HTML standard serialises it, as a browser's
// outerHTML does: in text only &, <, > and the no-break space are escaped,
// in attribute values only &, " and the no-break space. Go's html.Render
// also escapes ' and " in text, so a snippet of "d'inactivité" read
// "d&#39;inactivité" in every report. With startOnly, only the start tag is
// written (a container whose children would not fit a snippet).
func outerHTML(n *html.Node, startOnly bool) string {
	var b strings.Builder
	serialize(&b, n, startOnly)
	return b.String()
}

// serialize writes n and, unless startOnly, its children.
func serialize(b *strings.Builder, n *html.Node, startOnly bool) {
	switch n.Type {
	case html.TextNode:
		if p := n.Parent; p != nil && p.Type == html.ElementNode && rawText[p.Data] {
			b.WriteString(n.Data)
		} else {
			b.WriteString(textEscaper.Replace(n.Data))
		}
		return
	case html.CommentNode:
		b.WriteString("<!--" + n.Data + "-->")
		return
	case html.DoctypeNode:
		b.WriteString("<!DOCTYPE " + n.Data + ">")
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			serialize(b, c, false)
		}
		return
	case html.ElementNode:
	default:
		return
	}
	b.WriteString("<" + n.Data)
	for _, a := range n.Attr {
		b.WriteString(" ")
		if a.Namespace != "" {
			b.WriteString(a.Namespace + ":")
		}
		b.WriteString(a.Key + `="` + attrEscaper.Replace(a.Val) + `"`)
	}
	b.WriteString(">")
	if startOnly || voidElements[n.Data] {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		serialize(b, c, false)
	}
	b.WriteString("</" + n.Data + ">")
}

var (
	textEscaper = strings.NewReplacer("&", "&amp;", "\u00a0", "&nbsp;", "<", "&lt;", ">", "&gt;")
	attrEscaper = strings.NewReplacer("&", "&amp;", "\u00a0", "&nbsp;", `"`, "&quot;")
	// rawText are the elements whose text is written as it is.
	rawText = map[string]bool{"style": true, "script": true, "xmp": true, "iframe": true, "noembed": true,
		"noframes": true, "plaintext": true, "noscript": true}
	// voidElements have no end tag.
	voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
		"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
		"param": true, "keygen": true, "basefont": true, "bgsound": true, "frame": true}
)
