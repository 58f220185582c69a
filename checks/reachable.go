package checks

// reachableChecks are the checks of the "reachable" criterion.
func reachableChecks() []Check {
	return []Check{}
}
