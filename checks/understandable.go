package checks

// understandableChecks are the checks of the "understandable" criterion:
// plain language at level B1, meaningful links, the user's own language and
// forms that say what they need.
//
// The two link checks map to WCAG 2.4.9 (link purpose from the link text
// alone): every link they flag fails it. They flag less than 2.4.9 does, as
// links explained by their sentence, list item or table cell pass (the
// programmatic context of 2.4.4); a card's heading does not count, because
// "Lees meer" after a heading still says nothing in a list of links. For
// the same reason every link link-text flags fails ACT rule aizyf1 (link is
// descriptive): a generic name describes no purpose.
func understandableChecks() []Check {
	return []Check{
		{
			ID: "readability", Messages: []string{"fail", "long", "score"},
			Params: readabilityParams,
			Page:   readability,
		},
		{
			ID: "lang-match", Messages: []string{"fail"},
			WCAG:   []string{"3.1.1"},
			Params: langMatchParams,
			Page:   langMatch,
		},
		{
			ID: "lang-parts", Messages: []string{"fail"},
			WCAG:   []string{"3.1.2"},
			Params: langPartsParams,
			Page:   langParts,
		},
		{
			ID: "link-text", Messages: []string{"fail"},
			WCAG:   []string{"2.4.9"},
			ACT:    []string{"aizyf1"},
			Params: linkTextParams,
			Page:   linkText,
		},
		{
			ID: "link-purpose-same-text", Messages: []string{"fail"},
			WCAG:   []string{"2.4.9"},
			ACT:    []string{"fd3a94"},
			Params: linkPurposeParams,
			Page:   linkPurposeSameText,
		},
		{
			ID: "generic-link-text", Messages: []string{"fail", "hidden"},
			Params: genericLinkTextParams,
			Page:   genericLinkText,
		},
		{
			ID: "sentence-length", Messages: []string{"fail"},
			Params: sentenceLengthParams,
			Page:   sentenceLength,
		},
		{
			ID: "language-versions", Messages: []string{"fail"},
			Params: languageVersionsParams,
			Site:   languageVersions,
		},
		{
			ID: "required-explained", Messages: []string{"asterisk", "style"},
			WCAG: []string{"3.3.2"},
			Page: requiredExplained,
		},
	}
}
