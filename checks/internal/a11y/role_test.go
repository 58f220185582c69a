package a11y

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestRoles(t *testing.T) {
	src := `<body><a id="l" href="/">x</a><a id="nl">x</a><header id="h"></header><main><header id="hm"></header></main>
<img id="i" src="a.png"><img id="d" src="a.png" alt=""><ul><li id="li">x</li></ul><ul role="tablist"><li id="tab">x</li></ul>
<select id="s"></select><select id="m" multiple></select><table><tr><th id="th">x</th><th id="rh" scope="row">x</th></tr></table>
<input id="t" type="email"><input id="cb" type="checkbox"><h2 id="h2">x</h2><div id="div" role="button">x</div><span id="x-span">x</span>
<svg id="svg"></svg><custom-el id="c"></custom-el></body>`
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	d := New(doc, nil)
	for id, want := range map[string]string{
		"l": "link", "nl": "generic", "h": "banner", "hm": "generic", "i": "img", "d": "presentation", "li": "listitem",
		"tab": "generic", "s": "combobox", "m": "listbox", "th": "columnheader", "rh": "rowheader", "t": "textbox",
		"cb": "checkbox", "h2": "heading", "div": "button", "x-span": "generic", "svg": "graphics-document", "c": "",
	} {
		n := d.ByID(id)
		if n == nil {
			t.Fatalf("no element #%s", id)
		}
		if got := d.Role(n); got != want {
			t.Errorf("#%s: role %q, want %q", id, got, want)
		}
	}
}
