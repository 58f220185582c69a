package checks

// simpleChecks are the checks of the "simple" criterion.
func simpleChecks() []Check {
	return []Check{}
}
