#!/usr/bin/env python3
"""Turns didi's result.json into the ACT scorer's results format.

Each page lists the ACT rule ids and WCAG success criteria of the checks that
fail on it; needs_review outcomes go to the cant_tell lists; pages that could
not be scanned carry their error.
"""
import json
import sys
from urllib.parse import urlparse

result = json.load(open(sys.argv[1]))
results = {}


def key(url):
    return urlparse(url).path.lstrip("/")


asked = {}  # outcome URLs are final URLs; map them back to the case asked for
for page in result["pages"]:
    asked[page["final_url"] or page["url"]] = key(page["url"])
    asked[page["url"]] = key(page["url"])
    results[key(page["url"])] = {
        "act_rules": [], "wcag": [], "tool_rules": [],
        "cant_tell_act_rules": [], "cant_tell_wcag": [],
        "error": page["error"] or None,
    }
for crit in result["criteria"]:
    for check in crit["checks"]:
        for o in check["outcomes"]:
            entry = results.get(asked.get(o["url"], key(o["url"])))
            if entry is None:
                continue
            if o["outcome"] == "fail":
                entry["act_rules"] += check["act_rules"]
                entry["wcag"] += check["wcag"]
                entry["tool_rules"].append(check["id"])
            elif o["outcome"] == "needs_review":
                entry["cant_tell_act_rules"] += check["act_rules"]
                entry["cant_tell_wcag"] += check["wcag"]
for v in results.values():
    for k in ("act_rules", "wcag", "cant_tell_act_rules", "cant_tell_wcag"):
        v[k] = sorted(set(v[k]))
json.dump({"tool": "didi", "version": result["tool"]["version"], "results": results}, sys.stdout, indent=1)
