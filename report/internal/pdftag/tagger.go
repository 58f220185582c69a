// Package pdftag makes a PDF written by a page-description library into a
// tagged PDF: a structure tree (headings, paragraphs, lists, tables,
// figures with alternative text, languages) that screen readers and
// reflow read in its logical order.
//
// The writer of the PDF drives a Tagger while it draws: Begin opens an
// element of a type (H1, P, Table, ...), Content marks what is drawn next
// as the element's content, Artifact marks decoration (rules, fills,
// running footers) as not part of the text, and End closes the element.
// Content becomes marked-content sequences (BDC/EMC with an MCID) in the
// page's content stream. When the PDF is done, Update appends an
// incremental update that adds the structure tree, the parent tree, the
// pages' StructParents and a catalog that says the PDF is tagged.
package pdftag

import "strconv"

// Out is the page being drawn: raw operators go into its content stream.
// gofpdf's Fpdf is an Out.
type Out interface {
	RawWriteStr(s string)
	PageNo() int
}

// Artifact kinds: the property lists of /Artifact marked content.
const (
	// Decoration is a rule, fill, bar or other drawing that carries no text.
	Decoration = ""
	// Footer is a running footer.
	Footer = "<</Type /Pagination /Subtype /Footer>>"
	// Pagination is what a page break repeats, such as a table's header row.
	Pagination = "<</Type /Pagination>>"
)

// Elem is one element of the structure tree.
type Elem struct {
	typ    string
	lang   string
	alt    string
	scope  string // of a table header cell: Row or Column
	parent *Elem
	kids   []kid
	obj    int // object number, given when the tree is written
}

// kid is a child element, a marked-content sequence on a page (mcid) or
// an annotation of a page (the index-th in its /Annots).
type kid struct {
	elem       *Elem
	page, mcid int
	annot      bool // mcid is the annotation's index
}

// SetLang sets the language of e (a BCP 47 tag such as "fr-BE"), for an
// element in another language than its parent.
func (e *Elem) SetLang(tag string) *Elem { e.lang = tag; return e }

// SetAlt sets the alternative text of e, which a screen reader reads
// instead of its content (a figure's description).
func (e *Elem) SetAlt(text string) *Elem { e.alt = text; return e }

// Scopes of a table header cell (TH): the cells it heads.
const (
	Row    = "Row"
	Column = "Column"
)

// SetScope says which cells e, a table header cell (TH), heads: its Row
// or its Column.
func (e *Elem) SetScope(scope string) *Elem { e.scope = scope; return e }

// Tagger records the structure of a PDF while it is drawn.
type Tagger struct {
	out       Out
	root      *Elem
	stack     []*Elem
	open      *Elem // the element whose marked content is open, or nil
	openPage  int
	resume    bool            // a page break closed open content that goes on
	artifacts int             // depth of artifacts being drawn
	pages     map[int][]*Elem // page → the element of each MCID
	annots    map[int][]*Elem // page → the element of each annotation
}

// New returns a Tagger whose tree has a Document element in language
// lang.
func New(out Out, lang string) *Tagger {
	root := &Elem{typ: "Document", lang: lang}
	return &Tagger{out: out, root: root, stack: []*Elem{root}, pages: map[int][]*Elem{}, annots: map[int][]*Elem{}}
}

// Begin opens an element of type typ (a standard structure type: Sect,
// H1, P, L, LI, Lbl, LBody, Table, TR, TH, TD, Figure, TOC, TOCI, Span...)
// inside the current one and makes it current. Inside an artifact (a
// table's header row repeated after a page break) the element is not
// part of the tree.
func (t *Tagger) Begin(typ string) *Elem {
	t.close()
	parent := t.stack[len(t.stack)-1]
	e := &Elem{typ: typ, parent: parent}
	if t.artifacts == 0 {
		parent.kids = append(parent.kids, kid{elem: e})
	}
	t.stack = append(t.stack, e)
	return e
}

// Enter makes e, an element begun and ended before, current again, so
// content drawn later (a table of contents filled in at the end) takes
// its place in the reading order. End leaves it.
func (t *Tagger) Enter(e *Elem) {
	t.close()
	t.stack = append(t.stack, e)
}

// End closes the current element.
func (t *Tagger) End() {
	t.close()
	if len(t.stack) > 1 {
		t.stack = t.stack[:len(t.stack)-1]
	}
}

// Content marks what is drawn next, up to the next Begin, End, Artifact
// or page, as content of the current element. Inside an artifact it does
// nothing.
func (t *Tagger) Content() {
	if t.artifacts > 0 {
		return
	}
	cur, page := t.stack[len(t.stack)-1], t.out.PageNo()
	if t.open == cur && t.openPage == page {
		return
	}
	t.close()
	mcid := len(t.pages[page])
	t.pages[page] = append(t.pages[page], cur)
	cur.kids = append(cur.kids, kid{page: page, mcid: mcid})
	t.out.RawWriteStr("/" + cur.typ + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open, t.openPage = cur, page
}

// Annot says that the current element (a Link) owns the annotation the
// writer adds next to the page, such as the active area of a link: the
// element then refers to it, and it to the element.
func (t *Tagger) Annot() {
	cur, page := t.stack[len(t.stack)-1], t.out.PageNo()
	cur.kids = append(cur.kids, kid{page: page, mcid: len(t.annots[page]), annot: true})
	t.annots[page] = append(t.annots[page], cur)
}

// Artifact draws decoration of a kind (Decoration, Footer, Pagination)
// that is not part of the text.
func (t *Tagger) Artifact(kind string, draw func()) {
	if t.artifacts > 0 {
		draw()
		return
	}
	t.close()
	if kind == "" {
		t.out.RawWriteStr("/Artifact BMC")
	} else {
		t.out.RawWriteStr("/Artifact " + kind + " BDC")
	}
	t.artifacts++
	draw()
	t.artifacts--
	t.out.RawWriteStr("EMC")
}

// Break closes the marked content of the page that ends, as marked
// content cannot cross pages; Resume, when the next page starts, opens it
// again there. A writer calls them from its footer and header hooks, so
// text that a page break splits stays with its element.
func (t *Tagger) Break() { t.resume = t.open != nil; t.close() }

// Resume opens again on the new page the content that Break closed.
func (t *Tagger) Resume() {
	if t.resume {
		t.resume = false
		t.Content()
	}
}

// close ends the open marked content, if any.
func (t *Tagger) close() {
	if t.open != nil {
		t.out.RawWriteStr("EMC")
		t.open = nil
	}
}
