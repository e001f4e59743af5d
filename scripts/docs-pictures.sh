#!/usr/bin/env bash
# Makes the pictures of the job summary and the annotations in docs/images from real runs: entrypoint.sh as GitHub's
# runner starts it, on embedded PostgreSQL servers seeded with the demo's shop (io.neontwin.action.DocsPictureRuns);
# the summaries (GitHub-flavoured markdown) are rendered to HTML in GitHub's style and screenshotted with headless
# chromium. Run it by hand when the summary or the annotations change (as root, or where chromium may run sandboxed).
# Needs: chromium, python3-markdown and an emoji font (Debian: apt-get install -y chromium python3-markdown
# fonts-noto-color-emoji).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
# shellcheck source=scripts/find-java.sh
. scripts/find-java.sh
command -v chromium >/dev/null || { echo "docs-pictures: install chromium first (apt-get install -y chromium)." >&2; exit 3; }
python=python3   # Debian's python3-markdown is for /usr/bin/python3, which a pyenv or venv on PATH may hide
/usr/bin/python3 -c 'import markdown' 2>/dev/null && python=/usr/bin/python3
"$python" -c 'import markdown' 2>/dev/null || { echo "docs-pictures: install python3-markdown first (apt-get install -y python3-markdown)." >&2; exit 3; }

out=target/docs-pictures
echo "Building the jar and the test classes ..."
maven -q -DskipTests package
maven -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
echo "Running the action three times on real PostgreSQL servers ..."
"$JAVA_HOME/bin/java" -Dneontwin.pgBinaries=target/pg-binaries -Dneontwin.jar=target/neon-twin.jar \
  -cp "target/classes:target/test-classes:$(cat target/cp.txt)" io.neontwin.action.DocsPictureRuns "$out" 2>/dev/null

echo "Rendering ..."
"$python" - "$out" <<'PY'
import html, pathlib, re, sys, urllib.parse
import markdown

out = pathlib.Path(sys.argv[1])
STYLE = """
body { margin: 0; background: #f6f8fa; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", "Noto Color Emoji", sans-serif; color: #1f2328; }
.card { margin: 16px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
.card > .title { padding: 12px 16px; border-bottom: 1px solid #d0d7de; font-weight: 600; font-size: 16px; }
.card > .content { padding: 4px 24px 16px; }
h2 { font-size: 20px; border-bottom: 1px solid #d8dee4; padding-bottom: 6px; margin: 16px 0 12px; }
h3 { font-size: 16px; margin: 20px 0 8px; }
table { border-collapse: collapse; margin: 8px 0 12px; display: block; overflow: auto; }
th, td { border: 1px solid #d0d7de; padding: 6px 13px; vertical-align: top; }
th { font-weight: 600; } tr:nth-child(2n) td { background: #f6f8fa; }
code { font: 12px ui-monospace, "DejaVu Sans Mono", monospace; background: rgba(175,184,193,0.2); border-radius: 6px; padding: 2px 5px; }
.annotation { display: flex; gap: 10px; padding: 12px 16px; border-top: 1px solid #d0d7de; }
.annotation:first-of-type { border-top: none; }
.icon { flex: none; width: 18px; height: 18px; border-radius: 50%; color: #fff; font-size: 12px; font-weight: 700;
        display: flex; align-items: center; justify-content: center; margin-top: 2px; }
.error .icon { background: #cf222e; } .warning .icon { background: #9a6700; border-radius: 3px; }
.where { color: #57606a; font-size: 12px; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.message { font: 12px/1.5 ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre-wrap; margin-top: 4px; }
"""

def page(title, body):
    return f'<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title><style>{STYLE}</style></head><body>{body}</body></html>'

def summary(name, job):
    text = (out / f"{name}.md").read_text()
    body = markdown.markdown(text, extensions=["tables"])
    (out / f"summary-{name}.html").write_text(page(job, f'<div class="card"><div class="title">{job} summary</div><div class="content">{body}</div></div>'))

def unescape(value):
    return urllib.parse.unquote(value)

def annotations(jobs):
    rows, counts = [], {"error": 0, "warning": 0}
    for name, job in jobs:
        for line in (out / f"{name}.annotations").read_text().splitlines():
            m = re.match(r"::(error|warning|notice)(?: ([^:]*))?::(.*)", line)
            if not m:
                continue
            level, props, message = m.group(1), dict(p.split("=", 1) for p in (m.group(2) or "").split(",") if "=" in p), unescape(m.group(3))
            counts[level] = counts.get(level, 0) + 1
            where = job + (f": {unescape(props['file'])}#L{props['line']}" if "file" in props else "")
            rows.append(f'<div class="annotation {level}"><div class="icon">{"!" if level == "warning" else "×"}</div><div>'
                        f'<div><b>{html.escape(unescape(props.get("title", level)))}</b></div><div class="where">{html.escape(where)}</div>'
                        f'<div class="message">{html.escape(message)}</div></div></div>')
    title = f'Annotations <span style="font-weight:400;color:#57606a">{counts["error"]} error and {counts["warning"]} warning</span>'
    (out / "annotations.html").write_text(page("Annotations", f'<div class="card"><div class="title">{title}</div>{"".join(rows)}</div>'))

summary("twin", "twin")
summary("reverse-twin", "dry-run")
annotations([("reverse-twin", "dry-run"), ("twin-refused", "twin")])
PY

shoot() { # name, height: the height is the page's (the screenshot cuts what is below); raise it if a page grows
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d)" --window-size="900,$2" \
    --screenshot="docs/images/$1.png" "file://$root/$out/$1.html" 2>/dev/null
}
shoot summary-twin 1180
shoot summary-reverse-twin 1130
shoot annotations 300
echo "Wrote docs/images/summary-twin.png, summary-reverse-twin.png and annotations.png; look at each: a page cut at the bottom needs a larger height in this script."
