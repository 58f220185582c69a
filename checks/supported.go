package checks

// supportedChecks are the checks of the "supported" criterion.
func supportedChecks() []Check {
	return []Check{}
}
