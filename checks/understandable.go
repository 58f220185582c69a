package checks

// understandableChecks are the checks of the "understandable" criterion.
func understandableChecks() []Check {
	return []Check{}
}
