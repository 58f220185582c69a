package checks

// involvingChecks are the checks of the "involving" criterion.
func involvingChecks() []Check {
	return []Check{}
}
