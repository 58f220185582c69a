// Package layout holds the test that keeps the package dependencies of
// DESIGN.md (docs/architecture.md) true: it fails when a package imports one
// of didi's packages it must not.
package layout

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/didi-index/didi/"

// allowed lists, for each package, the didi packages it may import
// directly. Leaf contracts import nothing of didi's but other leaves.
var allowed = map[string][]string{
	"i18n":                   {},
	"diag":                   {},
	"progress":               {},
	"internal/atomicfile":    {},
	"snapshot":               {"internal/atomicfile"},
	"result":                 {"i18n", "diag"},
	"questionnaire":          {"criteria", "diag", "i18n"},
	"criteria":               {"i18n", "diag", "internal/atomicfile"},
	"crawler":                {"snapshot", "progress", "internal/atomicfile"},
	"checks":                 {"snapshot", "checks/lang", "i18n"},
	"checks/lang":            {},
	"checks/internal/a11y":   {"snapshot", "checks/internal/text"},
	"checks/internal/text":   {},
	"checks/internal/rx":     {},
	"scoring":                {"criteria", "checks", "result", "i18n", "snapshot"},
	"report":                 {"result", "i18n", "internal/atomicfile"},
	"report/internal/pdftag": {},
	"engine":                 {"criteria", "checks", "crawler", "scoring", "result", "snapshot", "progress", "diag", "i18n"},
}

// TestPackageDependencies checks every package's direct imports against
// allowed, and that the packages which read snapshots or render results
// compile no browser library.
func TestPackageDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, module+"...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		rules, ok := allowed[pkg]
		if !ok {
			continue // front ends (cmd, serve, batch) and tools may import anything
		}
		for _, imp := range fields[1:] {
			if !strings.HasPrefix(imp, module) {
				continue
			}
			if dep := strings.TrimPrefix(imp, module); !slices.Contains(rules, dep) && !strings.HasPrefix(dep, pkg+"/internal/") {
				t.Errorf("%s imports %s; DESIGN.md allows %v", pkg, dep, rules)
			}
		}
	}
	for _, pkg := range []string{"snapshot", "result", "checks", "scoring", "report"} {
		deps, err := exec.Command("go", "list", "-deps", module+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, deps)
		}
		if strings.Contains(string(deps), "chromedp") {
			t.Errorf("%s compiles chromedp; only the crawler may", pkg)
		}
	}
}
