package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/didi-index/didi/checks/internal/a11y"

	"golang.org/x/net/html"

	"github.com/didi-index/didi/checks/lang"
)

// textBlock is one block of a page's main text: a paragraph, a list item, a
// table cell, a heading, or the loose text of a container.
type textBlock struct {
	node *html.Node
	text string
	// heading is true for h1–h6 and role=heading.
	heading bool
	// runes counts the block's characters; linkRunes those inside links.
	runes, linkRunes int
	// lang is the nearest lang attribute below the html element ("" when the
	// block is in the page's declared language).
	lang string
}

// prose reports whether the block is running text: not a heading, not a
// table cell (data), and not mostly link text (menus, link lists, cards).
func (b textBlock) prose() bool {
	if b.heading || b.node == nil || b.node.Data == "td" || b.node.Data == "th" {
		return false
	}
	return b.linkRunes*2 < b.runes
}

// skippedTags are never part of the main text.
var skippedTags = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true, "svg": true, "math": true,
	"nav": true, "aside": true, "form": true, "button": true, "select": true, "textarea": true,
	"iframe": true, "object": true, "canvas": true, "pre": true, "head": true, "dialog": true,
}

// skippedRoles are landmark and widget roles whose text is not main text.
var skippedRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true,
	"form": true, "menu": true, "menubar": true, "dialog": true, "alertdialog": true, "button": true,
}

// blockTags start a new text block.
var blockTags = map[string]bool{
	"p": true, "li": true, "dd": true, "dt": true, "td": true, "th": true, "blockquote": true,
	"figcaption": true, "caption": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "div": true, "section": true, "article": true, "address": true, "summary": true,
	"details": true, "legend": true, "main": true, "ul": true, "ol": true, "dl": true, "table": true,
	"tr": true, "tbody": true, "thead": true, "tfoot": true, "figure": true, "header": true,
	"footer": true, "fieldset": true, "label": true, "body": true, "center": true, "hgroup": true,
}

// mainRoot returns the page's main element (main, or role=main), or the body
// when there is none; main is false for the body.
func mainRoot(d *axDoc) (root *html.Node, main bool) {
	var roleMain *html.Node
	for _, e := range d.Elems {
		if a11y.Hidden(e) {
			continue
		}
		if e.Data == "main" {
			return e, true
		}
		if roleMain == nil && strings.EqualFold(strings.TrimSpace(attr(e, "role")), "main") {
			roleMain = e
		}
	}
	if roleMain != nil {
		return roleMain, true
	}
	return d.Body, false
}

// mainText returns the main element (see mainRoot) and its text blocks in
// document order. Navigation, header, footer, asides, forms, scripts, code
// and hidden parts are left out; header and footer only when there is no
// main element (a header inside main belongs to an article).
func mainText(d *axDoc) (*html.Node, []textBlock) {
	d.mainOnce.Do(func() { d.main, d.mainBlocks = walkMainText(d) })
	return d.main, d.mainBlocks
}

// walkMainText is mainText, computed once per page (the blocks are shared:
// callers must not modify them).
func walkMainText(d *axDoc) (*html.Node, []textBlock) {
	root, isMain := mainRoot(d)
	if root == nil {
		return nil, nil
	}
	w := &blockWalker{skipHeaderFooter: !isMain}
	w.walk(root, root, inheritedLang(root), false)
	w.flush(root, inheritedLang(root), false)
	return root, w.blocks
}

// inheritedLang is the lang attribute of n or its nearest ancestor below the
// html element.
func inheritedLang(n *html.Node) string {
	for x := n; x != nil && x.Type == html.ElementNode && x.Data != "html"; x = x.Parent {
		if v, ok := a11y.Attr(x, "lang"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

type blockWalker struct {
	skipHeaderFooter bool
	blocks           []textBlock
	buf              strings.Builder
	runes, linkRunes int
}

func (w *blockWalker) skip(n *html.Node) bool {
	if skippedTags[n.Data] || a11y.SelfHidden(n) {
		return true
	}
	if w.skipHeaderFooter && (n.Data == "header" || n.Data == "footer") {
		return true
	}
	if v, _ := a11y.Attr(n, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
		return true
	}
	return skippedRoles[strings.ToLower(strings.TrimSpace(attr(n, "role")))]
}

// walk adds the text under n to the current block (owned by block), starting
// a new block at each block element.
func (w *blockWalker) walk(n, block *html.Node, lng string, inLink bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			w.buf.WriteString(c.Data)
			k := utf8.RuneCountInString(strings.TrimSpace(c.Data))
			w.runes += k
			if inLink {
				w.linkRunes += k
			}
		case html.ElementNode:
			if w.skip(c) {
				continue
			}
			l := lng
			if v, ok := a11y.Attr(c, "lang"); ok {
				l = strings.TrimSpace(v)
			}
			switch {
			case c.Data == "br" || c.Data == "hr":
				w.flush(block, lng, false)
			case blockTags[c.Data] || strings.EqualFold(attr(c, "role"), "heading"):
				w.flush(block, lng, false)
				w.walk(c, c, l, inLink)
				w.flush(c, l, isHeadingNode(c))
			default:
				w.buf.WriteByte(' ')
				w.walk(c, block, lng, inLink || c.Data == "a")
				w.buf.WriteByte(' ')
			}
		}
	}
}

func isHeadingNode(n *html.Node) bool {
	if _, ok := a11y.IsHeadingTag(n.Data); ok {
		return true
	}
	return strings.EqualFold(strings.TrimSpace(attr(n, "role")), "heading")
}

// flush ends the current block.
func (w *blockWalker) flush(block *html.Node, lng string, heading bool) {
	text := a11y.Collapse(w.buf.String())
	if text != "" {
		w.blocks = append(w.blocks, textBlock{node: block, text: text, heading: heading,
			runes: w.runes, linkRunes: w.linkRunes, lang: lng})
	}
	w.buf.Reset()
	w.runes, w.linkRunes = 0, 0
}

// declaredLang is the primary subtag of the html element's lang attribute
// (xml:lang as a fallback), lower case; "" when absent.
func declaredLang(d *axDoc) string {
	if d.HTML == nil {
		return ""
	}
	if v, ok := a11y.Attr(d.HTML, "lang"); ok && strings.TrimSpace(v) != "" {
		return lang.Primary(v)
	}
	return lang.Primary(attr(d.HTML, "xml:lang"))
}

// inLanguage reports whether a block's own lang (if any) is code.
func (b textBlock) inLanguage(code string) bool {
	return b.lang == "" || lang.Primary(b.lang) == code
}

// joinBlocks joins the text of blocks that pass keep.
func joinBlocks(blocks []textBlock, keep func(textBlock) bool) string {
	var sb strings.Builder
	for _, b := range blocks {
		if keep(b) {
			sb.WriteString(b.text)
			sb.WriteString("\n")
		}
	}
	return sb.String()
}
