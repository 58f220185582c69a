// Package snapshot is the contract between the crawler and the checks: a
// typed Snapshot of everything didi gathered about one page, saveable as JSON
// and loadable again. The crawler writes snapshots; checks only read them.
// It is a leaf package: it imports nothing of didi's but atomic file writing,
// and no browser library.
package snapshot

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/didi-index/didi/internal/atomicfile"
)

// Snapshot is everything didi gathered about one page. Facts that only a
// browser can measure live in Browser, which is nil when the page was fetched
// without a browser (--no-browser); checks that need them then report
// not_evaluated.
type Snapshot struct {
	// URL is the address didi asked for, normalised.
	URL string `json:"url"`
	// FinalURL is the address after redirects.
	FinalURL string `json:"final_url"`
	// Redirects lists every address of the redirect chain before FinalURL.
	Redirects []string `json:"redirects,omitempty"`
	// Depth is the number of links followed from a start URL.
	Depth int `json:"depth"`
	// Status is the HTTP status of the document (0 when no response came).
	Status int `json:"status"`
	// Headers holds the document's response headers, keys in canonical form
	// (as net/http.CanonicalHeaderKey), several values joined with ", ".
	Headers map[string]string `json:"headers,omitempty"`
	// ContentType is the media type of the document without parameters.
	ContentType string `json:"content_type,omitempty"`
	// Error says why the page could not be scanned; empty when it was.
	Error string `json:"error,omitempty"`
	// ErrorCode is the stable code of Error (crawler.ErrHTTPStatus and
	// friends: "http_status", "timeout", "redirect_outside"...), for
	// reports in every language; empty when the page was scanned.
	ErrorCode string `json:"error_code,omitempty"`
	// ErrorParams are the values the code's text needs ("status": "404").
	ErrorParams map[string]string `json:"error_params,omitempty"`
	// HTML is the document as served (capped in size).
	HTML string `json:"html,omitempty"`
	// DOM is the document as rendered by the browser (outerHTML of the
	// document element after load). Without a browser it equals HTML.
	DOM string `json:"dom,omitempty"`
	// Title is the rendered document title.
	Title string `json:"title,omitempty"`
	// Lang is the lang attribute of the html element.
	Lang string `json:"lang,omitempty"`
	// Insecure is true when TLS certificate errors were ignored (--insecure).
	Insecure bool `json:"insecure,omitempty"`
	// Fetched is when the page was loaded.
	Fetched time.Time `json:"fetched"`
	// Browser holds the facts only a browser can measure; nil without one.
	Browser *BrowserFacts `json:"browser,omitempty"`
}

// OK reports whether the page was loaded and can be checked.
func (s *Snapshot) OK() bool { return s.Error == "" }

// BrowserFacts are measured in a real Chromium tab during one navigation.
type BrowserFacts struct {
	// AXTree is Chromium's accessibility tree (Accessibility.getFullAXTree),
	// flattened; nodes refer to DOM elements by Selector.
	AXTree []AXNode `json:"ax_tree,omitempty"`
	// Texts lists visible text elements with their computed colours.
	Texts []TextStyle `json:"texts,omitempty"`
	// TextsCapped is true when the page had more text elements than were
	// measured (DefaultTextLimit); Texts then holds the first ones in
	// document order.
	TextsCapped bool `json:"texts_capped,omitempty"`
	// Controls lists form controls with their border/background colours, for
	// non-text contrast (WCAG 1.4.11).
	Controls []ControlStyle `json:"controls,omitempty"`
	// TextLinks lists links inside a run of text, with how they stand out
	// from it (WCAG 1.4.1).
	TextLinks []TextLink `json:"text_links,omitempty"`
	// HiddenLabels lists the selectors of label elements that are there for
	// screen readers but not seen: 1 px or less, or moved off the page to
	// the left or the top.
	HiddenLabels []string `json:"hidden_labels,omitempty"`
	// Scrollers lists the areas whose content scrolls inside them (see
	// Scroller), at most 100.
	Scrollers []Scroller `json:"scrollers,omitempty"`
	// Focusables lists focusable elements in tab order.
	Focusables []Focusable `json:"focusables,omitempty"`
	// FocusSampled is true when only the first N focusables were tested for a
	// visible focus indicator (bounded for speed on very large pages).
	FocusSampled bool `json:"focus_sampled,omitempty"`
	// Targets lists interactive elements with their size on screen.
	Targets []Target `json:"targets,omitempty"`
	// Reflow is the layout measured at a 320 CSS px wide viewport.
	Reflow Reflow `json:"reflow"`
	// Media lists audio and video elements.
	Media []Media `json:"media,omitempty"`
	// Images lists img elements with natural and displayed sizes.
	Images []Image `json:"images,omitempty"`
	// Requests lists every network request the page made, in order,
	// including requests that were blocked or failed.
	Requests []Request `json:"requests,omitempty"`
	// Cookies lists cookies present after load, before any interaction.
	Cookies []Cookie `json:"cookies,omitempty"`
	// ConsoleErrors holds console errors and uncaught exceptions.
	ConsoleErrors []string `json:"console_errors,omitempty"`
	// Timing holds load timings in milliseconds.
	Timing Timing `json:"timing"`
	// RenderedText is the visible text of the body after scripts ran.
	RenderedText string `json:"rendered_text,omitempty"`
	// Overlays lists fixed or absolutely positioned elements that cover a
	// large part of the viewport on load (cookie walls, modal dialogs).
	Overlays []Overlay `json:"overlays,omitempty"`
	// MinFontSizePx is the smallest computed font size of visible text.
	MinFontSizePx float64 `json:"min_font_size_px,omitempty"`
	// InputListeners lists the change and input listeners that scripts
	// added to select, radio and check box elements (addEventListener, or
	// an onchange property set by a script), in document order. Inline
	// onchange and oninput attributes are in the DOM and not listed. Only
	// the first MaxListenerElements such elements of a page are read
	// (InputListenersCapped). Snapshots of didi before 2026-12 do not have
	// it.
	InputListeners []InputListener `json:"input_listeners,omitempty"`
	// InputListenersCapped is true when the page had more select, radio and
	// check box elements than were read.
	InputListenersCapped bool `json:"input_listeners_capped,omitempty"`
	// SlowLoadMs is the load time under the emulated slow connection
	// (Options.SlowProfile); only measured on start pages, 0 otherwise. When
	// the page did not load within the page timeout it is the timeout.
	SlowLoadMs float64 `json:"slow_load_ms,omitempty"`
}

// AXNode is one node of the accessibility tree.
type AXNode struct {
	// Selector finds the DOM element behind the node ("" for text nodes).
	Selector string `json:"selector,omitempty"`
	// Role is the computed role (e.g. "button", "img", "link").
	Role string `json:"role"`
	// Name is the computed accessible name.
	Name string `json:"name,omitempty"`
	// NameFrom tells where the name came from ("attribute", "contents", ...).
	NameFrom string `json:"name_from,omitempty"`
	// Ignored is true for nodes excluded from the accessibility tree.
	Ignored bool `json:"ignored,omitempty"`
	// Focusable is true when the node can take keyboard focus.
	Focusable bool `json:"focusable,omitempty"`
}

// MaxListenerElements bounds the select, radio and check box elements of a
// page whose event listeners are read (BrowserFacts.InputListeners).
const MaxListenerElements = 100

// MaxListenerSource bounds InputListener.Source, in bytes.
const MaxListenerSource = 1000

// InputListener is a change or input event listener that a script added to
// a form control.
type InputListener struct {
	// Selector finds the element.
	Selector string `json:"selector"`
	// Event is "change" or "input".
	Event string `json:"event"`
	// Source is the start of the listener function's source text (at most
	// MaxListenerSource bytes); "" when the browser did not give it.
	Source string `json:"source,omitempty"`
}

// Colour is an sRGB colour with alpha in [0,1].
type Colour struct {
	R uint8   `json:"r"`
	G uint8   `json:"g"`
	B uint8   `json:"b"`
	A float64 `json:"a"`
}

// TextStyle describes a visible text element. Its selector is that of the
// shadow host for text in a shadow tree.
type TextStyle struct {
	Selector string `json:"selector"`
	// Text is a sample of the element's own text (shortened).
	Text string `json:"text"`
	// Foreground is the text colour; for text that an opacity fades or that
	// lies on a gradient, the colour as seen, composited like Background.
	Foreground Colour  `json:"fg"`
	Background Colour  `json:"bg"`
	FontSizePx float64 `json:"font_size_px"`
	FontWeight int     `json:"font_weight"`
	// BackgroundImage is true when an image lies behind the text (or a
	// gradient the page script could not read), so contrast cannot be
	// computed reliably.
	BackgroundImage bool `json:"bg_image,omitempty"`
	// Shadow is true when the text has a text shadow or a text stroke
	// (computed text-shadow other than "none", or -webkit-text-stroke-width
	// above 0): it changes the contrast, which then needs review.
	Shadow bool `json:"shadow,omitempty"`
	// Halo is the colour of text shadows that wrap each letter closely (one
	// colour, blurred at least as far as offset, by at most half the font
	// size, together at least 90 % opaque at the letters' edges), over the
	// background: the letters stand out against it rather than against
	// Background. Nil otherwise.
	Halo *Colour `json:"halo,omitempty"`
	// Ratio is the contrast ratio of Foreground on Background. For text on
	// a gradient it is the highest contrast the text reaches on any of the
	// gradient's colours (Foreground and Background are that pair), and
	// RatioMin the lowest; RatioMin is 0 for text on one colour.
	Ratio    float64 `json:"ratio"`
	RatioMin float64 `json:"ratio_min,omitempty"`
}

// Scroller is an element whose content scrolls inside it (overflow auto or
// scroll) by more than its padding and at least 10 px, that shows something
// and is not inert. The page itself and frames are not scrollers.
type Scroller struct {
	Selector string `json:"selector"`
	// Focusable is true when the element itself is in the Tab order.
	Focusable bool `json:"focusable,omitempty"`
	// FocusableInside is true when an element inside it is in the Tab order.
	FocusableInside bool `json:"focusable_inside,omitempty"`
}

// ControlStyle describes the visual boundary of a form control.
type ControlStyle struct {
	Selector string `json:"selector"`
	// Ratio is the highest contrast of its border or background against the
	// colour around it.
	Ratio float64 `json:"ratio"`
}

// TextLink is a link inside a run of text, as it looks before any hover or
// focus.
type TextLink struct {
	Selector string `json:"selector"`
	// Ratio is the contrast ratio between the link's colour and the colour
	// of the text around it.
	Ratio float64 `json:"ratio"`
	// Cue is true when something besides colour sets the link apart: an
	// underline or other line, a bottom border or outline, another font
	// weight, style, family or size, a background, or an image.
	Cue bool `json:"cue,omitempty"`
}

// Focusable is an element reachable with the Tab key.
type Focusable struct {
	Selector string `json:"selector"`
	TabIndex int    `json:"tab_index"`
	// FocusVisible is true when focusing it changes outline, box shadow,
	// border or background; nil when not tested (see FocusSampled).
	FocusVisible *bool `json:"focus_visible,omitempty"`
	// Hidden is true when it is focusable but not visible or aria-hidden.
	Hidden bool `json:"hidden,omitempty"`
}

// Target is an interactive element and its size on screen in CSS px.
type Target struct {
	Selector string  `json:"selector"`
	Width    float64 `json:"w"`
	Height   float64 `json:"h"`
	// Inline is true for links inside a sentence (exempt from WCAG 2.5.8).
	Inline bool `json:"inline,omitempty"`
	// Spaced is true when a 24 px circle on its centre touches no other
	// target (the spacing exception of WCAG 2.5.8).
	Spaced bool `json:"spaced,omitempty"`
}

// Reflow is the layout at a narrow viewport.
type Reflow struct {
	ViewportWidth int `json:"viewport_width"`
	ScrollWidth   int `json:"scroll_width"`
	// Overflows is true when content is wider than the viewport.
	Overflows bool `json:"overflows"`
	// Offenders lists selectors of the outermost elements whose right edge
	// passes the viewport (what makes the page wider), in-flow elements
	// first, then by how far they reach; elements moved out of view for
	// screen readers are left out.
	Offenders []string `json:"offenders,omitempty"`
	// OffenderWidths holds the width in CSS px of each of Offenders.
	OffenderWidths []int `json:"offender_widths,omitempty"`
	// ZoomBlocked is true when the viewport meta tag blocks zooming
	// (user-scalable=no or maximum-scale below 2).
	ZoomBlocked bool `json:"zoom_blocked,omitempty"`
	// ViewportMeta is the content of the viewport meta tag, if any.
	ViewportMeta string `json:"viewport_meta,omitempty"`
}

// Media is an audio or video element.
type Media struct {
	Selector string `json:"selector"`
	Kind     string `json:"kind"` // "audio" or "video"
	Autoplay bool   `json:"autoplay,omitempty"`
	Muted    bool   `json:"muted,omitempty"`
	Controls bool   `json:"controls,omitempty"`
	// Captions is true when it has a track of kind captions or subtitles.
	Captions bool `json:"captions,omitempty"`
	// Playing is true when it was playing after load.
	Playing bool    `json:"playing,omitempty"`
	Seconds float64 `json:"duration_s,omitempty"`
	// HasAudio tells whether the media has an audible track: true when
	// audio was decoded while it played (webkitAudioDecodedByteCount > 0 or
	// audioTracks.length > 0), false when it played without any, nil when
	// unknown. Checks of autoplaying sound and of captions skip silent media.
	HasAudio *bool `json:"has_audio,omitempty"`
}

// Image is an img element with its natural and displayed size.
type Image struct {
	Selector      string  `json:"selector"`
	Src           string  `json:"src"`
	NaturalWidth  int     `json:"natural_w"`
	NaturalHeight int     `json:"natural_h"`
	ShownWidth    float64 `json:"shown_w"`
	ShownHeight   float64 `json:"shown_h"`
}

// Request is one network request.
type Request struct {
	URL  string `json:"url"`
	Type string `json:"type"` // Document, Script, Image, Stylesheet, Font, XHR, ...
	Host string `json:"host"`
	// ThirdParty is true when the host's registrable domain differs from the
	// page's.
	ThirdParty bool  `json:"third_party,omitempty"`
	Status     int   `json:"status,omitempty"`
	Bytes      int64 `json:"bytes,omitempty"` // encoded (transferred) bytes
	// Failed holds the network error, e.g. a request blocked by --offline.
	Failed string `json:"failed,omitempty"`
	// Mixed is true for an http:// subresource on an https:// page.
	Mixed bool `json:"mixed,omitempty"`
}

// Cookie is a cookie set before any user interaction.
type Cookie struct {
	Name       string `json:"name"`
	Domain     string `json:"domain"`
	ThirdParty bool   `json:"third_party,omitempty"`
	Session    bool   `json:"session,omitempty"`
}

// Timing holds page load timings in milliseconds since navigation start.
type Timing struct {
	DOMContentLoaded float64 `json:"dom_content_loaded_ms"`
	Load             float64 `json:"load_ms"`
}

// Overlay is an element that covers the page on load.
type Overlay struct {
	Selector string `json:"selector"`
	// Coverage is the share of the viewport it covers, 0..1.
	Coverage float64 `json:"coverage"`
	Text     string  `json:"text,omitempty"`
}

// Save writes snapshots as indented JSON.
func Save(path string, snaps []Snapshot) error {
	b, err := json.MarshalIndent(snaps, "", " ")
	if err != nil {
		return fmt.Errorf("encode snapshots: %w", err)
	}
	if err := atomicfile.WriteBytes(path, b); err != nil {
		return fmt.Errorf("save snapshots: %w", err)
	}
	return nil
}

// Load reads snapshots written by Save.
func Load(path string) ([]Snapshot, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load snapshots %s: %w", path, err)
	}
	var snaps []Snapshot
	if err := json.Unmarshal(b, &snaps); err != nil {
		return nil, fmt.Errorf("load snapshots %s: %w", path, err)
	}
	return snaps, nil
}

// SlowProfile describes an emulated slow connection.
type SlowProfile struct {
	// Latency is added to each request.
	Latency time.Duration
	// Down and Up are throughputs in bytes per second.
	Down, Up float64
}
