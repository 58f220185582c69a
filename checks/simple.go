package checks

// simpleChecks are the checks of the "simple" criterion: less digital
// stress (short forgiving forms, autocomplete, no CAPTCHA walls, no time
// pressure, consistent navigation, search).
func simpleChecks() []Check {
	return []Check{
		{ID: "form-length", Messages: []string{"fail"}, Params: Params{"max_fields": 10}, Page: simFormLength},
		{ID: "personal-autocomplete", Messages: []string{"invalid", "missing", "off"}, WCAG: []string{"1.3.5"}, Page: simPersonalAutocomplete},
		{ID: "field-input-type", Messages: []string{"email", "numeric", "tel"}, Page: simFieldInputType},
		{ID: "required-marked", Messages: []string{"fail"}, WCAG: []string{"3.3.2"}, Page: simRequiredMarked},
		{ID: "captcha", Messages: []string{"script", "widget"}, Review: true, Page: simCaptcha},
		{ID: "time-limit", Messages: []string{"countdown", "refresh", "session"}, WCAG: []string{"2.2.1"}, Page: simTimeLimit},
		{ID: "paste-blocked", Messages: []string{"fail", "script"}, Review: true, Page: simPasteBlocked},
		{ID: "overlay-on-load", Messages: []string{"fail"}, Review: true, Needs: []Fact{FactStyles},
			Params: Params{"min_coverage": 0.5}, Page: simOverlayOnLoad},
		{ID: "consistent-navigation", Messages: []string{"fail"}, WCAG: []string{"3.2.3"}, Site: simConsistentNav},
		{ID: "site-search", Messages: []string{"fail"}, Params: Params{"min_pages": 20}, Site: simSiteSearch},
		{ID: "clickable-div", Messages: []string{"fail", "no-role", "no-tabindex"}, WCAG: []string{"2.1.1", "4.1.2"}, Page: simClickable},
	}
}
