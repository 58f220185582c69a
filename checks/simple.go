package checks

// simpleChecks are the checks of the "simple" criterion: less digital
// stress (short forgiving forms, autocomplete, no CAPTCHA walls, no time
// pressure, consistent navigation, search).
func simpleChecks() []Check {
	return []Check{
		{ID: "form-length", Criterion: "simple", Params: Params{"max_fields": 10}, Page: simFormLength},
		{ID: "personal-autocomplete", Criterion: "simple", WCAG: []string{"1.3.5"}, Page: simPersonalAutocomplete},
		{ID: "field-input-type", Criterion: "simple", Page: simFieldInputType},
		{ID: "required-marked", Criterion: "simple", WCAG: []string{"3.3.2"}, Page: simRequiredMarked},
		{ID: "captcha", Criterion: "simple", Page: simCaptcha},
		{ID: "time-limit", Criterion: "simple", WCAG: []string{"2.2.1"}, Page: simTimeLimit},
		{ID: "paste-blocked", Criterion: "simple", Page: simPasteBlocked},
		{ID: "overlay-on-load", Criterion: "simple", Needs: []Fact{FactStyles},
			Params: Params{"min_coverage": 0.5}, Page: simOverlayOnLoad},
		{ID: "consistent-navigation", Criterion: "simple", WCAG: []string{"3.2.3"}, Site: simConsistentNav},
		{ID: "site-search", Criterion: "simple", Params: Params{"min_pages": 20}, Site: simSiteSearch},
		{ID: "clickable-div", Criterion: "simple", WCAG: []string{"2.1.1", "4.1.2"}, Page: simClickable},
	}
}
