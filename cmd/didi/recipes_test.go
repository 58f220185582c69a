package main

import (
	"bytes"
	"flag"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// ciDoc is the page with the CI recipes.
var ciDoc = filepath.Join("..", "..", "docs", "ci.md")

// docBlocks returns the fenced code blocks of a Markdown file by the "## "
// section they are in and their language.
func docBlocks(t *testing.T, path string) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	out := map[string][]string{}
	section, lang := "", ""
	var block []string
	in := false
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case !in && strings.HasPrefix(line, "## "):
			section = strings.TrimPrefix(line, "## ")
		case !in && strings.HasPrefix(line, "```"):
			in, lang, block = true, strings.TrimPrefix(line, "```"), nil
		case in && line == "```":
			in = false
			key := section + " " + lang
			out[key] = append(out[key], strings.Join(block, "\n")+"\n")
		case in:
			block = append(block, line)
		}
	}
	return out
}

// recipeEnv is a work folder where a recipe's commands run: the built didi
// on the PATH, the site "built" into public/, a free loopback port.
type recipeEnv struct {
	t    *testing.T
	work string
	env  []string
}

func newRecipeEnv(t *testing.T, didiBin string) *recipeEnv {
	t.Helper()
	for _, tool := range []string{"bash", "python3", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "" {
				t.Skipf("%s not found: the recipes need it", tool)
			}
			t.Fatalf("CI is set but %s is missing: the recipes need it", tool)
		}
	}
	work := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(work, "public"), os.DirFS(filepath.Join("..", "..", "testdata", "sites", "good"))))
	// The repository's .didi.yaml keeps the test short and its page set
	// fixed: the start page, where the regression is planted.
	require.NoError(t, os.WriteFile(filepath.Join(work, ".didi.yaml"), []byte("max-pages: 1\n"), 0o644))
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	require.NoError(t, l.Close())
	env := append(os.Environ(), "PATH="+filepath.Dir(didiBin)+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GITHUB_STEP_SUMMARY="+filepath.Join(work, "summary.md"), "PORT="+port)
	return &recipeEnv{t: t, work: work, env: env}
}

// sh runs a script as GitHub and GitLab run theirs (bash, stop at the first
// error). Processes it leaves in the background (the web server) are
// stopped, by their process group, when the test ends.
func (r *recipeEnv) sh(script string, env map[string]string) error {
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script)
	cmd.Dir = r.work
	cmd.Env = append([]string(nil), r.env...)
	for k, v := range env {
		if k != "PORT" { // the test's free port wins over the recipe's 8080
			cmd.Env = append(cmd.Env, k+"="+v)
		}
	}
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	err := cmd.Start()
	require.NoError(r.t, err)
	pgid := cmd.Process.Pid
	r.t.Cleanup(func() { _ = syscall.Kill(-pgid, syscall.SIGTERM) })
	err = cmd.Wait()
	r.t.Logf("$ %s\n%s", script, out.String())
	return err
}

// githubRecipe runs the GitHub Actions workflow of docs/ci.md: its run
// steps in order, after a failure only those with if: always(). Steps that
// need GitHub itself (install, build, the release download and upload,
// uses: actions) are left out; the test puts the site in public/ and the
// baseline in baseline/. It returns whether the job failed.
func githubRecipe(t *testing.T, yml string) func(r *recipeEnv) bool {
	var wf struct {
		Jobs map[string]struct {
			Env   map[string]string
			Steps []struct {
				Name, Uses, Run, If string
			}
		}
	}
	require.NoError(t, yaml.Unmarshal([]byte(yml), &wf))
	job, ok := wf.Jobs["didi"]
	require.True(t, ok, "the workflow has a didi job")
	leftOut := map[string]bool{"Install didi": true, "Build the site": true, "Get the baseline of the last release": true}
	seen := 0
	for _, st := range job.Steps {
		if leftOut[st.Name] {
			seen++
		}
	}
	require.Equal(t, len(leftOut), seen, "the steps the test leaves out are in the workflow")
	return func(r *recipeEnv) bool {
		failed := false
		for _, st := range job.Steps {
			if st.Uses != "" || leftOut[st.Name] {
				continue
			}
			switch {
			case st.If == "always()":
			case st.If != "": // github.event_name == 'release'
				continue
			case failed:
				continue
			}
			if err := r.sh(st.Run, job.Env); err != nil {
				failed = true
			}
		}
		return failed
	}
}

// gitlabRecipe runs the GitLab CI job of docs/ci.md: before_script and
// script in one shell, then after_script. The lines that install, build or
// download the baseline from GitLab are left out.
func gitlabRecipe(t *testing.T, yml string) func(r *recipeEnv) bool {
	var ci map[string]struct {
		Variables    map[string]string
		BeforeScript []string `yaml:"before_script"`
		Script       []string
		AfterScript  []string `yaml:"after_script"`
	}
	require.NoError(t, yaml.Unmarshal([]byte(yml), &ci))
	job, ok := ci["didi"]
	require.True(t, ok, "the .gitlab-ci.yml has a didi job")
	leftOut := []string{"apt-get ", "go install ", "make site", "LAST_TAG=", `if [ -n "$LAST_TAG" ]`}
	var lines []string
	dropped := 0
	for _, line := range job.BeforeScript {
		skip := false
		for _, p := range leftOut {
			skip = skip || strings.HasPrefix(line, p)
		}
		if skip {
			dropped++
			continue
		}
		lines = append(lines, line)
	}
	require.Equal(t, len(leftOut), dropped, "the lines the test leaves out are in before_script")
	lines = append(lines, job.Script...)
	return func(r *recipeEnv) bool {
		failed := r.sh(strings.Join(lines, "\n"), job.Variables) != nil
		require.NoError(t, r.sh(strings.Join(job.AfterScript, "\n"), job.Variables), "after_script")
		return failed
	}
}

// TestRecipes runs the commands of the GitHub Actions and GitLab CI recipes
// against the good test site on loopback, with the built binary: the first
// run passes and gives the baseline (the release's artefact), a planted
// regression (a new image without alt text) fails the job, and its fix
// passes again. The JUnit, SARIF and summary files the later steps publish
// are there each time.
func TestRecipes(t *testing.T) {
	requireBrowser(t)
	bin := filepath.Join(t.TempDir(), "didi")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	blocks := docBlocks(t, ciDoc)
	for name, recipe := range map[string]func(*recipeEnv) bool{
		"github": githubRecipe(t, blocks["GitHub Actions yaml"][0]),
		"gitlab": gitlabRecipe(t, blocks["GitLab CI yaml"][0]),
	} {
		t.Run(name, func(t *testing.T) {
			r := newRecipeEnv(t, bin)
			r.t = t
			report := filepath.Join(r.work, "didi-report")
			index := filepath.Join(r.work, "public", "index.html")

			require.False(t, recipe(r), "the first run passes")
			for _, f := range []string{"result.json", "didi-report.md", "didi-junit.xml", "didi.sarif"} {
				assert.FileExists(t, filepath.Join(report, f))
			}
			assert.NoFileExists(t, filepath.Join(report, "didi-diff.md"), "no baseline yet")
			require.NoError(t, os.MkdirAll(filepath.Join(r.work, "baseline"), 0o755))
			require.NoError(t, os.Rename(filepath.Join(report, "result.json"), filepath.Join(r.work, "baseline", "result.json")))

			editFile(t, index, "</main>", `<p><img src="/logo.svg" width="80" height="20"></p></main>`)
			require.True(t, recipe(r), "a planted regression fails the job")
			diff, err := os.ReadFile(filepath.Join(report, "didi-diff.md"))
			require.NoError(t, err)
			assert.Contains(t, string(diff), "New problems (1)")
			assert.Contains(t, string(diff), "| image-alt | / |")
			if name == "github" {
				summary, err := os.ReadFile(filepath.Join(r.work, "summary.md"))
				require.NoError(t, err)
				assert.Contains(t, string(summary), "New problems (1)", "the job summary has the diff")
			}
			assert.FileExists(t, filepath.Join(report, "didi-junit.xml"))

			editFile(t, index, `<img src="/logo.svg" width="80" height="20">`, `<img src="/logo.svg" alt="Groenbeek" width="80" height="20">`)
			require.False(t, recipe(r), "the fix passes")
		})
	}
}

// TestSARIFPathRecipe runs the jq command of docs/ci.md that makes SARIF
// paths relative to the repository.
func TestSARIFPathRecipe(t *testing.T) {
	if _, err := exec.LookPath("jq"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI is set but jq is missing")
		}
		t.Skip("jq not found")
	}
	srv := serveSite(t, "golden")
	work := t.TempDir()
	code, _, stderr := didi(t, "", "scan", srv.URL+"/", "--no-browser", "--quiet", "--format", "sarif", "--out", filepath.Join(work, "didi-report"))
	require.Equal(t, 0, code, stderr)
	var cmd string
	for _, b := range docBlocks(t, ciDoc)["GitHub Actions sh"] {
		if strings.Contains(b, "jq ") {
			cmd = b
		}
	}
	require.NotEmpty(t, cmd)
	c := exec.Command("bash", "-eo", "pipefail", "-c", cmd)
	c.Dir = work
	out, err := c.CombinedOutput()
	require.NoError(t, err, "%s", out)
	b, err := os.ReadFile(filepath.Join(work, "didi-report", "didi-repo.sarif"))
	require.NoError(t, err)
	assert.Contains(t, string(b), `"uri": "public/index.html"`)
}

// TestConfigExample checks the .didi.yaml of docs/ci.md: every key is a
// flag of didi scan and parses, and every flag is documented there.
func TestConfigExample(t *testing.T) {
	blocks := docBlocks(t, ciDoc)["`.didi.yaml` yaml"]
	require.Len(t, blocks, 1)
	path := filepath.Join(t.TempDir(), ".didi.yaml")
	require.NoError(t, os.WriteFile(path, []byte(blocks[0]), 0o644))
	fs := flag.NewFlagSet("scan", flag.ContinueOnError)
	var f scanFlags
	f.register(fs)
	_, err := applyConfig(fs, path, true, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"image-alt", "html-lang"}, []string(f.failOn))
	assert.Equal(t, "0", f.failPageErrs)
	assert.Equal(t, map[string]string{"target-size": "off", "heading-order": "warn"}, f.checkLevels.m)
	m, err := loadModel("")
	require.NoError(t, err)
	require.NoError(t, f.rules().Validate(m))

	// The example of the section on overrides parses and fits the model too.
	levels := docBlocks(t, ciDoc)["Switching checks off, warnings, and ignoring parts of the site yaml"]
	require.Len(t, levels, 1)
	require.NoError(t, os.WriteFile(path, []byte(levels[0]), 0o644))
	var g scanFlags
	gs := flag.NewFlagSet("scan", flag.ContinueOnError)
	g.register(gs)
	_, err = applyConfig(gs, path, true, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, []string{"#cookie-banner", ".third-party-widget"}, []string(g.ignoreSelectors))
	require.NoError(t, g.rules().Validate(m))

	doc, err := os.ReadFile(ciDoc)
	require.NoError(t, err)
	section := string(doc)[strings.Index(string(doc), "## `.didi.yaml`"):]
	fs.VisitAll(func(fl *flag.Flag) {
		if fl.Name == "config" {
			return
		}
		if !strings.Contains(blocks[0], "\n"+fl.Name+":") && !strings.HasPrefix(blocks[0], fl.Name+":") && !strings.Contains(section, "`"+fl.Name+"`") {
			t.Errorf("docs/ci.md does not document the .didi.yaml key %s", fl.Name)
		}
	})
}
