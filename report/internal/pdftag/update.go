package pdftag

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"fmt"
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

// Update appends to pdf, as written by gofpdf, an incremental update that
// makes it a tagged PDF with t's structure: a new catalog (marked, with
// the structure tree root, the language, XMP metadata and the title shown
// in the window), the pages again with their StructParents and their
// annotations as objects that point at their elements, the structure
// elements and the parent tree in compressed object streams, and a
// cross-reference stream. The header is raised to PDF 1.7. The output
// depends only on its input.
func (t *Tagger) Update(pdf []byte, doc Doc) ([]byte, error) {
	t.close()
	if !validLang(doc.Lang) {
		return nil, fmt.Errorf("tag pdf: language %q is not a BCP 47 tag", doc.Lang)
	}
	src, err := readSource(pdf)
	if err != nil {
		return nil, err
	}
	w := &writer{out: bytes.NewBuffer(make([]byte, 0, len(pdf)+len(src.pages)*64+4096)), next: len(src.offsets)}
	w.out.Write(pdf)
	copy(w.out.Bytes(), "%PDF-1.7") // the header: the features below are PDF 1.4 to 1.5
	treeRoot, parentTree := w.alloc(), w.alloc()
	t.number(t.root, w)

	b := append(w.begin(src.root), dictBody(src.catalog)...)
	b = fmt.Appendf(b, "/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/Lang %s\n/ViewerPreferences <</DisplayDocTitle true>>\n", treeRoot, literal(doc.Lang))
	if doc.Title != "" {
		meta := w.alloc()
		w.streams = append(w.streams, obj{meta, xmp(doc)})
		b = fmt.Appendf(b, "/Metadata %d 0 R\n", meta)
	}
	w.end(append(b, ">>"...))
	annots, err := t.writePages(src, w)
	if err != nil {
		return nil, err
	}
	b = w.begin(treeRoot)
	w.end(fmt.Appendf(b, "<</Type /StructTreeRoot /K %d 0 R /ParentTree %d 0 R /ParentTreeNextKey %d>>", t.root.obj, parentTree, len(src.pages)+len(annots.owners)))
	t.writeParentTree(parentTree, len(src.pages), annots.owners, w)
	if err := t.write(t.root, treeRoot, src.pages, annots.objs, w); err != nil {
		return nil, err
	}
	return w.finish(src.prev, src.root, src.info)
}

// annotObjs are the annotations of the pages as objects of their own.
type annotObjs struct {
	objs   map[[2]int]int // page, index on the page → object number
	owners []*Elem        // by parent tree key, after the pages' keys
}

// writePages writes each page again with its key in the parent tree
// (StructParents), the tab order of its structure, and its annotations as
// objects that point at the elements that own them.
func (t *Tagger) writePages(src *source, w *writer) (annotObjs, error) {
	a := annotObjs{objs: map[[2]int]int{}}
	for i, n := range src.pages {
		page, err := object(src.pdf, src.offsets, n)
		if err != nil {
			return a, err
		}
		page, annots, err := splitAnnots(page)
		if err != nil {
			return a, err
		}
		owners := t.annots[i+1]
		if len(annots) != len(owners) {
			return a, fmt.Errorf("tag pdf: %w: page %d has %d annotations, %d tagged", ErrLayout, i+1, len(annots), len(owners))
		}
		nums := make([]int, len(annots))
		b := append(w.begin(n), dictBody(page)...)
		b = fmt.Appendf(b, "/StructParents %d\n/Tabs /S\n", i)
		if len(annots) > 0 {
			b = append(b, "/Annots ["...)
			for j := range annots {
				nums[j] = w.alloc()
				a.objs[[2]int{i + 1, j}] = nums[j]
				b = append(ref(b, nums[j]), ' ')
			}
			b = append(b, "]\n"...)
		}
		w.end(append(b, ">>"...))
		for j, annot := range annots {
			b := append(w.begin(nums[j]), annot[:len(annot)-2]...)
			w.end(fmt.Appendf(b, " /StructParent %d /P %d 0 R>>", len(src.pages)+len(a.owners), n))
			a.owners = append(a.owners, owners[j])
		}
	}
	return a, nil
}

// writeParentTree writes the parent tree: for each page's key the element
// of each of its MCIDs, then for each annotation's key its element.
func (t *Tagger) writeParentTree(n, pages int, annotOwners []*Elem, w *writer) {
	b := append(w.begin(n), "<</Nums ["...)
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
	for i, e := range annotOwners {
		b = ref(append(strconv.AppendInt(append(b, '\n'), int64(pages+i), 10), ' '), e.obj)
	}
	w.end(append(b, "\n]>>"...))
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

// write writes e and its descendants as structure elements; annots are
// the annotations' objects by page and index.
func (t *Tagger) write(e *Elem, parent int, pages []int, annots map[[2]int]int, w *writer) error {
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
			b = ref(append(b, "<</Type /OBJR /Obj "...), annots[[2]int{k.page, k.mcid}])
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
			if err := t.write(k.elem, e.obj, pages, annots, w); err != nil {
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
