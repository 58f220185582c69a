package pdftag

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// Doc is what the catalog of a tagged PDF says besides its structure.
type Doc struct {
	// Lang is the document's language, a BCP 47 tag such as "nl-BE".
	Lang string
	// Title is the document's title, which the XMP metadata (dc:title)
	// carries and a viewer shows instead of the file name.
	Title string
	// Languages are all the languages the document is in, for the XMP
	// metadata (dc:language); empty means Lang alone.
	Languages []string
}

// ErrLayout is returned when the PDF is not laid out as Update expects
// (one cross-reference table, pages in a /Kids array).
var ErrLayout = errors.New("unexpected pdf layout")

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reXref      = regexp.MustCompile(`^xref\s+0 (\d+)\s*\n`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo      = regexp.MustCompile(`/Info (\d+) 0 R`)
	rePages     = regexp.MustCompile(`/Pages (\d+) 0 R`)
	reKids      = regexp.MustCompile(`/Kids \[([\d\s0R]*)\]`)
	reRef       = regexp.MustCompile(`(\d+) 0 R`)
)

// Update appends to pdf, as written by gofpdf, an incremental update that
// makes it a tagged PDF with t's structure: a new catalog (marked, with
// the structure tree root, the language and the title shown in the
// window), the pages again with their StructParents, the structure
// elements, the parent tree, a cross-reference section and a trailer.
// The header is raised to PDF 1.7. The output depends only on its input.
func (t *Tagger) Update(pdf []byte, doc Doc) ([]byte, error) {
	t.close()
	if !validLang(doc.Lang) {
		return nil, fmt.Errorf("tag pdf: language %q is not a BCP 47 tag", doc.Lang)
	}
	m := reStartXref.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("tag pdf: %w: no startxref", ErrLayout)
	}
	prev, _ := strconv.Atoi(string(m[1]))
	offsets, trailer, err := readXref(pdf, prev)
	if err != nil {
		return nil, err
	}
	root, info := refIn(reRoot, trailer), refIn(reInfo, trailer)
	catalog, err := object(pdf, offsets, root)
	if err != nil {
		return nil, err
	}
	pagesObj, err := object(pdf, offsets, refIn(rePages, catalog))
	if err != nil {
		return nil, err
	}
	km := reKids.FindSubmatch(pagesObj)
	if root == 0 || km == nil {
		return nil, fmt.Errorf("tag pdf: %w: no catalog or page list", ErrLayout)
	}
	var pages []int
	for _, r := range reRef.FindAllSubmatch(km[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		pages = append(pages, n)
	}

	w := &writer{out: bytes.NewBuffer(make([]byte, 0, len(pdf)+len(pages)*64+4096)), next: len(offsets)}
	w.out.Write(pdf)
	copy(w.out.Bytes(), "%PDF-1.7") // the header: the features below are PDF 1.4 to 1.5
	treeRoot, parentTree := w.alloc(), w.alloc()
	t.number(t.root, w)

	// The catalog and the pages again, with what tagging adds.
	b := w.begin(root)
	b = append(b, dictBody(catalog)...)
	b = fmt.Appendf(b, "/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/Lang %s\n/ViewerPreferences <</DisplayDocTitle true>>\n", treeRoot, literal(doc.Lang))
	if doc.Title != "" {
		meta := w.alloc()
		w.streams = append(w.streams, obj{meta, xmp(doc)})
		b = fmt.Appendf(b, "/Metadata %d 0 R\n", meta)
	}
	w.end(append(b, ">>"...))
	// Annotations get keys in the parent tree after the pages'.
	annotObjs := map[[2]int]int{} // page, index → object number
	key := len(pages)
	var annotKeys []*Elem
	for i, n := range pages {
		obj, err := object(pdf, offsets, n)
		if err != nil {
			return nil, err
		}
		obj, annots, err := splitAnnots(obj)
		if err != nil {
			return nil, err
		}
		owners := t.annots[i+1]
		if len(annots) != len(owners) {
			return nil, fmt.Errorf("tag pdf: %w: page %d has %d annotations, %d tagged", ErrLayout, i+1, len(annots), len(owners))
		}
		b := append(w.begin(n), dictBody(obj)...)
		b = fmt.Appendf(b, "/StructParents %d\n/Tabs /S\n", i)
		if len(annots) > 0 {
			b = append(b, "/Annots ["...)
			for j := range annots {
				annotObjs[[2]int{i + 1, j}] = w.next
				b = append(ref(b, w.alloc()), ' ')
			}
			b = append(b, "]\n"...)
		}
		w.end(append(b, ">>"...))
		for j, a := range annots {
			b := append(w.begin(annotObjs[[2]int{i + 1, j}]), a[:len(a)-2]...)
			w.end(fmt.Appendf(b, " /StructParent %d /P %d 0 R>>", key, n))
			annotKeys = append(annotKeys, owners[j])
			key++
		}
	}
	t.annotObjs = annotObjs

	// The structure tree.
	b = w.begin(treeRoot)
	b = fmt.Appendf(b, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", t.root.obj, parentTree, key)
	w.end(b)
	b = append(w.begin(parentTree), "<</Nums ["...)
	for i := range pages {
		b = append(strconv.AppendInt(append(b, '\n'), int64(i), 10), " ["...)
		for j, e := range t.pages[i+1] {
			if j > 0 {
				b = append(b, ' ')
			}
			b = ref(b, e.obj)
		}
		b = append(b, ']')
	}
	for i, e := range annotKeys {
		b = ref(append(strconv.AppendInt(append(b, '\n'), int64(len(pages)+i), 10), ' '), e.obj)
	}
	w.end(append(b, "\n]>>"...))
	if err := t.write(t.root, treeRoot, pages, w); err != nil {
		return nil, err
	}
	return w.finish(prev, root, info)
}

// number gives e and its descendants object numbers, in reading order.
func (t *Tagger) number(e *Elem, w *writer) {
	e.obj = w.alloc()
	for _, k := range e.kids {
		if k.elem != nil {
			t.number(k.elem, w)
		}
	}
}

// write writes e and its descendants as structure elements.
func (t *Tagger) write(e *Elem, parent int, pages []int, w *writer) error {
	pg := 0 // the page of e's first marked content: its /Pg
	for _, k := range e.kids {
		if k.elem == nil && !k.annot {
			if k.page < 1 || k.page > len(pages) {
				return fmt.Errorf("tag pdf: %w: content on page %d of %d", ErrLayout, k.page, len(pages))
			}
			if pg == 0 {
				pg = k.page
			}
		}
	}
	b := append(w.begin(e.obj), "<</Type /StructElem /S /"...)
	b = append(append(b, e.typ...), " /P "...)
	b = ref(b, parent)
	if pg > 0 {
		b = ref(append(b, " /Pg "...), pages[pg-1])
	}
	if e.lang != "" {
		if !validLang(e.lang) {
			return fmt.Errorf("tag pdf: language %q is not a BCP 47 tag", e.lang)
		}
		b = append(append(b, " /Lang "...), literal(e.lang)...)
	}
	if e.scope != "" {
		b = append(append(append(b, " /A <</O /Table /Scope /"...), e.scope...), ">>"...)
	}
	if e.alt != "" {
		b = append(append(b, " /Alt "...), textString(e.alt)...)
	}
	b = append(b, " /K ["...)
	for i, k := range e.kids {
		if i > 0 {
			b = append(b, ' ')
		}
		switch {
		case k.elem != nil:
			b = ref(b, k.elem.obj)
		case k.annot:
			b = ref(append(b, "<</Type /OBJR /Obj "...), t.annotObjs[[2]int{k.page, k.mcid}])
			b = append(ref(append(b, " /Pg "...), pages[k.page-1]), ">>"...)
		case k.page == pg:
			b = strconv.AppendInt(b, int64(k.mcid), 10)
		default:
			b = ref(append(b, "<</Type /MCR /Pg "...), pages[k.page-1])
			b = append(strconv.AppendInt(append(b, " /MCID "...), int64(k.mcid), 10), ">>"...)
		}
	}
	w.end(append(b, "]>>"...))
	for _, k := range e.kids {
		if k.elem != nil {
			if err := t.write(k.elem, e.obj, pages, w); err != nil {
				return err
			}
		}
	}
	return nil
}

// ref appends an indirect reference to object n.
func ref(b []byte, n int) []byte { return append(strconv.AppendInt(b, int64(n), 10), " 0 R"...) }

// objsPerStream is the most objects one object stream holds.
const objsPerStream = 4000

// writer collects the objects of the update into compressed object
// streams, then writes them with a cross-reference stream.
type writer struct {
	out  *bytes.Buffer // the PDF
	next int           // the next free object number
	objs []obj         // the objects, in the order written
	// streams are the XMP metadata streams, written as they are: readers
	// look for them uncompressed and outside object streams.
	streams []obj
	buf     []byte // a buffer begin hands out and end takes back
}

// obj is one object of the update.
type obj struct {
	num  int
	body []byte
}

// alloc returns a new object number.
func (w *writer) alloc() int { w.next++; return w.next - 1 }

// begin starts object n: append its body to the slice it returns and give
// that to end.
func (w *writer) begin(n int) []byte {
	w.objs = append(w.objs, obj{num: n})
	return w.buf[:0]
}

// end ends the object begun last with its body b.
func (w *writer) end(b []byte) {
	w.objs[len(w.objs)-1].body = append([]byte(nil), b...)
	w.buf = b
}

// finish writes the objects in object streams and the cross-reference
// stream that finds them, and returns the PDF.
func (w *writer) finish(prev, root, info int) ([]byte, error) {
	type entry struct{ kind, f2, f3 int } // 1: offset; 2: object stream, index
	xref := map[int]entry{}
	for _, st := range w.streams {
		xref[st.num] = entry{1, w.out.Len(), 0}
		fmt.Fprintf(w.out, "\n%d 0 obj\n<</Type /Metadata /Subtype /XML /Length %d>>\nstream\n", st.num, len(st.body))
		w.out.Write(st.body)
		w.out.WriteString("\nendstream\nendobj\n")
	}
	var data, head bytes.Buffer
	for start := 0; start < len(w.objs); start += objsPerStream {
		chunk := w.objs[start:min(len(w.objs), start+objsPerStream)]
		stm := w.alloc()
		data.Reset()
		head.Reset()
		for i, o := range chunk {
			fmt.Fprintf(&head, "%d %d ", o.num, data.Len())
			data.Write(o.body)
			data.WriteByte('\n')
			xref[o.num] = entry{2, stm, i}
		}
		z, err := deflate(append(head.Bytes(), data.Bytes()...))
		if err != nil {
			return nil, err
		}
		xref[stm] = entry{1, w.out.Len(), 0}
		fmt.Fprintf(w.out, "\n%d 0 obj\n<</Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d>>\nstream\n", stm, len(chunk), head.Len(), len(z))
		w.out.Write(z)
		w.out.WriteString("\nendstream\nendobj\n")
	}
	self := w.alloc()
	xref[self] = entry{1, w.out.Len(), 0}
	nums := make([]int, 0, len(xref))
	for n := range xref {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var index []byte
	var rows []byte
	for i := 0; i < len(nums); {
		j := i + 1
		for j < len(nums) && nums[j] == nums[j-1]+1 {
			j++
		}
		index = fmt.Appendf(index, "%d %d ", nums[i], j-i)
		i = j
	}
	for _, n := range nums {
		e := xref[n]
		rows = append(rows, byte(e.kind), byte(e.f2>>24), byte(e.f2>>16), byte(e.f2>>8), byte(e.f2), byte(e.f3>>8), byte(e.f3))
	}
	z, err := deflate(rows)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(w.out, "%d 0 obj\n<</Type /XRef /Size %d /Root %d 0 R", self, w.next, root)
	if info > 0 {
		fmt.Fprintf(w.out, " /Info %d 0 R", info)
	}
	fmt.Fprintf(w.out, " /Prev %d /W [1 4 2] /Index [%s] /Filter /FlateDecode /Length %d>>\nstream\n", prev, bytes.TrimSpace(index), len(z))
	w.out.Write(z)
	fmt.Fprintf(w.out, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", xref[self].f2)
	return w.out.Bytes(), nil
}

// xmp is the XMP metadata of doc: its title and languages.
func xmp(doc Doc) []byte {
	var b bytes.Buffer
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` + "\n" +
		`<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n" +
		`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">`)
	xml.EscapeText(&b, []byte(doc.Title))
	b.WriteString("</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag>")
	langs := doc.Languages
	if len(langs) == 0 {
		langs = []string{doc.Lang}
	}
	for _, l := range langs {
		b.WriteString("<rdf:li>")
		xml.EscapeText(&b, []byte(l))
		b.WriteString("</rdf:li>")
	}
	b.WriteString("</rdf:Bag></dc:language>\n</rdf:Description>\n</rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.Bytes()
}

// deflate compresses b with zlib, as /FlateDecode reads it.
func deflate(b []byte) ([]byte, error) {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed) // the level never fails
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("tag pdf: compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("tag pdf: compress: %w", err)
	}
	return z.Bytes(), nil
}

// readXref reads the cross-reference table at off: the offset of every
// object, and the trailer dictionary after it.
func readXref(pdf []byte, off int) ([]int, []byte, error) {
	if off <= 0 || off >= len(pdf) {
		return nil, nil, fmt.Errorf("tag pdf: %w: startxref out of range", ErrLayout)
	}
	m := reXref.FindSubmatch(pdf[off:])
	if m == nil {
		return nil, nil, fmt.Errorf("tag pdf: %w: no xref table", ErrLayout)
	}
	n, _ := strconv.Atoi(string(m[1]))
	pos := off + len(m[0])
	const entry = 20
	if pos+n*entry > len(pdf) {
		return nil, nil, fmt.Errorf("tag pdf: %w: short xref table", ErrLayout)
	}
	offsets := make([]int, n)
	for i := range n {
		offsets[i], _ = strconv.Atoi(string(pdf[pos+i*entry : pos+i*entry+10]))
	}
	trailer := pdf[pos+n*entry:]
	return offsets, trailer, nil
}

// object returns the body of object n: what lies between "n 0 obj" and
// "endobj".
func object(pdf []byte, offsets []int, n int) ([]byte, error) {
	if n <= 0 || n >= len(offsets) {
		return nil, fmt.Errorf("tag pdf: %w: no object %d", ErrLayout, n)
	}
	head := []byte(strconv.Itoa(n) + " 0 obj")
	rest := pdf[offsets[n]:]
	end := bytes.Index(rest, []byte("endobj"))
	if !bytes.HasPrefix(rest, head) || end < 0 {
		return nil, fmt.Errorf("tag pdf: %w: object %d not at its offset", ErrLayout, n)
	}
	return bytes.TrimSpace(rest[len(head):end]), nil
}

// splitAnnots takes the annotations written in a page dictionary out of
// it: the dictionary without its /Annots, and each annotation's
// dictionary, in order.
func splitAnnots(page []byte) ([]byte, [][]byte, error) {
	const key = "/Annots ["
	i := bytes.Index(page, []byte(key))
	if i < 0 {
		return page, nil, nil
	}
	var annots [][]byte
	depth, start := 0, 0
	for j := i + len(key); j < len(page); j++ {
		switch c := page[j]; {
		case c == '(': // a string: skip to its end
			for n := 0; j < len(page); j++ {
				if page[j] == '\\' {
					j++
				} else if page[j] == '(' {
					n++
				} else if page[j] == ')' {
					if n--; n == 0 {
						break
					}
				}
			}
		case c == '<' && j+1 < len(page) && page[j+1] == '<':
			if depth == 0 {
				start = j
			}
			depth++
			j++
		case c == '>' && j+1 < len(page) && page[j+1] == '>':
			depth--
			j++
			if depth == 0 {
				annots = append(annots, page[start:j+1])
			}
		case c == ']' && depth == 0:
			out := append(append([]byte(nil), page[:i]...), page[j+1:]...)
			return out, annots, nil
		}
	}
	return nil, nil, fmt.Errorf("tag pdf: %w: unterminated /Annots", ErrLayout)
}

// dictBody is a dictionary without its closing ">>", to add keys to.
func dictBody(dict []byte) []byte {
	body := bytes.TrimSuffix(bytes.TrimSpace(dict), []byte(">>"))
	return append(append([]byte(nil), body...), '\n')
}

// refIn is the object number the first group of re names in b, or 0.
func refIn(re *regexp.Regexp, b []byte) int {
	m := re.FindSubmatch(b)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// validLang reports whether tag looks like a BCP 47 language tag.
func validLang(tag string) bool {
	if tag == "" || len(tag) > 35 {
		return false
	}
	for _, c := range tag {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// literal is an ASCII PDF string, such as a language tag.
func literal(s string) string { return "(" + s + ")" }

// textString is s as a PDF text string: UTF-16BE with a byte order mark,
// in hexadecimal.
func textString(s string) string {
	const hex = "0123456789ABCDEF"
	units := utf16.Encode([]rune(s))
	b := make([]byte, 0, 6+4*len(units))
	b = append(b, "<FEFF"...)
	for _, u := range units {
		b = append(b, hex[u>>12], hex[u>>8&15], hex[u>>4&15], hex[u&15])
	}
	return string(append(b, '>'))
}
