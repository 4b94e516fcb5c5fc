#!/usr/bin/env python3
"""Writes a checklist directory of N items (for benchmarks) and a CSV reviewing every item.
Usage: generate-checklist.py DIR ITEMS [SECTIONS]"""
import os, sys

directory, count = sys.argv[1], int(sys.argv[2])
sections = int(sys.argv[3]) if len(sys.argv) > 3 else 20
os.makedirs(directory, exist_ok=True)
with open(os.path.join(directory, "checklist.yaml"), "w") as f:
    f.write('id: bench\ntitle: Generated benchmark checklist\nversion: "1.0.0"\n')
per = count // sections
statuses = ["pass", "partial", "fail", "na"]
with open(os.path.join(directory, "reviews.csv"), "w") as csv:
    csv.write("item,status,note\n")
    for s in range(sections):
        with open(os.path.join(directory, f"{s:03d}-s{s}.yaml"), "w") as f:
            f.write(f"section:\n  id: s{s}\n  title: Section {s}\nitems:\n")
            for i in range(per):
                item = f"s{s}.item-{i}"
                f.write(f"  - id: {item}\n    title: Requirement {i} of section {s} holds\n")
                f.write(f"    severity: {['critical', 'high', 'medium', 'low'][i % 4]}\n    max_age_days: 90\n")
                f.write(f"    guidance: |\n      Check requirement {i} and attach **evidence**.\n\n      - one\n      - two\n")
                f.write(f"    references: [\"NIST SP 800-53 rev5 AC-{i % 20 + 1}\"]\n")
                f.write(f"    source: {{section: Section {s}, quote: Requirement {i}}}\n")
                csv.write(f"{item},{statuses[i % 4]},reviewed in the benchmark\n")
