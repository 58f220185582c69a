package pdftag

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

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

// source is what Update reads of the PDF it updates.
type source struct {
	pdf        []byte
	prev       int   // the offset of its cross-reference table
	offsets    []int // of each object
	root, info int   // the catalog's and the document information's objects
	catalog    []byte
	pages      []int // the pages' objects, in order
}

// readSource reads the cross-reference table, the catalog and the page
// list of pdf.
func readSource(pdf []byte) (*source, error) {
	m := reStartXref.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("tag pdf: %w: no startxref", ErrLayout)
	}
	src := &source{}
	src.prev, _ = strconv.Atoi(string(m[1]))
	offsets, trailer, err := readXref(pdf, src.prev)
	if err != nil {
		return nil, err
	}
	src.offsets, src.root, src.info = offsets, refIn(reRoot, trailer), refIn(reInfo, trailer)
	if src.catalog, err = object(pdf, offsets, src.root); err != nil {
		return nil, err
	}
	pagesObj, err := object(pdf, offsets, refIn(rePages, src.catalog))
	if err != nil {
		return nil, err
	}
	km := reKids.FindSubmatch(pagesObj)
	if km == nil {
		return nil, fmt.Errorf("tag pdf: %w: no page list", ErrLayout)
	}
	for _, r := range reRef.FindAllSubmatch(km[1], -1) {
		n, _ := strconv.Atoi(string(r[1]))
		src.pages = append(src.pages, n)
	}
	src.pdf = pdf
	return src, nil
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
