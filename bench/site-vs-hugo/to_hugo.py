#!/usr/bin/env python3
"""to_hugo.py REPO HUGO_DIR — the same content as a Hugo site with a minimal theme.

One page per report (its Markdown body) and one per recommendation record (text and status),
as `sijill site` makes them; the conversion is not timed. Hugo's own list pages are kept
(home, section lists), taxonomies and RSS are off.
"""
import os
import re
import sys

import yaml  # python3-yaml

repo, out = sys.argv[1], sys.argv[2]
os.makedirs(os.path.join(out, "content", "reports"), exist_ok=True)
os.makedirs(os.path.join(out, "content", "recommendations"), exist_ok=True)
os.makedirs(os.path.join(out, "layouts", "_default"), exist_ok=True)

open(os.path.join(out, "config.toml"), "w").write(
    'baseURL = "https://example.org/"\n'
    'languageCode = "ar"\n'
    'title = "sijill hugo"\n'
    'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n'
    '[markup.goldmark.renderer]\n  unsafe = false\n')
open(os.path.join(out, "layouts", "_default", "baseof.html"), "w").write(
    '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">'
    '<title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n')
open(os.path.join(out, "layouts", "_default", "single.html"), "w").write(
    '{{ define "main" }}<h1>{{ .Title }}</h1>{{ with .Params.status }}<p>{{ . }}</p>{{ end }}'
    '{{ .Content }}{{ end }}\n')
open(os.path.join(out, "layouts", "_default", "list.html"), "w").write(
    '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
    '{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n')


def q(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


corpus = os.path.join(repo, "corpus")
for name in sorted(os.listdir(corpus)):
    text = open(os.path.join(corpus, name), encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    with open(os.path.join(out, "content", "reports", name), "w", encoding="utf-8") as f:
        f.write(f"---\ntitle: {q(str(meta.get('title', '')))}\ndate: {meta.get('date')}\n---\n{body}")
records = os.path.join(repo, "recommendations")
for slug in sorted(os.listdir(records)):
    for name in sorted(os.listdir(os.path.join(records, slug))):
        text = open(os.path.join(records, slug, name), encoding="utf-8").read()
        record = yaml.safe_load(text)
        rid = record["id"]
        with open(os.path.join(out, "content", "recommendations", rid + ".md"), "w",
                  encoding="utf-8") as f:
            f.write(f"---\ntitle: {q(rid)}\nstatus: {record.get('status', '')}\n---\n\n"
                    f"{record.get('text', '')}\n")
