package checks

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/didi-index/didi/crawler"
)

func TestZZACTEval(t *testing.T) {
	snaps := map[string]*crawler.Snapshot{}
	if p := os.Getenv("AXSNAPS"); p != "" {
		list, err := crawler.LoadSnapshots(p)
		if err != nil {
			t.Fatal(err)
		}
		for i := range list {
			u := list[i].URL
			if k := strings.Index(u, "/testcases/"); k >= 0 {
				snaps[u[k+1:]] = &list[i]
			}
		}
	}
	root := "/work/shared/benchmarks/act/"
	b, err := os.ReadFile(root + "manifest.json")
	if err != nil {
		t.Skip()
	}
	var m struct {
		Cases []struct {
			RuleID   string `json:"rule_id"`
			Title    string `json:"title"`
			Expected string `json:"expected"`
			File     string `json:"file"`
		} `json:"cases"`
	}
	json.Unmarshal(b, &m)
	byACT := map[string][]*Check{}
	for _, c := range Default().All() {
		if c.Criterion != "accessible" {
			continue
		}
		for _, a := range c.ACT {
			byACT[a] = append(byACT[a], c)
		}
	}
	type st struct{ tp, fn, fp, tn int }
	stats := map[string]*st{}
	for _, cs := range m.Cases {
		checks := byACT[cs.RuleID]
		if len(checks) == 0 {
			continue
		}
		src, err := os.ReadFile(filepath.Join(root, cs.File))
		if err != nil {
			continue
		}
		ct := "text/html"
		if filepath.Ext(cs.File) == ".xml" {
			ct = "application/xml"
		}
		if filepath.Ext(cs.File) == ".svg" {
			ct = "image/svg+xml"
		}
		s := &crawler.Snapshot{URL: "http://x/" + cs.File, Status: 200, HTML: string(src), DOM: string(src), ContentType: ct}
		if len(snaps) > 0 {
			if snaps[cs.File] == nil {
				continue
			}
			s = snaps[cs.File]
		}
		flag := false
		var ev []Evidence
		for _, c := range checks {
			if !c.Available(s) {
				continue
			}
			out := Run(c, []*Page{NewPage(s, true)}, nil)
			for _, o := range out {
				if o.Outcome == Fail {
					flag = true
					ev = append(ev, o.Evidence...)
				}
			}
		}
		if stats[cs.RuleID] == nil {
			stats[cs.RuleID] = &st{}
		}
		x := stats[cs.RuleID]
		switch {
		case cs.Expected == "failed" && flag:
			x.tp++
		case cs.Expected == "failed":
			x.fn++
			if os.Getenv("SHOWFN") != "" {
				fmt.Printf("FN %s %s %s\n", cs.RuleID, cs.Title, cs.File)
			}
		case flag:
			x.fp++
			fmt.Printf("FP %s %s %s %v\n", cs.RuleID, cs.Title, cs.File, ev)
		default:
			x.tn++
		}
	}
	var ids []string
	for k := range stats {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	var T st
	for _, k := range ids {
		x := stats[k]
		fmt.Printf("%s tp=%d fn=%d fp=%d tn=%d\n", k, x.tp, x.fn, x.fp, x.tn)
		T.tp += x.tp; T.fn += x.fn; T.fp += x.fp; T.tn += x.tn
	}
	fmt.Printf("TOTAL tp=%d fn=%d fp=%d tn=%d precision=%.3f recall=%.3f\n", T.tp, T.fn, T.fp, T.tn, float64(T.tp)/float64(T.tp+T.fp), float64(T.tp)/float64(T.tp+T.fn))
}
