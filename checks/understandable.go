package checks

// understandableChecks are the checks of the "understandable" criterion:
// plain language at level B1, meaningful links, the user's own language and
// forms that say what they need.
func understandableChecks() []Check {
	return []Check{
		{
			ID: "readability", Criterion: "understandable",
			Params: readabilityParams,
			Page:   readability,
		},
		{
			ID: "lang-match", Criterion: "understandable",
			WCAG:   []string{"3.1.1"},
			Params: langMatchParams,
			Page:   langMatch,
		},
		{
			ID: "link-text", Criterion: "understandable",
			WCAG:   []string{"2.4.4"},
			Params: linkTextParams,
			Page:   linkText,
		},
		{
			ID: "link-purpose-same-text", Criterion: "understandable",
			WCAG: []string{"2.4.9"},
			Page: linkPurposeSameText,
		},
		{
			ID: "language-versions", Criterion: "understandable",
			Params: languageVersionsParams,
			Site:   languageVersions,
		},
		{
			ID: "required-explained", Criterion: "understandable",
			WCAG: []string{"3.3.2"},
			Page: requiredExplained,
		},
	}
}
