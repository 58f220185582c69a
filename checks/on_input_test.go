package checks

import (
	"testing"

	"github.com/didi-index/didi/snapshot"

	"github.com/stretchr/testify/assert"
)

func TestNavigates(t *testing.T) {
	tests := []struct {
		js   string
		want bool
	}{
		{"location.href='/' + this.value", true},
		{"window.location = this.value", true},
		{"document.location.href=this.options[this.selectedIndex].value", true},
		{"top.location.search = '?p=' + v", true},
		{"location.assign(url)", true},
		{"location . replace ( url )", true},
		{"window.location.reload()", true},
		{"this.form.submit()", true},
		{"document.forms[0].requestSubmit()", true},
		{"window.open(this.value)", true},
		{"MM_jumpMenu('parent',this,0)", true},
		{"document.body.className = this.value", false},
		{"if (location.href == start) show()", false},
		{"if (location.href === start) show()", false},
		{"updateLocationFilter(this.value)", false},
		{"navigator.geolocation = x", false},
		{"function(e){return S.event.dispatch.apply(t,arguments)}", false},
		{"", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, navigates(tt.js), "%q", tt.js)
	}
}

// TestOnInputScriptListeners: a script's listener counts like an inline
// handler; one that may only update the page asks one question per select
// and per radio group; snapshots without the fact (older ones, or no
// browser) give what the HTML alone gives.
func TestOnInputScriptListeners(t *testing.T) {
	body := `<select id="s" aria-label="Sort"><option>A</option></select>
<input type="radio" name="v" id="v1" aria-label="List"><input type="radio" name="v" id="v2" aria-label="Map">
<input type="radio" name="w" id="w1" aria-label="Day">
<input type="checkbox" id="c" aria-label="Details">`
	tests := []struct {
		name      string
		listeners []snapshot.InputListener
		want      Outcome
		sels      []string
		message   string
	}{
		{"no fact", nil, Pass, nil, ""},
		{"navigates", []snapshot.InputListener{{Selector: "#v2", Event: "change", Source: "() => location.assign('/map')"}}, Fail, []string{"#v2"}, "fail"},
		{"unclear, one question per group", []snapshot.InputListener{
			{Selector: "#v1", Event: "change", Source: "function () { toon(1) }"},
			{Selector: "#v2", Event: "change", Source: "function () { toon(2) }"},
			{Selector: "#w1", Event: "input", Source: "function () { toon(3) }"},
			{Selector: "#s", Event: "change", Source: ""},
		}, NeedsReview, []string{"#s", "#v1", "#w1"}, "script"},
		{"check box left alone", []snapshot.InputListener{{Selector: "#c", Event: "change", Source: "function () { toon(4) }"}}, Pass, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := actPage(body)
			if tt.listeners != nil {
				p.Snap.Browser = &snapshot.BrowserFacts{InputListeners: tt.listeners}
			}
			r := onInput(p, nil)
			assert.Equal(t, tt.want, r.Outcome)
			var sels []string
			for _, e := range r.Evidence {
				sels = append(sels, e.Selector)
				assert.Equal(t, tt.message, e.Message)
			}
			assert.Equal(t, tt.sels, sels)
		})
	}
}
