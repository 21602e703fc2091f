#!/usr/bin/env python3
"""Builds assets/ner/noun_classes.tsv: the WordNet classes of English nouns,
assets/ner/proper_classes.tsv: those of the proper names WordNet holds, and
assets/gazetteer/demonyms_wordnet.tsv: the adjectives of the countries,
states and continents of the gazetteer that `demonyms.tsv` does not list.

    apt-get download wordnet-base && dpkg-deb -x wordnet-base_*.deb wn
    python3 assets/build_noun_classes.py wn/usr/share/wordnet

For every one-word, lower-case common noun of WordNet 3.0 that is also in
the project's list of common English words (`gazetteer/common_words.txt`,
SCOWL: 21,000 of WordNet's 52,000; proper nouns, whose senses are all
instances, are left out), the lexicographer classes
("supersenses": person, group, location, artifact, object, act, ...) of its
first three senses, the most frequent first, without repeats. The mention
model reads them as features of a name's head word and of the nouns beside
it ("the Lincoln Reservoir": artifact; "the band Korn": group), so what it
learns of one head word carries to every noun of its class.

The demonyms are WordNet's adjectives whose pertainym ("of or relating to")
is a place the gazetteer (`gazetteer/places.tsv`) lists as a country, a
state or a continent: "Kuwaiti" (Kuwait), "Philippine" (the Philippines).
Like the hand-written ones, they are no mentions, but evidence.

The proper names (WordNet's instances: "Lincoln", a location and a
person; "Fatah", a group) with the classes of their senses are evidence the
mention model weighs, never a rule.

WordNet 3.0 Copyright 2006 by Princeton University (licence: see
assets/README.md). Deterministic: the same files give the same table.
"""
import os, re, sys

SENSES = 3


def main():
    wn = sys.argv[1]
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "gazetteer", "common_words.txt"), encoding="utf-8") as f:
        common = {w.strip() for w in f if not w.startswith("#")}
    lex, instance, words = {}, {}, {}
    proper = {}
    for line in open(os.path.join(wn, "data.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split()
        lex[p[0]] = int(p[1])
        words[p[0]] = [p[4 + 2 * k].replace("_", " ") for k in range(int(p[3], 16))]
        instance[p[0]] = " @i " in line
        if instance[p[0]]:
            # a proper name: the class of each of its senses, in file order
            c = LEXNAMES[lex[p[0]]].removeprefix("noun.")
            for k in range(int(p[3], 16)):
                w = re.sub(r"\(.*\)$", "", p[4 + 2 * k]).replace("_", " ")
                if w[:1].isupper() and c not in proper.setdefault(w, []):
                    proper[w].append(c)
    rows = []
    for line in open(os.path.join(wn, "index.noun"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split()
        lemma, count = p[0], int(p[2])
        if not re.fullmatch(r"[a-z][a-z'-]*[a-z]", lemma) or lemma not in common:
            continue
        senses = [o for o in p[-count:] if not instance[o]]
        if not senses:
            continue
        classes = []
        for o in senses[:SENSES]:
            c = LEXNAMES[lex[o]].removeprefix("noun.")
            if c not in classes:
                classes.append(c)
        rows.append(f"{lemma}\t{','.join(classes)}")
    write(here, "ner/noun_classes.tsv",
          "noun\tWordNet 3.0 classes of its first senses, most frequent first", sorted(rows))
    write(here, "ner/proper_classes.tsv",
          "proper name\tWordNet 3.0 classes of its senses (instances: a person, a location, a"
          " group...)", (f"{w}\t{','.join(c)}" for w, c in sorted(proper.items())))
    demonyms(wn, here, words)


def demonyms(wn, here, nouns):
    """The adjectives whose pertainym is a country, a state or a continent."""
    places = {}
    for line in open(os.path.join(here, "gazetteer", "places.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) >= 3 and f[1] in ("country", "state", "continent"):
            places[f[0]] = f[2]
    listed = set()
    for line in open(os.path.join(here, "gazetteer", "demonyms.tsv"), encoding="utf-8"):
        if not line.startswith("#") and line.strip():
            listed.add(line.split("\t")[0])
    found = {}
    for line in open(os.path.join(wn, "data.adj"), encoding="latin-1"):
        if line.startswith("  "):
            continue
        p = line.split(" | ")[0].split()
        n = int(p[3], 16)
        words = [re.sub(r"\(.*\)$", "", p[4 + 2 * k]).replace("_", " ") for k in range(n)]
        i = 4 + 2 * n
        for k in range(int(p[i])):
            sym, target, pos, st = p[i + 1 + 4 * k: i + 5 + 4 * k]
            if sym != "\\" or pos != "n" or target not in nouns:
                continue
            src, tgt = int(st[:2], 16), int(st[2:], 16)
            named = [nouns[target][tgt - 1]] if tgt else nouns[target]
            named = [x for x in named if x in places]
            for w in [words[src - 1]] if src else words:
                if named and w[:1].isupper() and " " not in w and w not in listed:
                    found.setdefault(w, places[named[0]])
    write(here, "gazetteer/demonyms_wordnet.tsv",
          "demonym\tplace: WordNet 3.0's adjectives of the gazetteer's countries, states and"
          " continents that demonyms.tsv does not list",
          (f"{w}\t{p}" for w, p in sorted(found.items())))


def write(here, path, head, rows):
    """A table under assets/: its head line, naming this script and the
    licence, then its rows."""
    with open(os.path.join(here, path), "w", encoding="utf-8") as f:
        f.write(f"# {head} (assets/build_noun_classes.py; WordNet licence, see"
                " assets/README.md)\n")
        f.write("\n".join(rows) + "\n")

# the noun lexicographer files of WordNet 3.0 (lexnames(5WN)), by number
LEXNAMES = {i + 3: "noun." + n for i, n in enumerate(
    "Tops act animal artifact attribute body cognition communication event feeling food group"
    " location motive object person phenomenon plant possession process quantity relation"
    " shape state substance time".split())}

if __name__ == "__main__":
    main()
