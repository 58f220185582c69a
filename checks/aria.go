package checks

import "strings"

// This file holds the WAI-ARIA 1.2 data the accessible checks need: the
// valid roles, the states and properties with their value types, which
// attributes each role supports, requires or prohibits, and the required
// context and owned elements of roles. Graphics-ARIA and DPUB-ARIA roles are
// valid roles too. Lists follow the specification; where ARIA 1.3 adds an
// attribute (aria-description, aria-braillelabel, ...) it is accepted.

// ariaType is the value type of an ARIA state or property.
type ariaType int

const (
	ariaString ariaType = iota
	ariaBool
	ariaTristate   // true, false, mixed, undefined
	ariaTrueFalseU // true, false, undefined
	ariaInt
	ariaNumber
	ariaToken
	ariaTokens
	ariaIDRef
	ariaIDRefs
)

// ariaAttr describes one ARIA state or property.
type ariaAttr struct {
	typ    ariaType
	tokens []string // allowed tokens for ariaToken / ariaTokens
	global bool     // supported on every role
}

// ariaAttrs are the WAI-ARIA states and properties by name.
var ariaAttrs = map[string]ariaAttr{
	"aria-activedescendant":       {typ: ariaIDRef},
	"aria-atomic":                 {typ: ariaBool, global: true},
	"aria-autocomplete":           {typ: ariaToken, tokens: []string{"inline", "list", "both", "none"}},
	"aria-braillelabel":           {typ: ariaString, global: true},
	"aria-brailleroledescription": {typ: ariaString, global: true},
	"aria-busy":                   {typ: ariaBool, global: true},
	"aria-checked":                {typ: ariaTristate},
	"aria-colcount":               {typ: ariaInt},
	"aria-colindex":               {typ: ariaInt},
	"aria-colindextext":           {typ: ariaString},
	"aria-colspan":                {typ: ariaInt},
	"aria-controls":               {typ: ariaIDRefs, global: true},
	"aria-current":                {typ: ariaToken, tokens: []string{"page", "step", "location", "date", "time", "true", "false"}, global: true},
	"aria-describedby":            {typ: ariaIDRefs, global: true},
	"aria-description":            {typ: ariaString, global: true},
	"aria-details":                {typ: ariaIDRefs, global: true},
	"aria-disabled":               {typ: ariaBool, global: true},
	"aria-dropeffect":             {typ: ariaTokens, tokens: []string{"copy", "execute", "link", "move", "none", "popup"}, global: true},
	"aria-errormessage":           {typ: ariaIDRefs, global: true},
	"aria-expanded":               {typ: ariaTrueFalseU},
	"aria-flowto":                 {typ: ariaIDRefs, global: true},
	"aria-grabbed":                {typ: ariaTrueFalseU, global: true},
	"aria-haspopup":               {typ: ariaToken, tokens: []string{"false", "true", "menu", "listbox", "tree", "grid", "dialog"}, global: true},
	"aria-hidden":                 {typ: ariaTrueFalseU, global: true},
	"aria-invalid":                {typ: ariaToken, tokens: []string{"grammar", "false", "spelling", "true"}, global: true},
	"aria-keyshortcuts":           {typ: ariaString, global: true},
	"aria-label":                  {typ: ariaString, global: true},
	"aria-labelledby":             {typ: ariaIDRefs, global: true},
	"aria-level":                  {typ: ariaInt},
	"aria-live":                   {typ: ariaToken, tokens: []string{"assertive", "off", "polite"}, global: true},
	"aria-modal":                  {typ: ariaBool},
	"aria-multiline":              {typ: ariaBool},
	"aria-multiselectable":        {typ: ariaBool},
	"aria-orientation":            {typ: ariaToken, tokens: []string{"horizontal", "vertical", "undefined"}},
	"aria-owns":                   {typ: ariaIDRefs, global: true},
	"aria-placeholder":            {typ: ariaString},
	"aria-posinset":               {typ: ariaInt},
	"aria-pressed":                {typ: ariaTristate},
	"aria-readonly":               {typ: ariaBool},
	"aria-relevant":               {typ: ariaTokens, tokens: []string{"additions", "all", "removals", "text"}, global: true},
	"aria-required":               {typ: ariaBool},
	"aria-roledescription":        {typ: ariaString, global: true},
	"aria-rowcount":               {typ: ariaInt},
	"aria-rowindex":               {typ: ariaInt},
	"aria-rowindextext":           {typ: ariaString},
	"aria-rowspan":                {typ: ariaInt},
	"aria-selected":               {typ: ariaTrueFalseU},
	"aria-setsize":                {typ: ariaInt},
	"aria-sort":                   {typ: ariaToken, tokens: []string{"ascending", "descending", "none", "other"}},
	"aria-valuemax":               {typ: ariaNumber},
	"aria-valuemin":               {typ: ariaNumber},
	"aria-valuenow":               {typ: ariaNumber},
	"aria-valuetext":              {typ: ariaString},
}

// roleInfo describes one concrete WAI-ARIA role.
type roleInfo struct {
	supported []string // non-global attributes it supports (with inherited ones)
	required  []string // attributes it requires
	// nameProhibited is true when aria-label and aria-labelledby are
	// prohibited on the role.
	nameProhibited bool
	// context lists the roles one of which must own it.
	context []string
	// owned lists the roles it may own (required owned elements).
	owned []string
	// fromContent is true when the role can take its name from its content.
	fromContent bool
	// presentationalChildren is true when its children are presentational.
	presentationalChildren bool
}

// Attribute groups shared by several roles.
var (
	rangeAttrs  = []string{"aria-valuemax", "aria-valuemin", "aria-valuenow", "aria-valuetext"}
	inputAttrs  = []string{"aria-errormessage", "aria-invalid", "aria-readonly", "aria-required", "aria-disabled"}
	cellAttrs   = []string{"aria-colindex", "aria-colspan", "aria-rowindex", "aria-rowspan", "aria-colindextext", "aria-rowindextext"}
	gridcellAt  = append([]string{"aria-disabled", "aria-errormessage", "aria-expanded", "aria-haspopup", "aria-invalid", "aria-readonly", "aria-required", "aria-selected"}, cellAttrs...)
	headerAttrs = append([]string{"aria-sort"}, gridcellAt...)
	menuitemAt  = []string{"aria-disabled", "aria-expanded", "aria-haspopup", "aria-posinset", "aria-setsize"}
	textboxAt   = append([]string{"aria-activedescendant", "aria-autocomplete", "aria-multiline", "aria-placeholder"}, inputAttrs...)
	selectAt    = []string{"aria-activedescendant", "aria-orientation", "aria-expanded", "aria-multiselectable"}
	rowOwned    = []string{"row", "rowgroup"}
	menuOwned   = []string{"menuitem", "menuitemcheckbox", "menuitemradio", "group", "separator"}
)

// a11yJoin concatenates lists.
func a11yJoin(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// ariaRoles are the concrete (non-abstract) roles.
var ariaRoles = map[string]roleInfo{
	"alert":            {supported: []string{"aria-expanded"}},
	"alertdialog":      {supported: []string{"aria-modal", "aria-expanded"}},
	"application":      {supported: []string{"aria-activedescendant", "aria-disabled", "aria-errormessage", "aria-expanded", "aria-haspopup", "aria-invalid"}},
	"article":          {supported: []string{"aria-posinset", "aria-setsize", "aria-expanded"}},
	"banner":           {supported: []string{"aria-expanded"}},
	"blockquote":       {},
	"button":           {supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup", "aria-pressed"}, fromContent: true, presentationalChildren: true},
	"caption":          {nameProhibited: true},
	"cell":             {supported: cellAttrs, context: []string{"row"}, fromContent: true},
	"checkbox":         {supported: a11yJoin([]string{"aria-checked", "aria-expanded"}, inputAttrs), required: []string{"aria-checked"}, fromContent: true, presentationalChildren: true},
	"code":             {nameProhibited: true},
	"columnheader":     {supported: headerAttrs, context: []string{"row"}, fromContent: true},
	"combobox":         {supported: a11yJoin([]string{"aria-activedescendant", "aria-autocomplete", "aria-expanded", "aria-haspopup", "aria-controls", "aria-owns"}, inputAttrs), required: []string{"aria-expanded"}},
	"comment":          {supported: []string{"aria-level", "aria-posinset", "aria-setsize"}, fromContent: true},
	"complementary":    {supported: []string{"aria-expanded"}},
	"contentinfo":      {supported: []string{"aria-expanded"}},
	"definition":       {},
	"deletion":         {nameProhibited: true},
	"dialog":           {supported: []string{"aria-modal", "aria-expanded"}},
	"directory":        {supported: []string{"aria-expanded"}},
	"document":         {supported: []string{"aria-expanded"}},
	"emphasis":         {nameProhibited: true},
	"feed":             {owned: []string{"article"}},
	"figure":           {},
	"form":             {},
	"generic":          {nameProhibited: true},
	"grid":             {supported: []string{"aria-activedescendant", "aria-colcount", "aria-disabled", "aria-multiselectable", "aria-readonly", "aria-rowcount", "aria-expanded"}, owned: rowOwned},
	"gridcell":         {supported: gridcellAt, context: []string{"row"}, fromContent: true},
	"group":            {supported: []string{"aria-activedescendant", "aria-disabled", "aria-expanded"}},
	"heading":          {supported: []string{"aria-level", "aria-expanded"}, required: []string{"aria-level"}, fromContent: true},
	"image":            {},
	"img":              {presentationalChildren: true},
	"insertion":        {nameProhibited: true},
	"link":             {supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup"}, fromContent: true},
	"list":             {owned: []string{"listitem"}},
	"listbox":          {supported: a11yJoin(selectAt, inputAttrs), owned: []string{"option", "group"}},
	"listitem":         {supported: []string{"aria-level", "aria-posinset", "aria-setsize", "aria-expanded"}, context: []string{"list", "directory"}},
	"log":              {},
	"main":             {supported: []string{"aria-expanded"}},
	"mark":             {nameProhibited: true},
	"marquee":          {},
	"math":             {presentationalChildren: false},
	"menu":             {supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}, owned: menuOwned},
	"menubar":          {supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}, owned: menuOwned},
	"menuitem":         {supported: menuitemAt, context: []string{"menu", "menubar", "group"}, fromContent: true},
	"menuitemcheckbox": {supported: a11yJoin(menuitemAt, []string{"aria-checked"}), required: []string{"aria-checked"}, context: []string{"menu", "menubar", "group"}, fromContent: true, presentationalChildren: true},
	"menuitemradio":    {supported: a11yJoin(menuitemAt, []string{"aria-checked"}), required: []string{"aria-checked"}, context: []string{"menu", "menubar", "group"}, fromContent: true, presentationalChildren: true},
	"meter":            {supported: rangeAttrs, required: []string{"aria-valuenow"}, presentationalChildren: true},
	"navigation":       {supported: []string{"aria-expanded"}},
	"none":             {nameProhibited: true},
	"note":             {supported: []string{"aria-expanded"}},
	"option":           {supported: []string{"aria-checked", "aria-disabled", "aria-posinset", "aria-selected", "aria-setsize"}, context: []string{"listbox", "group"}, fromContent: true, presentationalChildren: true},
	"paragraph":        {nameProhibited: true},
	"presentation":     {nameProhibited: true},
	"progressbar":      {supported: rangeAttrs, presentationalChildren: true},
	"radio":            {supported: []string{"aria-checked", "aria-disabled", "aria-posinset", "aria-setsize"}, required: []string{"aria-checked"}, fromContent: true, presentationalChildren: true},
	"radiogroup":       {supported: a11yJoin([]string{"aria-activedescendant", "aria-expanded", "aria-orientation"}, inputAttrs)},
	"region":           {supported: []string{"aria-expanded"}},
	"row":              {supported: []string{"aria-activedescendant", "aria-colindex", "aria-disabled", "aria-expanded", "aria-level", "aria-posinset", "aria-rowindex", "aria-selected", "aria-setsize", "aria-colindextext", "aria-rowindextext"}, context: []string{"grid", "rowgroup", "table", "treegrid"}, owned: []string{"cell", "columnheader", "gridcell", "rowheader"}, fromContent: true},
	"rowgroup":         {context: []string{"grid", "table", "treegrid"}, owned: []string{"row"}},
	"rowheader":        {supported: headerAttrs, context: []string{"row"}, fromContent: true},
	"scrollbar":        {supported: a11yJoin(rangeAttrs, []string{"aria-disabled", "aria-orientation"}), required: []string{"aria-controls", "aria-valuenow"}, presentationalChildren: true},
	"search":           {supported: []string{"aria-expanded"}},
	"searchbox":        {supported: textboxAt},
	"sectionfooter":    {},
	"sectionheader":    {},
	"separator":        {supported: a11yJoin(rangeAttrs, []string{"aria-disabled", "aria-orientation"}), presentationalChildren: true},
	"slider":           {supported: a11yJoin(rangeAttrs, []string{"aria-orientation", "aria-haspopup"}, inputAttrs), required: []string{"aria-valuenow"}, presentationalChildren: true},
	"spinbutton":       {supported: a11yJoin(rangeAttrs, []string{"aria-activedescendant"}, inputAttrs)},
	"status":           {supported: []string{"aria-expanded"}},
	"strong":           {nameProhibited: true},
	"subscript":        {nameProhibited: true},
	"suggestion":       {nameProhibited: true},
	"superscript":      {nameProhibited: true},
	"switch":           {supported: a11yJoin([]string{"aria-checked", "aria-expanded"}, inputAttrs), required: []string{"aria-checked"}, fromContent: true, presentationalChildren: true},
	"tab":              {supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup", "aria-posinset", "aria-selected", "aria-setsize"}, context: []string{"tablist"}, fromContent: true, presentationalChildren: true},
	"table":            {supported: []string{"aria-colcount", "aria-rowcount"}, owned: rowOwned},
	"tablist":          {supported: []string{"aria-activedescendant", "aria-disabled", "aria-multiselectable", "aria-orientation", "aria-expanded"}, owned: []string{"tab"}},
	"tabpanel":         {supported: []string{"aria-expanded"}},
	"term":             {},
	"textbox":          {supported: textboxAt},
	"time":             {},
	"timer":            {},
	"toolbar":          {supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}},
	"tooltip":          {},
	"tree":             {supported: a11yJoin([]string{"aria-activedescendant", "aria-multiselectable", "aria-orientation", "aria-expanded"}, inputAttrs), owned: []string{"treeitem", "group"}},
	"treegrid":         {supported: a11yJoin([]string{"aria-activedescendant", "aria-colcount", "aria-multiselectable", "aria-orientation", "aria-rowcount", "aria-expanded"}, inputAttrs), owned: rowOwned},
	"treeitem":         {supported: []string{"aria-checked", "aria-disabled", "aria-expanded", "aria-haspopup", "aria-level", "aria-posinset", "aria-selected", "aria-setsize"}, context: []string{"group", "tree"}, fromContent: true},
	// Graphics-ARIA.
	"graphics-document": {supported: []string{"aria-expanded"}},
	"graphics-object":   {supported: []string{"aria-expanded"}},
	"graphics-symbol":   {presentationalChildren: true},
}

// dpubLinkRoles are DPUB-ARIA roles that are kinds of link.
var dpubLinkRoles = map[string]bool{"doc-backlink": true, "doc-biblioref": true, "doc-glossref": true, "doc-noteref": true}

// dpubRoles are the valid DPUB-ARIA roles.
var dpubRoles = strings.Fields(`doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink
doc-biblioentry doc-bibliography doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover
doc-credit doc-credits doc-dedication doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata
doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index doc-introduction doc-noteref
doc-notice doc-pagebreak doc-pagefooter doc-pageheader doc-pagelist doc-part doc-preface doc-prologue
doc-pullquote doc-qna doc-subtitle doc-tip doc-toc`)

// roleLookup returns what is known about role and whether it is a valid
// concrete role. DPUB roles map onto their base role.
func roleLookup(role string) (roleInfo, bool) {
	if ri, ok := ariaRoles[role]; ok {
		return ri, true
	}
	if strings.HasPrefix(role, "doc-") {
		for _, r := range dpubRoles {
			if r == role {
				switch {
				case dpubLinkRoles[role]:
					return ariaRoles["link"], true
				case role == "doc-pagebreak":
					return ariaRoles["separator"], true
				case role == "doc-subtitle":
					return ariaRoles["heading"], true
				case role == "doc-cover":
					return ariaRoles["img"], true
				case role == "doc-biblioentry" || role == "doc-endnote":
					return ariaRoles["listitem"], true
				}
				return roleInfo{supported: []string{"aria-expanded"}}, true
			}
		}
	}
	return roleInfo{}, false
}

// baseRole maps a DPUB role onto the ARIA role it is a kind of, for
// context and owned-element comparisons.
func baseRole(role string) string {
	switch {
	case dpubLinkRoles[role]:
		return "link"
	case role == "doc-biblioentry" || role == "doc-endnote":
		return "listitem"
	case role == "doc-subtitle":
		return "heading"
	case role == "doc-pagebreak":
		return "separator"
	case role == "doc-cover":
		return "img"
	}
	return role
}

// supports reports whether role supports attribute name (global or role
// specific). Required attributes are supported.
func (ri roleInfo) supports(name string) bool {
	for _, a := range ri.supported {
		if a == name {
			return true
		}
	}
	for _, a := range ri.required {
		if a == name {
			return true
		}
	}
	return false
}

// a11yContains reports whether list holds s.
func a11yContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
