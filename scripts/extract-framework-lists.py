#!/usr/bin/env python3
"""Writes Resources/frameworks/*.tsv, the requirement lists `evident report --by` measures coverage
against, from the reference data in ../shared/data (see Resources/frameworks/README.md).

Usage, from the repository root: python3 scripts/extract-framework-lists.py [SHARED_DATA_DIR]
The output is deterministic: rerunning it on the same inputs changes nothing.
"""
import json
import os
import re
import sys

data = sys.argv[1] if len(sys.argv) > 1 else os.path.join('..', 'shared', 'data')
out = os.path.join('Resources', 'frameworks')
os.makedirs(out, exist_ok=True)


def clean(text):
    return re.sub(r'\s+', ' ', text).strip()


# OWASP ASVS 4.0.3: chapters and the ids of requirements still in force (not "[DELETED ...]").
rows = json.load(open(os.path.join(data, 'asvs', 'asvs-4.0.3-en.flat.json'), encoding='utf-8'))['requirements']
lines = ['# OWASP ASVS 4.0.3 requirement ids by chapter, from asvs/asvs-4.0.3-en.flat.json (CC BY-SA 4.0, OWASP Foundation).',
         '# group<TAB>chapter id<TAB>chapter name | requirement<TAB>id<TAB>chapter id<TAB>section name']
seen = set()
for row in rows:
    if row['chapter_id'] not in seen:
        seen.add(row['chapter_id'])
        lines.append('\t'.join(['group', row['chapter_id'], clean(row['chapter_name'])]))
for row in rows:
    if row['req_description'].startswith('[DELETED'):
        continue
    lines.append('\t'.join(['requirement', row['req_id'], row['chapter_id'], clean(row['section_name'])]))
open(os.path.join(out, 'asvs-4.0.3.tsv'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')

# NIST SP 800-53 rev5: families, and the controls and enhancements not withdrawn, with their titles.
catalog = json.load(open(os.path.join(data, 'oscal', 'catalog', 'NIST_SP-800-53_rev5.0.1_catalog.json'), encoding='utf-8'))['catalog']
lines = ['# NIST SP 800-53 rev5 controls and enhancements in force, by family, from oscal/catalog/NIST_SP-800-53_rev5.0.1_catalog.json (public domain).',
         '# group<TAB>family id<TAB>family title | requirement<TAB>id<TAB>family id<TAB>title']


def label(control_id):
    match = re.match(r'^([a-z]{2})-(\d+)(?:\.(\d+))?$', control_id)
    base = f'{match.group(1).upper()}-{match.group(2)}'
    return base + (f'({match.group(3)})' if match.group(3) else '')


def walk(controls, family, lines):
    for control in controls or []:
        withdrawn = any(p.get('name') == 'status' and p.get('value') == 'withdrawn' for p in control.get('props', []))
        if not withdrawn:
            lines.append('\t'.join(['requirement', label(control['id']), family, clean(control['title'])]))
        walk(control.get('controls'), family, lines)


for group in catalog['groups']:
    family = group['id'].upper()
    lines.append('\t'.join(['group', family, clean(group['title'])]))
    walk(group.get('controls'), family, lines)
open(os.path.join(out, 'nist-800-53-rev5.tsv'), 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
