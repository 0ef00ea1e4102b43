"""The glossary page as one self-contained HTML file: the Markdown page's
content, a search box, and links between terms (every other entry's name in a
field's text links to that entry). Nothing is fetched; every text is escaped.

The search can be preset from the address: `glossary.html#q=MQL`.
"""

from __future__ import annotations

import re
from html import escape

from linter.glossary import Glossary
from linter.glossary_tools import page
from linter.glossary_tools.page import HOW_TO_USE, INTRO


def render(glossary: Glossary, title: str) -> bytes:
    ids = page.anchors(glossary)
    linker = _Linker(glossary, ids)
    groups = page.topics(glossary)
    body = [
        f"<header><h1>{escape(title)}</h1><p>{escape(INTRO)}</p>",
        "<h2>使い方</h2><ul>" + "".join(f"<li>{escape(x)}</li>" for x in HOW_TO_USE) + "</ul>",
        '<p class="search"><label>検索 <input id="q" type="search" autocomplete="off" '
        'placeholder="用語・定義・表記で絞り込む"></label> '
        f'<span id="shown-count">{sum(len(items) for _, items in groups)}</span> 語</p></header>',
        '<nav id="toc"><h2>目次</h2>',
    ]
    for topic, items in groups:
        links = " / ".join(f'<a href="#{i.anchor}">{escape(i.heading)}</a>' for i in items)
        body.append(f"<p><b>{escape(topic)}</b>: {links}</p>")
    body.append("</nav><main>")
    for topic, items in groups:
        body.append(f'<section class="topic"><h2>{escape(topic)}</h2>')
        body += [_article(item, ids, linker) for item in items]
        body.append("</section>")
    body.append("</main>")
    return PAGE.format(title=escape(title), css=CSS, js=JS, body="\n".join(body)).encode("utf-8")


def _article(item: page.Item, ids: dict[str, str], linker: _Linker) -> str:
    entry = item.entry
    rows = []
    if item.section is None:
        rows.append(("種別", escape(page.KIND_LABELS.get(entry.kind, entry.kind))))
        if entry.reading:
            rows.append(("読み", escape(entry.reading)))
    rows += [(label, linker.link(text, entry.term)) for _, label, text in item.fields()]
    if item.section is not None:
        rows.append(("見出し語", f'<a href="#{ids[entry.term]}">{escape(entry.term)}</a> の別名'))
    else:
        for status, label in ((page.ADMITTED, "別表記(認める)"), (page.DEPRECATED, "非推奨の表記")):
            forms = [n.text for n in page.names(entry) if n.status == status]
            if forms:
                rows.append((label, "、".join(f'<span class="{status}">{escape(f)}</span>' for f in forms)))
        for label, term in page.related(entry):
            rows.append((label, f'<a href="#{ids[term]}">{escape(term)}</a>' if term in ids else escape(term)))
    subtitle = f'<span class="sub">({escape(item.subtitle)})</span>' if item.subtitle else ""
    cells = "".join(f"<dt>{escape(label)}</dt><dd>{value}</dd>" for label, value in rows)
    return (
        f'<article class="term" id="{item.anchor}"><h3>{escape(item.heading)}{subtitle}</h3><dl>{cells}</dl></article>'
    )


class _Linker:
    """Links the first mention of each other entry's name in a text."""

    def __init__(self, glossary: Glossary, ids: dict[str, str]):
        self.owner: dict[str, str] = {}
        for entry in glossary.entries:
            for name in entry.names():
                if len(name) >= 2:
                    self.owner.setdefault(name, entry.term)
        self.ids = ids
        alternatives = sorted(self.owner, key=len, reverse=True)
        self.pattern = re.compile("|".join(_bounded(n) for n in alternatives)) if alternatives else None

    def link(self, text: str, own_term: str) -> str:
        if self.pattern is None:
            return escape(text)
        out, at, done = [], 0, {own_term}
        for m in self.pattern.finditer(text):
            term = self.owner[m.group(0)]
            if term in done:
                continue
            done.add(term)
            out.append(escape(text[at : m.start()]))
            out.append(f'<a class="ref" href="#{self.ids[term]}">{escape(m.group(0))}</a>')
            at = m.end()
        out.append(escape(text[at:]))
        return "".join(out)


_KATAKANA = re.compile(r"[ァ-ヺー・]+")


def _bounded(name: str) -> str:
    """A name as a word: IT is not in ITEM, CS not in CSOps, ビュー not in レビュー."""
    if page.is_latin(name):
        return rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])"
    if _KATAKANA.fullmatch(name):
        return rf"(?<![ァ-ヺー]){re.escape(name)}(?![ァ-ヺー])"
    return re.escape(name)


CSS = """
body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:0 auto;max-width:60em;padding:1em;
line-height:1.6;color:#222}
h1{font-size:1.6em}h2{border-bottom:1px solid #ccc;margin-top:1.6em}h3{margin:.2em 0}
.search input{font-size:1em;padding:.3em;width:22em}
nav p{margin:.3em 0}
article.term{border:1px solid #ddd;border-radius:6px;padding:.5em 1em;margin:.8em 0}
article.term:target{border-color:#36c;box-shadow:0 0 0 2px #36c3}
dl{display:grid;grid-template-columns:9em 1fr;gap:.2em 1em;margin:.3em 0}dt{color:#555}dd{margin:0}
.sub{color:#555;font-weight:normal;margin-left:.3em}.deprecated{text-decoration:line-through;color:#a33}
a.ref{color:#036}
"""

JS = """
(function () {
  var box = document.getElementById('q');
  var terms = Array.prototype.slice.call(document.querySelectorAll('article.term'));
  var topics = Array.prototype.slice.call(document.querySelectorAll('section.topic'));
  function norm(s) { return (s || '').normalize('NFKC').toLowerCase(); }
  var texts = terms.map(function (t) { return norm(t.textContent); });
  function apply() {
    var q = norm(box.value).trim(), shown = 0;
    terms.forEach(function (t, i) {
      var hit = !q || texts[i].indexOf(q) >= 0;
      t.hidden = !hit;
      if (hit) shown++;
    });
    topics.forEach(function (s) { s.hidden = !s.querySelector('article.term:not([hidden])'); });
    document.getElementById('shown-count').textContent = String(shown);
  }
  box.addEventListener('input', apply);
  var m = /^#q=(.*)$/.exec(location.hash);
  if (m) { box.value = decodeURIComponent(m[1]); }
  apply();
  document.body.setAttribute('data-ready', '1');
})();
"""

PAGE = """<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
{body}
<script>{js}</script>
</body>
</html>
"""
