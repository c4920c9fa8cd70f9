#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# verify-edits.py EXPORT.json PROGRESS…
#
# Checks an export against what crash-edit reported done in each round
# (one PROGRESS file per round, named after the round: .../progress-ROUND):
# every save reported done is there, and beyond it at most the one save
# that was under way when the process was killed, whole.  Prints what is
# wrong and exits 1, or exits 0.

import json
import os
import sys

OPS = ["child", "placement", "step", "update"]


def apply(state, op, ref):
    if op == "child":
        state[ref] = {"name": None, "language": None, "placement": False, "step": False}
        state[ref]["name"] = "v1"
    elif op == "placement":
        state[ref[:-2]]["placement"] = True
    elif op == "step":
        state[ref[:-2]]["step"] = True
    elif op == "update":
        state[ref]["name"] = "v2"
        state[ref]["language"] = "arabiska"


def next_op(round_, last):
    if last is None:
        return "child", f"{round_}-c1"
    op, ref = last
    child = ref[:-2] if op in ("placement", "step") else ref
    i = int(child.rsplit("-c", 1)[1])
    following = OPS[(OPS.index(op) + 1) % len(OPS)]
    if following == "child":
        return "child", f"{round_}-c{i + 1}"
    if following in ("placement", "step"):
        return following, f"{child}-p"
    return following, child


def actual_state(children, round_):
    state = {}
    for c in children:
        ref = c["ref"]
        if not ref.startswith(f"{round_}-c"):
            continue
        name = c.get("name", "")
        version = name.rsplit(" ", 1)[-1] if name.startswith(f"Testbarn {round_}-") else f"bad name {name!r}"
        placements = [p for p in c.get("placements", []) if p["ref"] == f"{ref}-p"]
        steps = [s for p in placements for s in p.get("steps", [])
                 if s.get("rule") == "health-exam-notification" and s.get("status") == "done"]
        state[ref] = {"name": version, "language": c.get("interpreter_language"),
                      "placement": bool(placements), "step": bool(steps)}
    return state


def main():
    with open(sys.argv[1]) as f:
        children = json.load(f).get("children", [])
    problems = []
    for path in sys.argv[2:]:
        round_ = os.path.basename(path).split("-", 1)[1]
        with open(path) as f:
            text = f.read()
        # A line cut off by the kill was not reported done.
        lines = [l.split() for l in text.split("\n")[:-1]]
        done = {}
        last = None
        for op, ref in lines:
            apply(done, op, ref)
            last = (op, ref)
        more = json.loads(json.dumps(done))
        apply(more, *next_op(round_, last))
        actual = actual_state(children, round_)
        if actual != done and actual != more:
            missing = {k: v for k, v in done.items() if actual.get(k) != v}
            extra = {k: v for k, v in actual.items() if done.get(k) != v}
            problems.append(f"round {round_}: {len(lines)} saves reported done; "
                            f"differs at {sorted(set(missing) | set(extra))[:5]}: "
                            f"expected {[done.get(k) for k in sorted(set(missing) | set(extra))[:3]]}, "
                            f"found {[actual.get(k) for k in sorted(set(missing) | set(extra))[:3]]}")
        else:
            print(f"# round {round_}: {len(lines)} saves reported done, "
                  f"{'and the one under way' if actual != done else 'not the one under way'}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
