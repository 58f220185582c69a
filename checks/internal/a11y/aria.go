package a11y

import "strings"

// This file holds the WAI-ARIA 1.2 data the accessible checks need: the
// valid roles, the states and properties with their value types, which
// attributes each role supports, requires or prohibits, and the required
// context and owned elements of roles. Graphics-ARIA and DPUB-ARIA roles are
// valid roles too. Lists follow the specification; where ARIA 1.3 adds an
// attribute (aria-description, aria-braillelabel, ...) it is accepted.

// Type is the value type of an ARIA state or property.
type Type int

const (
	TypeString Type = iota
	TypeBool
	TypeTristate   // true, false, mixed, undefined
	TypeTrueFalseU // true, false, undefined
	TypeInt
	TypeNumber
	TypeToken
	TypeTokens
	TypeIDRef
	TypeIDRefs
)

// AttrInfo describes one ARIA state or property.
type AttrInfo struct {
	Typ    Type
	Tokens []string // allowed tokens for TypeToken / TypeTokens
	Global bool     // supported on every role
}

// Attrs are the WAI-ARIA states and properties by name.
var Attrs = map[string]AttrInfo{
	"aria-activedescendant":       {Typ: TypeIDRef},
	"aria-atomic":                 {Typ: TypeBool, Global: true},
	"aria-autocomplete":           {Typ: TypeToken, Tokens: []string{"inline", "list", "both", "none"}},
	"aria-braillelabel":           {Typ: TypeString, Global: true},
	"aria-brailleroledescription": {Typ: TypeString, Global: true},
	"aria-busy":                   {Typ: TypeBool, Global: true},
	"aria-checked":                {Typ: TypeTristate},
	"aria-colcount":               {Typ: TypeInt},
	"aria-colindex":               {Typ: TypeInt},
	"aria-colindextext":           {Typ: TypeString},
	"aria-colspan":                {Typ: TypeInt},
	"aria-controls":               {Typ: TypeIDRefs, Global: true},
	"aria-current":                {Typ: TypeToken, Tokens: []string{"page", "step", "location", "date", "time", "true", "false"}, Global: true},
	"aria-describedby":            {Typ: TypeIDRefs, Global: true},
	"aria-description":            {Typ: TypeString, Global: true},
	"aria-details":                {Typ: TypeIDRefs, Global: true},
	"aria-disabled":               {Typ: TypeBool, Global: true},
	"aria-dropeffect":             {Typ: TypeTokens, Tokens: []string{"copy", "execute", "link", "move", "none", "popup"}, Global: true},
	"aria-errormessage":           {Typ: TypeIDRefs, Global: true},
	"aria-expanded":               {Typ: TypeTrueFalseU},
	"aria-flowto":                 {Typ: TypeIDRefs, Global: true},
	"aria-grabbed":                {Typ: TypeTrueFalseU, Global: true},
	"aria-haspopup":               {Typ: TypeToken, Tokens: []string{"false", "true", "menu", "listbox", "tree", "grid", "dialog"}, Global: true},
	"aria-hidden":                 {Typ: TypeTrueFalseU, Global: true},
	"aria-invalid":                {Typ: TypeToken, Tokens: []string{"grammar", "false", "spelling", "true"}, Global: true},
	"aria-keyshortcuts":           {Typ: TypeString, Global: true},
	"aria-label":                  {Typ: TypeString, Global: true},
	"aria-labelledby":             {Typ: TypeIDRefs, Global: true},
	"aria-level":                  {Typ: TypeInt},
	"aria-live":                   {Typ: TypeToken, Tokens: []string{"assertive", "off", "polite"}, Global: true},
	"aria-modal":                  {Typ: TypeBool},
	"aria-multiline":              {Typ: TypeBool},
	"aria-multiselectable":        {Typ: TypeBool},
	"aria-orientation":            {Typ: TypeToken, Tokens: []string{"horizontal", "vertical", "undefined"}},
	"aria-owns":                   {Typ: TypeIDRefs, Global: true},
	"aria-placeholder":            {Typ: TypeString},
	"aria-posinset":               {Typ: TypeInt},
	"aria-pressed":                {Typ: TypeTristate},
	"aria-readonly":               {Typ: TypeBool},
	"aria-relevant":               {Typ: TypeTokens, Tokens: []string{"additions", "all", "removals", "text"}, Global: true},
	"aria-required":               {Typ: TypeBool},
	"aria-roledescription":        {Typ: TypeString, Global: true},
	"aria-rowcount":               {Typ: TypeInt},
	"aria-rowindex":               {Typ: TypeInt},
	"aria-rowindextext":           {Typ: TypeString},
	"aria-rowspan":                {Typ: TypeInt},
	"aria-selected":               {Typ: TypeTrueFalseU},
	"aria-setsize":                {Typ: TypeInt},
	"aria-sort":                   {Typ: TypeToken, Tokens: []string{"ascending", "descending", "none", "other"}},
	"aria-valuemax":               {Typ: TypeNumber},
	"aria-valuemin":               {Typ: TypeNumber},
	"aria-valuenow":               {Typ: TypeNumber},
	"aria-valuetext":              {Typ: TypeString},
}

// RoleInfo describes one concrete WAI-ARIA role.
type RoleInfo struct {
	Supported []string // non-global attributes it supports (with inherited ones)
	Required  []string // attributes it requires
	// NameProhibited is true when aria-label and aria-labelledby are
	// prohibited on the role.
	NameProhibited bool
	// Context lists the roles one of which must own it.
	Context []string
	// Owned lists the roles it may own (required owned elements).
	Owned []string
	// FromContent is true when the role can take its name from its content.
	FromContent bool
	// PresentationalChildren is true when its children are presentational.
	PresentationalChildren bool
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

// join concatenates lists.
func join(lists ...[]string) []string {
	var out []string
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// Roles are the concrete (non-abstract) roles.
var Roles = map[string]RoleInfo{
	"alert":            {Supported: []string{"aria-expanded"}},
	"alertdialog":      {Supported: []string{"aria-modal", "aria-expanded"}},
	"application":      {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-errormessage", "aria-expanded", "aria-haspopup", "aria-invalid"}},
	"article":          {Supported: []string{"aria-posinset", "aria-setsize", "aria-expanded"}},
	"banner":           {Supported: []string{"aria-expanded"}},
	"blockquote":       {},
	"button":           {Supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup", "aria-pressed"}, FromContent: true, PresentationalChildren: true},
	"caption":          {NameProhibited: true},
	"cell":             {Supported: cellAttrs, Context: []string{"row"}, FromContent: true},
	"checkbox":         {Supported: join([]string{"aria-checked", "aria-expanded"}, inputAttrs), Required: []string{"aria-checked"}, FromContent: true, PresentationalChildren: true},
	"code":             {NameProhibited: true},
	"columnheader":     {Supported: headerAttrs, Context: []string{"row"}, FromContent: true},
	"combobox":         {Supported: join([]string{"aria-activedescendant", "aria-autocomplete", "aria-expanded", "aria-haspopup", "aria-controls", "aria-owns"}, inputAttrs), Required: []string{"aria-expanded"}},
	"comment":          {Supported: []string{"aria-level", "aria-posinset", "aria-setsize"}, FromContent: true},
	"complementary":    {Supported: []string{"aria-expanded"}},
	"contentinfo":      {Supported: []string{"aria-expanded"}},
	"definition":       {},
	"deletion":         {NameProhibited: true},
	"dialog":           {Supported: []string{"aria-modal", "aria-expanded"}},
	"directory":        {Supported: []string{"aria-expanded"}},
	"document":         {Supported: []string{"aria-expanded"}},
	"emphasis":         {NameProhibited: true},
	"feed":             {Owned: []string{"article"}},
	"figure":           {},
	"form":             {},
	"generic":          {NameProhibited: true},
	"grid":             {Supported: []string{"aria-activedescendant", "aria-colcount", "aria-disabled", "aria-multiselectable", "aria-readonly", "aria-rowcount", "aria-expanded"}, Owned: rowOwned},
	"gridcell":         {Supported: gridcellAt, Context: []string{"row"}, FromContent: true},
	"group":            {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-expanded"}},
	"heading":          {Supported: []string{"aria-level", "aria-expanded"}, Required: []string{"aria-level"}, FromContent: true},
	"image":            {},
	"img":              {PresentationalChildren: true},
	"insertion":        {NameProhibited: true},
	"link":             {Supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup"}, FromContent: true},
	"list":             {Owned: []string{"listitem"}},
	"listbox":          {Supported: join(selectAt, inputAttrs), Owned: []string{"option", "group"}},
	"listitem":         {Supported: []string{"aria-level", "aria-posinset", "aria-setsize", "aria-expanded"}, Context: []string{"list", "directory"}},
	"log":              {},
	"main":             {Supported: []string{"aria-expanded"}},
	"mark":             {NameProhibited: true},
	"marquee":          {},
	"math":             {PresentationalChildren: false},
	"menu":             {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}, Owned: menuOwned},
	"menubar":          {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}, Owned: menuOwned},
	"menuitem":         {Supported: menuitemAt, Context: []string{"menu", "menubar", "group"}, FromContent: true},
	"menuitemcheckbox": {Supported: join(menuitemAt, []string{"aria-checked"}), Required: []string{"aria-checked"}, Context: []string{"menu", "menubar", "group"}, FromContent: true, PresentationalChildren: true},
	"menuitemradio":    {Supported: join(menuitemAt, []string{"aria-checked"}), Required: []string{"aria-checked"}, Context: []string{"menu", "menubar", "group"}, FromContent: true, PresentationalChildren: true},
	"meter":            {Supported: rangeAttrs, Required: []string{"aria-valuenow"}, PresentationalChildren: true},
	"navigation":       {Supported: []string{"aria-expanded"}},
	"none":             {NameProhibited: true},
	"note":             {Supported: []string{"aria-expanded"}},
	"option":           {Supported: []string{"aria-checked", "aria-disabled", "aria-posinset", "aria-selected", "aria-setsize"}, Context: []string{"listbox", "group"}, FromContent: true, PresentationalChildren: true},
	"paragraph":        {NameProhibited: true},
	"presentation":     {NameProhibited: true},
	"progressbar":      {Supported: rangeAttrs, PresentationalChildren: true},
	"radio":            {Supported: []string{"aria-checked", "aria-disabled", "aria-posinset", "aria-setsize"}, Required: []string{"aria-checked"}, FromContent: true, PresentationalChildren: true},
	"radiogroup":       {Supported: join([]string{"aria-activedescendant", "aria-expanded", "aria-orientation"}, inputAttrs)},
	"region":           {Supported: []string{"aria-expanded"}},
	"row":              {Supported: []string{"aria-activedescendant", "aria-colindex", "aria-disabled", "aria-expanded", "aria-level", "aria-posinset", "aria-rowindex", "aria-selected", "aria-setsize", "aria-colindextext", "aria-rowindextext"}, Context: []string{"grid", "rowgroup", "table", "treegrid"}, Owned: []string{"cell", "columnheader", "gridcell", "rowheader"}, FromContent: true},
	"rowgroup":         {Context: []string{"grid", "table", "treegrid"}, Owned: []string{"row"}},
	"rowheader":        {Supported: headerAttrs, Context: []string{"row"}, FromContent: true},
	"scrollbar":        {Supported: join(rangeAttrs, []string{"aria-disabled", "aria-orientation"}), Required: []string{"aria-controls", "aria-valuenow"}, PresentationalChildren: true},
	"search":           {Supported: []string{"aria-expanded"}},
	"searchbox":        {Supported: textboxAt},
	"sectionfooter":    {},
	"sectionheader":    {},
	"separator":        {Supported: join(rangeAttrs, []string{"aria-disabled", "aria-orientation"}), PresentationalChildren: true},
	"slider":           {Supported: join(rangeAttrs, []string{"aria-orientation", "aria-haspopup"}, inputAttrs), Required: []string{"aria-valuenow"}, PresentationalChildren: true},
	"spinbutton":       {Supported: join(rangeAttrs, []string{"aria-activedescendant"}, inputAttrs)},
	"status":           {Supported: []string{"aria-expanded"}},
	"strong":           {NameProhibited: true},
	"subscript":        {NameProhibited: true},
	"suggestion":       {NameProhibited: true},
	"superscript":      {NameProhibited: true},
	"switch":           {Supported: join([]string{"aria-checked", "aria-expanded"}, inputAttrs), Required: []string{"aria-checked"}, FromContent: true, PresentationalChildren: true},
	"tab":              {Supported: []string{"aria-disabled", "aria-expanded", "aria-haspopup", "aria-posinset", "aria-selected", "aria-setsize"}, Context: []string{"tablist"}, FromContent: true, PresentationalChildren: true},
	"table":            {Supported: []string{"aria-colcount", "aria-rowcount"}, Owned: rowOwned},
	"tablist":          {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-multiselectable", "aria-orientation", "aria-expanded"}, Owned: []string{"tab"}},
	"tabpanel":         {Supported: []string{"aria-expanded"}},
	"term":             {},
	"textbox":          {Supported: textboxAt},
	"time":             {},
	"timer":            {},
	"toolbar":          {Supported: []string{"aria-activedescendant", "aria-disabled", "aria-orientation", "aria-expanded"}},
	"tooltip":          {},
	"tree":             {Supported: join([]string{"aria-activedescendant", "aria-multiselectable", "aria-orientation", "aria-expanded"}, inputAttrs), Owned: []string{"treeitem", "group"}},
	"treegrid":         {Supported: join([]string{"aria-activedescendant", "aria-colcount", "aria-multiselectable", "aria-orientation", "aria-rowcount", "aria-expanded"}, inputAttrs), Owned: rowOwned},
	"treeitem":         {Supported: []string{"aria-checked", "aria-disabled", "aria-expanded", "aria-haspopup", "aria-level", "aria-posinset", "aria-selected", "aria-setsize"}, Context: []string{"group", "tree"}, FromContent: true},
	// Graphics-ARIA.
	"graphics-document": {Supported: []string{"aria-expanded"}},
	"graphics-object":   {Supported: []string{"aria-expanded"}},
	"graphics-symbol":   {PresentationalChildren: true},
}

// DPUBLinkRoles are DPUB-ARIA roles that are kinds of link.
var DPUBLinkRoles = map[string]bool{"doc-backlink": true, "doc-biblioref": true, "doc-glossref": true, "doc-noteref": true}

// DPUBRoles are the valid DPUB-ARIA roles.
var DPUBRoles = strings.Fields(`doc-abstract doc-acknowledgments doc-afterword doc-appendix doc-backlink
doc-biblioentry doc-bibliography doc-biblioref doc-chapter doc-colophon doc-conclusion doc-cover
doc-credit doc-credits doc-dedication doc-endnote doc-endnotes doc-epigraph doc-epilogue doc-errata
doc-example doc-footnote doc-foreword doc-glossary doc-glossref doc-index doc-introduction doc-noteref
doc-notice doc-pagebreak doc-pagefooter doc-pageheader doc-pagelist doc-part doc-preface doc-prologue
doc-pullquote doc-qna doc-subtitle doc-tip doc-toc`)

// RoleLookup returns what is known about role and whether it is a valid
// concrete role. DPUB roles map onto their base role.
func RoleLookup(role string) (RoleInfo, bool) {
	if ri, ok := Roles[role]; ok {
		return ri, true
	}
	if strings.HasPrefix(role, "doc-") {
		for _, r := range DPUBRoles {
			if r == role {
				switch {
				case DPUBLinkRoles[role]:
					return Roles["link"], true
				case role == "doc-pagebreak":
					return Roles["separator"], true
				case role == "doc-subtitle":
					return Roles["heading"], true
				case role == "doc-cover":
					return Roles["img"], true
				case role == "doc-biblioentry" || role == "doc-endnote":
					return Roles["listitem"], true
				}
				return RoleInfo{Supported: []string{"aria-expanded"}}, true
			}
		}
	}
	return RoleInfo{}, false
}

// BaseRole maps a DPUB role onto the ARIA role it is a kind of, for
// context and owned-element comparisons.
func BaseRole(role string) string {
	switch {
	case DPUBLinkRoles[role]:
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

// Supports reports whether role supports attribute name (global or role
// specific). Required attributes are supported.
func (ri RoleInfo) Supports(name string) bool {
	for _, a := range ri.Supported {
		if a == name {
			return true
		}
	}
	for _, a := range ri.Required {
		if a == name {
			return true
		}
	}
	return false
}

// Contains reports whether list holds s.
func Contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
