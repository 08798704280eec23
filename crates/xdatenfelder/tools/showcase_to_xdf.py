#!/usr/bin/env python3
"""Writes two showcase forms of data/forms/ as XDatenfelder messages into data/xdf/ (the
import's round-trip fixtures): hundesteuer as XDatenfelder 3.0.0 (values inline), and
bewohnerparkausweis as XDatenfelder 2.0 (code lists as genericode files in
data/xdf/codelisten/). Our own messages, following the standard's structure; element ids
F99…/G99…/S99… are ours (not FIM catalogue ids) except where the showcase names a FIM id.
Rules are written as scripts in our rule language (see crates/xdatenfelder/src/rules.rs).
Run from the repository root: python3 crates/xdatenfelder/tools/showcase_to_xdf.py
Not run by CI; the committed XML is the fixture."""
import json
import re
from xml.sax.saxutils import escape

FORMAT_PATTERNS = {
    "postal_code": "[0-9]{5}",
    "municipality": "[0-9]{12}",
    "email": "[^@\\s]+@[^@\\s]+\\.[^@\\s]+",
    "phone": "[+]?[0-9][0-9 ()/-]{4,}",
    "iban": "[A-Z]{2}[0-9]{2}[A-Z0-9 ]{11,40}",
}
TOKEN = re.compile(r"'[^']*'|\"[^\"]*\"|[A-Za-z_][A-Za-z0-9_]*|.", re.S)


def rename(expr, ids):
    return "".join(ids.get(t, t) if re.match(r"[A-Za-z_]", t) else t for t in TOKEN.findall(expr))


class Writer:
    def __init__(self, form, v3, prefix):
        self.form, self.v3, self.prefix = form, v3, prefix
        self.ids, self.counter, self.out = {}, {"F": 0, "G": 0, "R": 0}, []
        self.code_lists = form.get("code_lists", {})

    def new_id(self, kind, fim=None):
        if fim:
            return fim["id"], fim.get("version") or "1.0"
        self.counter[kind] += 1
        return f"{kind}{self.prefix}{self.counter[kind]:03d}", "1.0"

    def assign(self, items):
        for it in items:
            kind = "G" if it["type"] == "group" else "F"
            ident = self.new_id(kind, it.get("fim"))
            assert it["id"] not in self.ids, f"slug {it['id']} twice: rules need scoping"
            self.ids[it["id"]] = ident[0]
            it["_ident"] = ident
            if kind == "G":
                self.assign(it["items"])

    def w(self, depth, text):
        self.out.append("  " * depth + text)

    def ident(self, d, ident):
        self.w(d, "<xdf:identifikation>")
        self.w(d + 1, f"<xdf:id>{ident[0]}</xdf:id>")
        self.w(d + 1, f"<xdf:version>{ident[1]}</xdf:version>")
        self.w(d, "</xdf:identifikation>")

    def code(self, d, name, value):
        self.w(d, f"<xdf:{name}><code>{escape(value)}</code></xdf:{name}>")

    def texts(self, d, it):
        self.w(d, f"<xdf:name>{escape(it['label']['de'])}</xdf:name>")
        self.w(d, f"<xdf:bezeichnungEingabe>{escape(it['label']['de'])}</xdf:bezeichnungEingabe>")
        if it.get("hint"):
            self.w(d, f"<xdf:hilfetextEingabe>{escape(it['hint']['de'])}</xdf:hilfetextEingabe>")

    def rule(self, d, typ, lines, prose):
        ident = self.new_id("R")
        self.w(d, "<xdf:regel>")
        self.ident(d + 1, ident)
        self.w(d + 1, f"<xdf:name>{escape(prose)}</xdf:name>")
        script = "\n".join(rename(l, self.ids) if not l.startswith(("message:", "severity:")) else l for l in lines)
        if self.v3:
            self.w(d + 1, f"<xdf:freitextRegel>{escape(prose)}</xdf:freitextRegel>")
            self.code(d + 1, "typ", typ)
            self.w(d + 1, f"<xdf:skript>{escape(script)}</xdf:skript>")
        else:
            self.w(d + 1, f"<xdf:definition>{escape(prose)}</xdf:definition>")
            self.w(d + 1, f"<xdf:script>{escape(script)}</xdf:script>")
        self.w(d, "</xdf:regel>")

    def rules(self, d, it):
        for key in ("show_if", "required_if"):
            if it.get(key):
                self.rule(d, "K", [f"{key}: {it[key]}"], f"{key} {it[key]}")
        if it.get("compute"):
            self.rule(d, "B", [f"compute: {it['compute']}"], f"Berechnung {it['compute']}")
        for c in it.get("checks", []):
            lines = [f"check: {c['rule']}", f"message: {c['message']}"]
            if c.get("severity", "error") != "error":
                lines.append(f"severity: {c['severity']}")
            lines += [f"arg {k}: {v}" for k, v in c.get("args", {}).items()]
            # The check keeps its showcase id as name; its FIM id is the R… id.
            self.rule(d, "M" if "count(" in c["rule"] else "V", lines, f"{c['id']}: {c['rule']}")

    def struktur(self, d, it):
        if it["type"] == "group":
            rep = it.get("repeat")
            anzahl = f"{rep.get('min', 0)}:{rep['max'] if rep.get('max') is not None else '*'}" if rep else ("0:1" if it.get("optional") else "1:1")
        else:
            k = it["kind"]
            req = 1 if it.get("required") else 0
            if k["type"] == "attachment":
                anzahl = f"{req}:{k.get('max_count', '*')}"
            elif k["type"] == "choice" and k.get("multiple"):
                anzahl = f"{k.get('min_selected', req)}:{k.get('max_selected', '*')}"
            else:
                anzahl = f"{req}:1"
        self.w(d, "<xdf:struktur>")
        self.w(d + 1, f"<xdf:anzahl>{anzahl}</xdf:anzahl>")
        self.w(d + 1, "<xdf:enthaelt>")
        (self.group if it["type"] == "group" else self.field)(d + 2, it)
        self.w(d + 1, "</xdf:enthaelt>")
        self.w(d, "</xdf:struktur>")

    def group(self, d, g):
        self.w(d, "<xdf:datenfeldgruppe>")
        self.ident(d + 1, g["_ident"])
        self.texts(d + 1, g)
        self.code(d + 1, "schemaelementart", "RNG")
        self.rules(d + 1, g)
        for it in g["items"]:
            self.struktur(d + 1, it)
        self.w(d, "</xdf:datenfeldgruppe>")

    def field(self, d, f):
        k = f["kind"]
        t = k["type"]
        feldart = {"choice": "select", "info": "label"}.get(t, f.get("feldart", "input"))
        datentyp = {"date": "date", "yes_no": "bool", "integer": "num_int", "decimal": "num", "money": "num_currency",
                    "attachment": "file", "address": "obj", "time": "time", "datetime": "datetime"}.get(t, "text")
        if t == "text" and k.get("latin"):
            datentyp = "text_latin"
        praez = {}
        if t in ("text", "multiline_text"):
            for a, b in (("min_length", "minLength"), ("max_length", "maxLength"), ("pattern", "pattern")):
                if k.get(a) is not None:
                    praez[b] = str(k[a])
        elif t in FORMAT_PATTERNS:
            praez["pattern"] = FORMAT_PATTERNS[t]
        elif t in ("date", "integer", "decimal"):
            for a, b in (("min", "minValue"), ("max", "maxValue")):
                if k.get(a) is not None:
                    praez[b] = str(k[a])
        elif t == "money":
            for a, b in (("min_cents", "minValue"), ("max_cents", "maxValue")):
                if k.get(a) is not None:
                    praez[b] = f"{k[a] / 100:.2f}"
        self.w(d, "<xdf:datenfeld>")
        self.ident(d + 1, f["_ident"])
        self.texts(d + 1, f)
        self.code(d + 1, "schemaelementart", "RNG")
        self.code(d + 1, "feldart", feldart)
        self.code(d + 1, "datentyp", datentyp)
        if praez:
            if self.v3:
                attrs = " ".join(f'{a}="{escape(v, {chr(34): "&quot;"})}"' for a, v in praez.items())
                self.w(d + 1, f"<xdf:praezisierung {attrs}/>")
            else:
                self.w(d + 1, f"<xdf:praezisierung>{escape(json.dumps(praez))}</xdf:praezisierung>")
        if t == "info":
            self.w(d + 1, f"<xdf:inhalt>{escape(k['text']['de'])}</xdf:inhalt>")
        if t == "choice":
            codes = k["codes"]
            name = codes if isinstance(codes, str) else None
            values = self.code_lists[name]["codes"] if name else codes
            if self.v3:
                self.w(d + 1, "<xdf:werte>")
                for c in values:
                    self.w(d + 2, f"<xdf:wert><xdf:code>{escape(c['code'])}</xdf:code><xdf:name>{escape(c['label']['de'])}</xdf:name></xdf:wert>")
                self.w(d + 1, "</xdf:werte>")
            else:
                urn = f"urn:de:thueringen:app:codeliste:{name}"
                self.w(d + 1, "<xdf:codelisteReferenz>")
                self.ident(d + 2, (f"C{self.prefix}{name}", "1"))
                self.w(d + 2, "<xdf:genericodeIdentification>")
                self.w(d + 3, f"<xdf:canonicalIdentification>{urn}</xdf:canonicalIdentification>")
                self.w(d + 3, "<xdf:version>1</xdf:version>")
                self.w(d + 3, f"<xdf:canonicalVersionUri>{urn}_1</xdf:canonicalVersionUri>")
                self.w(d + 2, "</xdf:genericodeIdentification>")
                self.w(d + 1, "</xdf:codelisteReferenz>")
                write_genericode(name, urn, values)
        if self.v3 and t == "attachment":
            for m in k.get("accept", []):
                self.w(d + 1, f"<xdf:mediaType>{escape(m)}</xdf:mediaType>")
            if k.get("max_bytes"):
                self.w(d + 1, f"<xdf:maxSize>{k['max_bytes']}</xdf:maxSize>")
        if self.v3:
            prefill = {"none": "keine", "optional": "optional", "required": "verpflichtend"}[f.get("prefill", "none")]
            self.code(d + 1, "vorbefuellung", prefill)
        self.rules(d + 1, f)
        self.w(d, "</xdf:datenfeld>")

    def message(self, schema_id):
        ns = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0" if self.v3 else "urn:xoev-de:fim:standard:xdatenfelder_2"
        items = [it for p in self.form["pages"] for it in p["items"]]
        self.assign(items)
        self.w(0, '<?xml version="1.0" encoding="UTF-8"?>')
        self.w(0, f"<!-- {self.form['title']['de']}: our own XDatenfelder {'3.0.0' if self.v3 else '2.0'} message for the "
                  f"showcase form data/forms/{self.form['id']}.json (written by crates/xdatenfelder/tools/showcase_to_xdf.py). -->")
        self.w(0, f'<xdf:xdatenfelder.stammdatenschema.0102 xmlns:xdf="{ns}">')
        self.w(1, "<xdf:header>")
        self.w(2, f"<xdf:nachrichtID>thueringen-app-{self.form['id']}</xdf:nachrichtID>")
        self.w(2, "<xdf:erstellungszeitpunkt>2026-12-05T12:00:00Z</xdf:erstellungszeitpunkt>")
        self.w(1, "</xdf:header>")
        self.w(1, "<xdf:stammdatenschema>")
        self.ident(2, (schema_id, self.form["version"]))
        self.w(2, f"<xdf:name>{escape(self.form['title']['de'])}</xdf:name>")
        tag = "bezeichnung" if self.v3 else "bezeichnungEingabe"
        self.w(2, f"<xdf:{tag}>{escape(self.form['title']['de'])}</xdf:{tag}>")
        self.w(2, "<xdf:fachlicherErsteller>ThüringenApp</xdf:fachlicherErsteller>")
        for it in items:
            self.struktur(2, it)
        self.w(1, "</xdf:stammdatenschema>")
        self.w(0, "</xdf:xdatenfelder.stammdatenschema.0102>")
        return "\n".join(self.out) + "\n"


def write_genericode(name, urn, values):
    rows = "\n".join(
        f'    <Row><Value ColumnRef="code"><SimpleValue>{escape(c["code"])}</SimpleValue></Value>'
        f'<Value ColumnRef="name"><SimpleValue>{escape(c["label"]["de"])}</SimpleValue></Value></Row>'
        for c in values)
    text = f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- Our own code list for the XDatenfelder 2.0 fixture (genericode 1.0). -->
<gc:CodeList xmlns:gc="http://docs.oasis-open.org/codelist/ns/genericode/1.0/">
  <Identification>
    <ShortName>{name}</ShortName>
    <Version>1</Version>
    <CanonicalUri>{urn}</CanonicalUri>
    <CanonicalVersionUri>{urn}_1</CanonicalVersionUri>
  </Identification>
  <ColumnSet>
    <Column Id="code" Use="required"><ShortName>Schluessel</ShortName><Data Type="string"/></Column>
    <Column Id="name" Use="required"><ShortName>Beschreibung</ShortName><Data Type="string"/></Column>
    <Key Id="codeKey"><ShortName>SchluesselKey</ShortName><ColumnRef Ref="code"/></Key>
  </ColumnSet>
  <SimpleCodeList>
{rows}
  </SimpleCodeList>
</gc:CodeList>
'''
    open(f"data/xdf/codelisten/{name}.gc.xml", "w").write(text)


for form_id, v3, prefix, schema_id, out in (
    ("hundesteuer", True, "99102", "S99102013", "hundesteuer.xdf3.xml"),
    ("bewohnerparkausweis", False, "99108", "S99108001", "bewohnerparkausweis.xdf2.xml"),
):
    form = json.load(open(f"data/forms/{form_id}.json"))
    open(f"data/xdf/{out}", "w").write(Writer(form, v3, prefix).message(schema_id))
