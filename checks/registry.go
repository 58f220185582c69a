package checks

// Default returns the registry of every built-in check, in a fixed order:
// one list per criterion, each in its own file.
func Default() *Registry {
	return NewRegistry(
		accessibleChecks(),
		understandableChecks(),
		simpleChecks(),
		reachableChecks(),
		supportedChecks(),
		trustworthyChecks(),
		involvingChecks(),
	)
}
