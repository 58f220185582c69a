package checks

// Default returns the registry of every built-in check, in a fixed order:
// one list per criterion, each in its own file; the list gives the check
// its criterion.
func Default() *Registry {
	return NewRegistry(
		InCriterion("accessible", accessibleChecks()),
		InCriterion("understandable", understandableChecks()),
		InCriterion("simple", simpleChecks()),
		InCriterion("reachable", reachableChecks()),
		InCriterion("supported", supportedChecks()),
		InCriterion("trustworthy", trustworthyChecks()),
		InCriterion("involving", involvingChecks()),
	)
}
