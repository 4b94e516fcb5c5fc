#!/usr/bin/env python3
"""Writes a checklist directory of N items (for benchmarks), shaped as users shape one, and two CSVs
reviewing every item: reviews.csv (cycle A) and reviews-b.csv (cycle B, other verdicts).
Each item has a distinct description of about 100 characters; every review has its own note.
Usage: generate-checklist.py DIR ITEMS [SECTIONS]   (default 50 sections: 200 items each for 10,000)"""
import os, sys

directory, count = sys.argv[1], int(sys.argv[2])
sections = int(sys.argv[3]) if len(sys.argv) > 3 else 50
os.makedirs(directory, exist_ok=True)
with open(os.path.join(directory, "checklist.yaml"), "w") as f:
    f.write('id: bench\ntitle: Generated benchmark checklist\nversion: "1.0.0"\n')
per = count // sections
statuses = ["pass", "partial", "fail", "na"]
# Cycle B moves verdicts: pass and fail swap, partial and na stay.
moved = {"pass": "fail", "fail": "pass", "partial": "partial", "na": "na"}
subjects = ["session tokens", "API keys", "audit logs", "backups", "card data", "webhooks", "TLS endpoints",
            "admin accounts", "build pipelines", "secrets in CI"]
with open(os.path.join(directory, "reviews.csv"), "w") as a, open(os.path.join(directory, "reviews-b.csv"), "w") as b:
    a.write("item,status,note\n")
    b.write("item,status,note\n")
    for s in range(sections):
        with open(os.path.join(directory, f"{s:03d}-s{s}.yaml"), "w") as f:
            f.write(f"section:\n  id: s{s}\n  title: Section {s}\nitems:\n")
            for i in range(per):
                item = f"s{s}.item-{i}"
                subject = subjects[(s + i) % len(subjects)]
                description = (f"Requirement {i} of section {s}: {subject} are inventoried, owned by a named team "
                               f"and reviewed every {30 + i % 60} days.")
                f.write(f"  - id: {item}\n    title: Requirement {i} of section {s} holds\n")
                f.write(f"    description: \"{description}\"\n")
                f.write(f"    severity: {['critical', 'high', 'medium', 'low'][i % 4]}\n    max_age_days: 90\n")
                f.write(f"    guidance: |\n      Check requirement {i} and attach **evidence**.\n\n      - one\n      - two\n")
                f.write(f"    references: [\"NIST SP 800-53 rev5 AC-{i % 20 + 1}\"]\n")
                f.write(f"    source: {{section: Section {s}, quote: Requirement {i}}}\n")
                status = statuses[i % 4]
                a.write(f"{item},{status},cycle A: {subject} of section {s} checked for requirement {i} (ticket SEC-{s * per + i})\n")
                b.write(f"{item},{moved[status]},cycle B: {subject} of section {s} re-checked for requirement {i} (ticket SEC-{100000 + s * per + i})\n")
