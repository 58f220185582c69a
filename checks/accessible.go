package checks

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// accessibleChecks are the checks of the "accessible" criterion (WCAG 2.2 AA).
func accessibleChecks() []Check {
	return []Check{
		{ID: "html-lang", Messages: []string{"invalid", "missing"}, WCAG: []string{"3.1.1"}, ACT: []string{"b5c3f8", "bf051a"}, Page: htmlLang},
		{ID: "element-lang", Messages: []string{"fail"}, WCAG: []string{"3.1.2"}, ACT: []string{"de46e4"}, Page: elementLang},
		{ID: "page-title", Messages: []string{"empty", "missing"}, WCAG: []string{"2.4.2"}, ACT: []string{"2779a5"}, Page: pageTitle},
		{ID: "image-alt", Messages: []string{"fail"}, WCAG: []string{"1.1.1"}, ACT: []string{"23a2a8"}, Page: imageAlt},
		{ID: "image-button-name", Messages: []string{"fail"}, WCAG: []string{"1.1.1", "4.1.2"}, ACT: []string{"59796f"}, Page: imageButtonName},
		{ID: "svg-img-name", Messages: []string{"fail"}, WCAG: []string{"1.1.1"}, ACT: []string{"7d6734"}, Page: svgImgName},
		{ID: "button-name", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"97a4e1"}, Page: buttonName},
		{ID: "link-name", Messages: []string{"fail"}, WCAG: []string{"2.4.4", "4.1.2"}, ACT: []string{"c487ae"}, Page: linkName},
		{ID: "form-field-name", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"e086e5"}, Page: formFieldName},
		{ID: "label-in-name", Messages: []string{"fail"}, WCAG: []string{"2.5.3"}, ACT: []string{"2ee8b8"}, Page: labelInName},
		{ID: "frame-title", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"cae760"}, Page: frameTitle},
		{ID: "heading-name", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, ACT: []string{"ffd0e9"}, Page: headingName},
		{ID: "heading-order", Messages: []string{"fail"}, Page: headingOrder},
		{ID: "heading-present", Messages: []string{"fail"}, Params: Params{"min_words": 300}, Page: headingPresent},
		{ID: "landmark-main", Messages: []string{"fail"}, Params: Params{"min_words": 30}, Page: landmarkMain},
		{ID: "bypass-blocks", Messages: []string{"fail"}, WCAG: []string{"2.4.1"}, ACT: []string{"cf77f2"}, Page: bypassBlocks},
		{ID: "content-heading", Messages: []string{"fail"}, ACT: []string{"047fe0"}, Page: contentHeading},
		{ID: "skip-link-target", Messages: []string{"fail"}, ACT: []string{"ye5d6e"}, Page: skipLinkTarget},
		{ID: "aria-role-valid", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"674b10"}, Page: ariaRoleValid},
		{ID: "aria-attr-valid", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"5f99a7"}, Page: ariaAttrValid},
		{ID: "aria-value-valid", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"6a7281"}, Page: ariaValueValid},
		{ID: "aria-allowed-attr", Messages: []string{"prohibited", "unsupported"}, WCAG: []string{"4.1.2"}, ACT: []string{"5c01ea", "kb1m8s"}, Page: ariaAllowedAttr},
		{ID: "aria-required-attr", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"4e8ab6"}, Page: ariaRequiredAttr},
		{ID: "aria-required-children", Messages: []string{"empty", "fail"}, WCAG: []string{"1.3.1"}, ACT: []string{"bc4a75"}, Page: ariaRequiredChildren},
		{ID: "aria-required-parent", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, ACT: []string{"ff89c9"}, Page: ariaRequiredParent},
		{ID: "aria-hidden-focus", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"6cfa84"}, Page: ariaHiddenFocus},
		{ID: "duplicate-id-aria", Messages: []string{"fail"}, WCAG: []string{"1.3.1", "4.1.2"}, Page: duplicateIDAria},
		{ID: "tabindex-positive", Messages: []string{"fail"}, WCAG: []string{"2.4.3"}, Page: tabindexPositive},
		{ID: "table-headers", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, Params: Params{"min_rows": 3}, Page: tableHeaders},
		{ID: "td-headers-attr", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, ACT: []string{"a25f45"}, Page: tdHeadersAttr},
		{ID: "list-structure", Messages: []string{"child", "orphan"}, WCAG: []string{"1.3.1"}, Page: listStructure},
		{ID: "meta-refresh", Messages: []string{"fail"}, WCAG: []string{"2.2.1"}, ACT: []string{"bc659a"}, Params: Params{"max_seconds": 72000}, Page: metaRefresh},
		{ID: "meta-viewport", Messages: []string{"max_scale", "no_zoom"}, WCAG: []string{"1.4.4"}, ACT: []string{"b4f0c3"}, Params: Params{"min_scale": 2}, Page: metaViewport},
		{ID: "color-contrast", Messages: []string{"fail", "gradient", "review", "shadow"}, Review: true, WCAG: []string{"1.4.3"}, ACT: []string{"afw4f7"}, Needs: []Fact{FactStyles},
			Params: Params{"min_ratio": 4.5, "min_ratio_large": 3}, Page: colorContrast},
		{ID: "non-text-contrast", Messages: []string{"fail", "review"}, Review: true, WCAG: []string{"1.4.11"}, Needs: []Fact{FactStyles}, Params: Params{"min_ratio": 3, "no_edge_ratio": 1.1}, Page: nonTextContrast},
		{ID: "reflow", Messages: []string{"offender", "offender_width", "review"}, Review: true, WCAG: []string{"1.4.10"}, Needs: []Fact{FactStyles, FactReflow}, Params: Params{"tolerance_px": 5}, Page: reflow},
		{ID: "focus-visible", Messages: []string{"fail", "review"}, Review: true, WCAG: []string{"2.4.7"}, ACT: []string{"oj04fd"}, Needs: []Fact{FactBrowser}, Page: focusVisible},
		{ID: "target-size", Messages: []string{"fail"}, WCAG: []string{"2.5.8"}, Needs: []Fact{FactStyles}, Params: Params{"min_px": 24, "thin_px": 16}, Page: targetSize},
		{ID: "media-autoplay", Messages: []string{"fail", "review"}, Review: true, WCAG: []string{"1.4.2"}, ACT: []string{"80f0bf", "4c31df"}, Params: Params{"max_seconds": 3}, Page: mediaAutoplay},
		{ID: "video-captions", Messages: []string{"fail", "review"}, Review: true, WCAG: []string{"1.2.2"}, Page: videoCaptions},
		{ID: "summary-name", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"2t702h"}, Page: summaryName},
		{ID: "menuitem-name", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"m6b1q3"}, Page: menuitemName},
		{ID: "presentational-children-focus", Messages: []string{"fail"}, WCAG: []string{"4.1.2"}, ACT: []string{"307n5z"}, Page: presentationalChildrenFocus},
		{ID: "decorative-exposed", Messages: []string{"fail"}, ACT: []string{"46ca7f"}, Page: decorativeExposed},
		{ID: "object-alt", Messages: []string{"fail"}, WCAG: []string{"1.1.1"}, ACT: []string{"8fc3b6"}, Page: objectAlt},
		{ID: "autocomplete-valid", Messages: []string{"fail"}, WCAG: []string{"1.3.5"}, ACT: []string{"73f2c2"}, Page: autocompleteValid},
		{ID: "contrast-enhanced", Messages: []string{"fail", "gradient", "review", "shadow"}, Review: true, WCAG: []string{"1.4.6"}, ACT: []string{"09o5cg"}, Needs: []Fact{FactStyles}, Params: Params{"min_ratio": 7, "min_ratio_large": 4.5}, Page: colorContrast},
		{ID: "meta-refresh-no-delay", Messages: []string{"fail"}, WCAG: []string{"2.2.4", "3.2.5"}, ACT: []string{"bisz58"}, Page: metaRefreshNoDelay},
		{ID: "table-header-cells", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, ACT: []string{"d0f69e"}, Page: tableHeaderCells},
		{ID: "frame-tab-order", Messages: []string{"fail"}, WCAG: []string{"2.1.1"}, ACT: []string{"akn7bn"}, Page: frameTabOrder},
		{ID: "scrollable-keyboard", Messages: []string{"fail"}, WCAG: []string{"2.1.1"}, ACT: []string{"0ssw9k"}, Needs: []Fact{FactStyles}, Page: scrollableKeyboard},
		{ID: "orientation-lock", Messages: []string{"landscape", "portrait"}, WCAG: []string{"1.3.4"}, ACT: []string{"b33eff"}, Page: orientationLock},
		{ID: "text-spacing", Messages: []string{"fail"}, WCAG: []string{"1.4.12"}, ACT: []string{"24afc2", "78fd32", "9e45ec"}, Page: textSpacing},
		{ID: "visible-label", Messages: []string{"aria", "placeholder", "review"}, Review: true, WCAG: []string{"3.3.2", "1.3.1"}, Page: visibleLabel},
		{ID: "choice-group", Messages: []string{"checkbox", "radio"}, WCAG: []string{"1.3.1"}, Page: choiceGroups},
		{ID: "layout-table", Messages: []string{"fail"}, WCAG: []string{"1.3.1"}, Page: layoutTable},
		{ID: "on-input", Messages: []string{"fail", "review", "script"}, Review: true, WCAG: []string{"3.2.2"}, Page: onInput},
		{ID: "link-in-text-block", Messages: []string{"fail"}, WCAG: []string{"1.4.1"}, Needs: []Fact{FactStyles}, Params: Params{"min_ratio": 3}, Page: linkInTextBlock},
		{ID: "distinct-labels", Messages: []string{"field", "field_review", "heading"}, Review: true, WCAG: []string{"2.4.6"}, Page: distinctLabels},
		{ID: "faux-heading", Messages: []string{"fail", "review"}, Review: true, WCAG: []string{"1.3.1"}, Page: fauxHeadings},
		{ID: "consistent-identification", Messages: []string{"icon", "link"}, WCAG: []string{"3.2.4"}, Site: consistentIdentification},
	}
}

// htmlLang fails when the html element has no lang attribute, or one that is
// not a valid language tag (a known primary language, see axValidLang). Non-HTML documents (SVG) are inapplicable.
func htmlLang(p *Page, _ Params) Result {
	h := find(p.Doc(), "html").First()
	if h.Length() == 0 || !p.IsHTML() {
		return Result{Outcome: Inapplicable}
	}
	lang, ok := h.Attr("lang")
	lang = strings.TrimSpace(lang)
	switch {
	case !ok || lang == "":
		return Verdict([]Evidence{startTag(h, "missing")})
	case !axValidLang(lang):
		return Verdict([]Evidence{startTag(h, "invalid", "lang", lang)})
	}
	return Result{Outcome: Pass}
}

// startTag is evidence for an element too large to quote: its start tag only.
func startTag(sel *goquery.Selection, message string, kv ...string) Evidence {
	e := Evidence{Selector: Selector(sel), Message: message, Params: evParams(kv...)}
	if sel.Length() > 0 {
		e.Snippet = snippetOf(sel.Get(0), true)
	}
	return e
}
