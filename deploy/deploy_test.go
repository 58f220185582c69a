// Package deploy holds the container and scheduler recipes of didi batch
// (the Dockerfile at the root, deploy/k8s, deploy/ci) and the tests that
// keep them right: the shards they start and the merge they run agree,
// for any number of shards.
package deploy

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"

	"github.com/didi-index/didi/batch"
)

// job is what the tests read of a Kubernetes Job.
type job struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    *int   `yaml:"completions"`
		Parallelism    *int   `yaml:"parallelism"`
		Template       struct {
			Spec struct {
				SecurityContext struct {
					RunAsNonRoot bool `yaml:"runAsNonRoot"`
					RunAsUser    int  `yaml:"runAsUser"`
				} `yaml:"securityContext"`
				Containers []struct {
					Image   string   `yaml:"image"`
					Command []string `yaml:"command"`
				} `yaml:"containers"`
			} `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

// render fills a manifest template as envsubst does, and decodes it.
func render(t *testing.T, file string, shards int) job {
	t.Helper()
	b, err := os.ReadFile(file)
	require.NoError(t, err)
	s := strings.NewReplacer("${SHARDS}", strconv.Itoa(shards), "${IMAGE}", "didi:test").Replace(string(b))
	var j job
	require.NoError(t, yaml.Unmarshal([]byte(s), &j), file)
	require.Equal(t, "Job", j.Kind)
	require.Len(t, j.Spec.Template.Spec.Containers, 1)
	assert.True(t, j.Spec.Template.Spec.SecurityContext.RunAsNonRoot, "%s: runs as root", file)
	assert.NotZero(t, j.Spec.Template.Spec.SecurityContext.RunAsUser, "%s: runs as root", file)
	return j
}

// fakeDidi puts a didi on PATH that prints its arguments, one a line, so
// that the recipes' shell lines can be run as the scheduler would.
func fakeDidi(t *testing.T) []string {
	t.Helper()
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "didi"), []byte("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n"), 0o755))
	return []string{"PATH=" + dir + ":" + os.Getenv("PATH")}
}

// shell runs a shell line in dir with env and returns didi's arguments.
func shell(t *testing.T, dir, line string, env []string) []string {
	t.Helper()
	cmd := exec.Command("sh", "-c", line)
	cmd.Dir, cmd.Env = dir, env
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s: %s", line, out)
	return strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
}

// invocation is a didi batch or merge command line as run.
type invocation struct {
	cmd    string
	pos    []string
	flags  map[string]string
	inputs []string // merge's folders
}

func parse(args []string) invocation {
	inv := invocation{cmd: args[0], flags: map[string]string{}}
	for i := 1; i < len(args); i++ {
		if strings.HasPrefix(args[i], "--") && i+1 < len(args) {
			inv.flags[args[i]] = args[i+1]
			i++
			continue
		}
		inv.pos = append(inv.pos, args[i])
	}
	inv.inputs = inv.pos
	return inv
}

// agree checks that the batch runs take each shard 1/n..n/n once into
// distinct folders, and that the merge reads exactly those folders with
// the same sites file.
func agree(t *testing.T, n int, runs []invocation, merge invocation, outs []string) {
	t.Helper()
	require.Len(t, runs, n)
	seen := map[int]bool{}
	for _, r := range runs {
		require.Equal(t, "batch", r.cmd)
		s, err := batch.ParseShard(r.flags["--shard"])
		require.NoError(t, err, "N=%d", n)
		require.Equal(t, n, s.N, "N=%d: %s", n, r.flags["--shard"])
		require.False(t, seen[s.K], "N=%d: shard %d twice", n, s.K)
		seen[s.K] = true
		require.Equal(t, runs[0].pos, r.pos, "N=%d: the shards read different sites files", n)
	}
	require.Equal(t, "merge", merge.cmd)
	assert.Equal(t, runs[0].pos[0], merge.flags["--sites"], "N=%d: the merge checks another sites file", n)
	assert.NotEmpty(t, merge.flags["--out"])
	slices.Sort(outs)
	inputs := slices.Clone(merge.inputs)
	slices.Sort(inputs)
	assert.Equal(t, outs, inputs, "N=%d: the merge does not read exactly the shards' folders", n)
}

var counts = []int{1, 3, 16}

func TestKubernetesIndexedJob(t *testing.T) {
	env := fakeDidi(t)
	for _, n := range counts {
		j := render(t, "k8s/batch-job.yaml", n)
		assert.Equal(t, "Indexed", j.Spec.CompletionMode)
		require.NotNil(t, j.Spec.Completions)
		assert.Equal(t, n, *j.Spec.Completions)
		require.NotNil(t, j.Spec.Parallelism)
		assert.LessOrEqual(t, *j.Spec.Parallelism, n)
		c := j.Spec.Template.Spec.Containers[0]
		require.Equal(t, []string{"sh", "-c"}, c.Command[:2])
		var runs []invocation
		var outs []string
		for i := range n {
			inv := parse(shell(t, "", c.Command[2], append(env, fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i))))
			runs = append(runs, inv)
			outs = append(outs, inv.flags["--out"])
		}
		m := render(t, "k8s/merge-job.yaml", n).Spec.Template.Spec.Containers[0]
		agree(t, n, runs, parse(shell(t, "", m.Command[2], env)), outs)
	}
}

func TestGitHubActionsMatrix(t *testing.T) {
	env := fakeDidi(t)
	var wf struct {
		Jobs map[string]struct {
			Needs    any `yaml:"needs"`
			Strategy struct {
				Matrix map[string][]int `yaml:"matrix"`
			} `yaml:"strategy"`
			Steps []struct {
				Uses string            `yaml:"uses"`
				Run  string            `yaml:"run"`
				With map[string]string `yaml:"with"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	b, err := os.ReadFile("ci/github-actions.yml")
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, &wf))
	scan, merge := wf.Jobs["scan"], wf.Jobs["merge"]
	assert.Equal(t, "scan", merge.Needs)
	assert.Equal(t, []int{1, 2, 3}, scan.Strategy.Matrix["shard"])
	expr := regexp.MustCompile(`\$\{\{\s*([a-z.-]+)\s*\}\}`)
	for _, n := range counts {
		root := t.TempDir()
		var runs []invocation
		var outs []string
		for k := 1; k <= n; k++ { // the matrix shard: [1..n]
			eval := func(s string) string {
				return expr.ReplaceAllStringFunc(s, func(m string) string {
					switch expr.FindStringSubmatch(m)[1] {
					case "matrix.shard":
						return strconv.Itoa(k)
					case "strategy.job-total":
						return strconv.Itoa(n)
					}
					t.Fatalf("unknown expression %s", m)
					return ""
				})
			}
			var inv invocation
			for _, st := range scan.Steps {
				if strings.HasPrefix(st.Run, "didi batch") {
					inv = parse(shell(t, root, eval(st.Run), env))
				}
				if strings.HasPrefix(st.Uses, "actions/upload-artifact") {
					assert.Equal(t, inv.flags["--out"], eval(st.With["path"]), "the artifact is not the shard's output")
					// download-artifact with a pattern puts each artifact in path/name.
					outs = append(outs, filepath.Join("shards", eval(st.With["name"])))
				}
			}
			runs = append(runs, inv)
		}
		var m invocation
		for _, st := range merge.Steps {
			if strings.HasPrefix(st.Uses, "actions/download-artifact") {
				require.Equal(t, "shards", st.With["path"])
				for _, o := range outs {
					require.NoError(t, os.MkdirAll(filepath.Join(root, o), 0o755))
				}
			}
			if strings.HasPrefix(st.Run, "didi merge") {
				m = parse(shell(t, root, st.Run, env))
			}
		}
		agree(t, n, runs, m, outs)
	}
}

func TestGitLabParallel(t *testing.T) {
	env := fakeDidi(t)
	type gitlabJob struct {
		Parallel  int      `yaml:"parallel"`
		Needs     []string `yaml:"needs"`
		Script    []string `yaml:"script"`
		Artifacts struct {
			Paths []string `yaml:"paths"`
		} `yaml:"artifacts"`
	}
	var ci struct {
		Scan  gitlabJob `yaml:"didi-scan"`
		Merge gitlabJob `yaml:"didi-merge"`
	}
	b, err := os.ReadFile("ci/gitlab-ci.yml")
	require.NoError(t, err)
	require.NoError(t, yaml.Unmarshal(b, &ci))
	scan, merge := ci.Scan, ci.Merge
	assert.Equal(t, 3, scan.Parallel)
	assert.Equal(t, []string{"didi-scan"}, merge.Needs)
	for _, n := range counts {
		root := t.TempDir()
		var runs []invocation
		var outs []string
		for k := 1; k <= n; k++ {
			jobEnv := env
			if n > 1 { // GitLab's parallel takes 2 to 200; without it, no CI_NODE_* is set
				jobEnv = append(slices.Clone(env), fmt.Sprintf("CI_NODE_INDEX=%d", k), fmt.Sprintf("CI_NODE_TOTAL=%d", n))
			}
			inv := parse(shell(t, root, scan.Script[0], jobEnv))
			runs = append(runs, inv)
			out := inv.flags["--out"]
			assert.True(t, strings.HasPrefix(out, scan.Artifacts.Paths[0]), "%s is not in the artifacts %v", out, scan.Artifacts.Paths)
			outs = append(outs, out)
			require.NoError(t, os.MkdirAll(filepath.Join(root, out), 0o755))
		}
		agree(t, n, runs, parse(shell(t, root, merge.Script[0], env)), outs)
	}
}

// TestDocsShowTheRecipes: docs/batch.md shows the CI recipes as they are.
func TestDocsShowTheRecipes(t *testing.T) {
	doc, err := os.ReadFile("../docs/batch.md")
	require.NoError(t, err)
	for _, f := range []string{"ci/github-actions.yml", "ci/gitlab-ci.yml"} {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		assert.Contains(t, string(doc), string(b), "docs/batch.md does not show %s as it is", f)
	}
}

// TestDockerImage builds the image and runs a scan in it, when docker is
// available.
func TestDockerImage(t *testing.T) {
	if err := exec.Command("docker", "info").Run(); err != nil {
		t.Skip("docker is not on PATH or its daemon does not run; by hand: docker build -t didi . && " +
			"docker run --rm --security-opt seccomp=unconfined --network host didi scan http://127.0.0.1:PORT/ --no-crawl --format json --out /tmp/r")
	}
	if testing.Short() {
		t.Skip("building the image takes minutes")
	}
	out, err := exec.Command("docker", "build", "-t", "didi:test", "..").CombinedOutput()
	require.NoError(t, err, "%s", out)
	out, err = exec.Command("docker", "run", "--rm", "didi:test", "version").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "didi ")
	out, err = exec.Command("docker", "run", "--rm", "--entrypoint", "id", "didi:test", "-u").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.NotEqual(t, "0", strings.TrimSpace(string(out)), "the image runs as root")
	srv := httptest.NewServer(http.FileServer(http.Dir("../testdata/sites/good")))
	defer srv.Close()
	out, err = exec.Command("docker", "run", "--rm", "--security-opt", "seccomp=unconfined", "--network", "host", "didi:test",
		"scan", srv.URL+"/", "--no-crawl", "--format", "json", "--out", "/tmp/r").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "didi index")
	assert.NotContains(t, string(out), "no-sandbox")
}
