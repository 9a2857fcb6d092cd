#!/usr/bin/env python3
"""Validate Kapok's demo data under data/ (standard library only).

Usage: python3 data/build/check_demo_data.py

Checks that every city reference resolves (gazetteer or regions.tsv), every theme is a theme of its
edition, every status / honour / level / milestone / criterion stage is from the allowed lists, SDGs
are 1..17, refs are unique, dates are well-formed, TSV rows have the right number of fields, and the
status ladder of each edition is consistent. Prints counts per edition and status. Exit code 1 on any
error.
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1]
STATUSES = ("submitted", "valid", "deserving", "shortlisted", "winner", "medal_of_honour")
HONOUR_KINDS = ("public_vote", "special_mention", "media_attention", "public_recommendation")
LEVELS = ("municipal", "district", "metropolitan", "regional", "association")
MILESTONES = ("launch", "registration_deadline", "early_bird_deadline", "final_deadline", "committee_meeting",
              "shortlist_release", "public_vote", "presentations", "jury_meeting", "ceremony")
STAGES = ("technical_committee", "jury")
SECTIONS = ("title", "summary", "situation_before", "objectives", "process", "results", "sustainability", "lessons",
            "transferability")
KEYS = ["ref", "award", "edition", "status", "honours", "public_votes", "cities", "level", "original_language",
        "texts", "themes", "sdgs", "partners", "key_dates", "started", "ended", "contact", "source"]
CONTINENTS = ("AF", "AS", "EU", "NA", "OC", "SA", "AN")
DT_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$")

errors: list[str] = []


def err(msg: str) -> None:
    if len(errors) < 200:
        errors.append(msg)


def read_tsv(text: str, header: list[str], name: str) -> list[dict]:
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    if lines[0].split("\t") != header:
        err(f"{name}: header {lines[0]!r}")
    rows = []
    for i, ln in enumerate(lines[1:], 2):
        f = ln.split("\t")
        if len(f) != len(header):
            err(f"{name}:{i}: {len(f)} fields")
            continue
        rows.append(dict(zip(header, f)))
    return rows


def words(s: str | None) -> int:
    return len((s or "").split())


def main() -> int:
    countries = read_tsv((DATA / "gazetteer/countries.tsv").read_text(encoding="utf-8"),
                         ["iso2", "iso3", "continent", "population", "name_en", "name_zh", "name_fr", "name_es"],
                         "countries.tsv")
    iso2s = set()
    for r in countries:
        if not re.fullmatch(r"[A-Z]{2}", r["iso2"]) or not re.fullmatch(r"[A-Z]{3}", r["iso3"]):
            err(f"countries.tsv: bad codes {r['iso2']} {r['iso3']}")
        if r["continent"] not in CONTINENTS:
            err(f"countries.tsv: {r['iso2']} continent {r['continent']}")
        if not r["population"].isdigit():
            err(f"countries.tsv: {r['iso2']} population {r['population']!r}")
        for k in ("name_en", "name_zh", "name_fr", "name_es"):
            if not r[k]:
                err(f"countries.tsv: {r['iso2']} empty {k}")
        if r["iso2"] in iso2s:
            err(f"countries.tsv: duplicate {r['iso2']}")
        iso2s.add(r["iso2"])

    with gzip.open(DATA / "gazetteer/cities.tsv.gz", "rt", encoding="utf-8", newline="") as f:
        cities_rows = read_tsv(f.read(), ["geonames_id", "name", "ascii_name", "name_zh", "country", "admin1",
                                          "population", "lat", "lng", "timezone"], "cities.tsv")
    cities: dict[int, dict] = {}
    prev = -1
    for r in cities_rows:
        gid = int(r["geonames_id"])
        if gid <= prev:
            err(f"cities.tsv: not sorted at {gid}")
        prev = gid
        if r["country"] not in iso2s:
            err(f"cities.tsv: {gid} unknown country {r['country']}")
        if not r["population"].isdigit():  # cities15000 also holds capitals/seats below 15,000
            err(f"cities.tsv: {gid} population {r['population']!r}")
        for k in ("lat", "lng"):
            if not re.fullmatch(r"-?\d+(\.\d{1,5})?", r[k]):
                err(f"cities.tsv: {gid} {k}={r[k]!r}")
        if not (-90 <= float(r["lat"]) <= 90 and -180 <= float(r["lng"]) <= 180):
            err(f"cities.tsv: {gid} coordinates out of range")
        if r["name_zh"] and not re.fullmatch(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0002fa1f]{2,}", r["name_zh"]):
            err(f"cities.tsv: {gid} name_zh {r['name_zh']!r}")
        if not r["ascii_name"].isascii():
            err(f"cities.tsv: {gid} ascii_name not ASCII")
        cities[gid] = r

    regions_rows = read_tsv((DATA / "gazetteer/regions.tsv").read_text(encoding="utf-8"),
                            ["key", "name", "name_zh", "country", "level", "lat", "lng", "population", "geonames_id"],
                            "regions.tsv")
    regions = {}
    for r in regions_rows:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r["key"]):
            err(f"regions.tsv: key {r['key']!r}")
        if r["level"] not in LEVELS:
            err(f"regions.tsv: {r['key']} level {r['level']}")
        if r["country"] not in iso2s:
            err(f"regions.tsv: {r['key']} country {r['country']}")
        if r["population"] and not r["population"].isdigit():
            err(f"regions.tsv: {r['key']} population")
        regions[r["key"]] = r

    awards = json.loads((DATA / "demo/awards.json").read_text(encoding="utf-8"))
    edition_themes: dict[tuple[str, int], set[str]] = {}
    for a in awards:
        for k in ("slug", "name", "short_name", "organisers", "url", "description", "editions"):
            if k not in a:
                err(f"award {a.get('slug')}: missing {k}")
        for k in ("name", "short_name", "description"):
            for lang in ("en", "zh", "fr", "es"):
                if not a[k].get(lang):
                    err(f"award {a['slug']}: {k}.{lang} empty")
        ords = set()
        for e in a["editions"]:
            o = e["ordinal"]
            if o in ords:
                err(f"{a['slug']}: duplicate edition {o}")
            ords.add(o)
            for d in e["dates"]:
                if d["milestone"] not in MILESTONES:
                    err(f"{a['slug']}/{o}: milestone {d['milestone']}")
                for k in ("starts", "ends"):
                    if d[k] is not None and not DT_RE.match(d[k]):
                        err(f"{a['slug']}/{o}: {d['milestone']}.{k}={d[k]!r}")
                if d["ends"] is not None and d["ends"] < d["starts"]:
                    err(f"{a['slug']}/{o}: {d['milestone']} ends before it starts")
            starts = [d["starts"] for d in e["dates"]]
            if starts != sorted(starts):
                err(f"{a['slug']}/{o}: milestones not in chronological order")
            for t in e["themes"]:
                if set(t) != {"en", "zh", "fr", "es"} or not all(t.values()):
                    err(f"{a['slug']}/{o}: theme {t}")
            for c in e["criteria"]:
                if c["stage"] not in STAGES:
                    err(f"{a['slug']}/{o}: criterion stage {c['stage']}")
                if not (c["scale_min"] < c["scale_max"]) or c["weight"] <= 0:
                    err(f"{a['slug']}/{o}: criterion scale/weight")
                if set(c["name"]) != {"en", "zh", "fr", "es"}:
                    err(f"{a['slug']}/{o}: criterion name langs")
            for st in ("technical_committee", "jury"):
                ws = [c["weight"] for c in e["criteria"] if c["stage"] == st]
                if a["slug"] == "local-innovation-commons" and st == "technical_committee" and abs(sum(ws) - 1) > 1e-9:
                    err(f"{a['slug']}/{o}: weights sum {sum(ws)}")
            edition_themes[(a["slug"], o)] = {t["en"] for t in e["themes"]}

    refs = collections.Counter()
    counts: dict[tuple[str, int], collections.Counter] = collections.defaultdict(collections.Counter)
    honours_count = collections.Counter()
    langs = collections.Counter()
    n = 0
    with gzip.open(DATA / "demo/initiatives.jsonl.gz", "rt", encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try:
                it = json.loads(line)
            except json.JSONDecodeError as ex:
                err(f"initiatives:{i}: invalid JSON ({ex})")
                continue
            n += 1
            ref = it.get("ref")
            if list(it) != KEYS:
                err(f"{ref}: keys {list(it)}")
                continue
            refs[ref] += 1
            key = (it["award"], it["edition"])
            if key not in edition_themes:
                err(f"{ref}: unknown award/edition {key}")
                continue
            counts[key][it["status"]] += 1
            if it["status"] not in STATUSES:
                err(f"{ref}: status {it['status']}")
            if it["level"] not in LEVELS:
                err(f"{ref}: level {it['level']}")
            for h in it["honours"]:
                if h["kind"] not in HONOUR_KINDS or not h["name"]:
                    err(f"{ref}: honour {h}")
                if h["votes"] is not None and not isinstance(h["votes"], int):
                    err(f"{ref}: honour votes {h['votes']!r}")
                honours_count[(it["award"], h["kind"])] += 1
            if it["public_votes"] is not None and not isinstance(it["public_votes"], int):
                err(f"{ref}: public_votes")
            if not it["cities"]:
                err(f"{ref}: no cities")
            for c in it["cities"]:
                if "geonames_id" in c:
                    if c["geonames_id"] not in cities:
                        err(f"{ref}: geonames_id {c['geonames_id']} not in cities.tsv")
                elif "region" in c:
                    if c["region"] not in regions:
                        err(f"{ref}: region {c['region']} not in regions.tsv")
                else:
                    err(f"{ref}: bad city reference {c}")
            lang = it["original_language"]
            langs[(it["award"], lang)] += 1
            if lang not in it["texts"]:
                err(f"{ref}: no text in original language {lang}")
            for tl, t in it["texts"].items():
                if list(t) != list(SECTIONS):
                    err(f"{ref}: text keys {list(t)}")
                for k, v in t.items():
                    if v is not None and (not isinstance(v, str) or not v.strip()):
                        err(f"{ref}: texts.{tl}.{k} empty string")
                if words(t["summary"]) > 250:
                    err(f"{ref}: summary has {words(t['summary'])} words")
                if it["award"] == "local-innovation-commons":
                    if not t["title"] or not t["summary"]:
                        err(f"{ref}: missing title/summary")
                    body = " ".join(t[k] or "" for k in SECTIONS[1:])
                    if re.search(r"(^|\n)\s*>|<div|\*\*|\]\(http", body):
                        err(f"{ref}: markdown/HTML noise left in text")
            for th in it["themes"]:
                if th not in edition_themes[key]:
                    err(f"{ref}: theme {th!r} not in edition {key}")
            if it["award"] == "local-innovation-commons" and not it["themes"]:
                err(f"{ref}: no theme")
            for s in it["sdgs"]:
                if not isinstance(s, int) or not 1 <= s <= 17:
                    err(f"{ref}: sdg {s!r}")
            if it["source"].get("dataset") not in ("guangzhou-award-editions", "sdg-commons") or not it["source"].get("id"):
                err(f"{ref}: source {it['source']}")
    for ref, k in refs.items():
        if k > 1:
            err(f"ref {ref} appears {k} times")
    for (aw, o), c in counts.items():
        if aw == "local-innovation-commons":
            if c["winner"] != 5 or c["medal_of_honour"] != 10 or c["deserving"] != 30 or c["shortlisted"] != 0:
                err(f"{aw}/{o}: status ladder {dict(c)}")
        else:
            if c["winner"] > 5 or sum(c.values()) > 15:
                err(f"{aw}/{o}: {dict(c)}")

    print(f"countries.tsv: {len(countries)} rows; cities.tsv.gz: {len(cities)} rows "
          f"({sum(1 for r in cities.values() if r['name_zh'])} with name_zh); regions.tsv: {len(regions)} rows")
    print(f"awards.json: {len(awards)} awards, {sum(len(a['editions']) for a in awards)} editions")
    print(f"initiatives.jsonl.gz: {n} lines")
    print(f"{'award':26} {'ed':>2} " + " ".join(f"{s:>15}" for s in STATUSES) + f" {'total':>6}")
    for (aw, o) in sorted(counts):
        c = counts[(aw, o)]
        print(f"{aw:26} {o:>2} " + " ".join(f"{c[s]:>15}" for s in STATUSES) + f" {sum(c.values()):>6}")
    print("honours:", dict(sorted(honours_count.items())))
    print("original languages:", dict(sorted(langs.items())))
    if errors:
        print(f"\n{len(errors)} ERROR(S):", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
