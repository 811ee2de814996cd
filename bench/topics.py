"""How fast mentions are matched against listening topics, for an installation of many brands.

Each brand (Belgian and Dutch banks and telecom operators first, then made-up names for the
other tenants) has a handful of topics of the kinds care teams write: the brand and its
accounts, the brand with its products, outages and blocked cards in English, Dutch and
French, with prefixes and phrases, job ads and contests excluded, some monitoring profiles
only. Mentions are tweet-like texts in the three languages about popular brands mostly,
with hashtags, @mentions and replies, and some chatter about nothing the brands follow.

`python -m bench.topics` prints the figures for 10, 1,000 and 10,000 topics.
"""

from __future__ import annotations

import random
import time

from care.query import Document, Query, TopicIndex, parse

REAL_BRANDS = ["hearth", "hearthbank", "hearth mobile", "emberbank", "ashfield", "cinder mobile", "flintel",
               "kindle pay", "hearthfibre", "glowpost", "oakbank", "ember save", "bright", "keystone", "coalbank",
               "spark mobile"]
SYLLABLES = ["bel", "fi", "us", "ar", "gen", "ta", "pro", "xi", "mus", "tel", "net", "ra", "bo", "vi", "do",
             "ka", "lo", "zen", "tri", "sa", "no", "va", "cor", "lu", "mi"]
PRODUCTS = ["bancontact", "payconiq", "itsme", "app", "mobile banking", "kaart", "carte", "card", "rekening",
            "compte", "account", "overschrijving", "virement", "transfer", "pincode", "lening", "prêt", "loan",
            "hypotheek", "internet", "wifi", "4g", "5g", "netwerk", "réseau", "factuur", "facture", "invoice",
            "abonnement", "modem", "décodeur"]
PROBLEMS = ["storing*", "panne", "outage", "down", "traag", "lent", "slow", "geblokkeerd", "bloquée", "blocked",
            "carte bloquée", "kaart geblokkeerd", "card blocked", "werkt niet", "ne fonctionne pas",
            "not working", "bloqu*", "factur*", "fraud*", "phish*", "hack*", "klacht", "plainte", "complaint"]
EXCLUDED = ["vacature", "job*", "emploi", "recrutement", "hiring", "wedstrijd", "concours", "giveaway",
            "voetbal", "sponsor*"]

TEXTS = [
    "@{handle} my {product} is {problem} again, third time this week. Anyone else? #fail",
    "Why is the {brand} {product} so slow today?? Can't pay anywhere",
    "Thanks {brand} for the quick help with my {product}! 👍",
    "{brand} is hiring: vacature customer care agent in Gent, apply now",
    "@{handle} mijn {product} werkt niet, al de hele ochtend storing bij {brand}",
    "Waarom is de {brand} app zo traag vandaag? Mijn kaart geblokkeerd en niemand neemt op",
    "Overschrijving naar mijn spaarrekening staat nog altijd niet op mijn rekening @{handle}",
    "@{handle} ma carte est bloquée depuis hier, aucune réponse au téléphone",
    "Panne {brand} ? Impossible de payer avec {product} ce matin #panne",
    "Merci {brand} pour la réponse rapide, tout fonctionne à nouveau",
    "Concours {brand} : gagnez un an d'{product} gratuit ! #giveaway",
    "Lovely weather in Gent today, off to the beach ☀️",
    "Wat een match gisteren, de Rode Duivels waren top",
    "Quelqu'un a une bonne recette de gaufres ? #bruxelles",
    "RT @{handle}: Onderhoud van {product} vannacht tussen 1u en 5u",
]
WORDS = ["problem", "help", "again", "today", "waarom", "vandaag", "bedankt", "pourquoi", "encore", "merci"]


def brands(count: int, rng: random.Random) -> list[str]:
    names = list(REAL_BRANDS[:count])
    while len(names) < count:
        name = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
        if name not in names:
            names.append(name)
    return names


def handle_of(brand: str) -> str:
    return brand.replace(" ", "").replace(".", "")


def term(words: str) -> str:
    """Several words are a phrase in a query."""
    return f'"{words}"' if " " in words else words


def any_of(words: list[str], count: int, rng: random.Random) -> str:
    return " OR ".join(term(w) for w in rng.sample(words, count))


KINDS = 6  # the topics `topic` makes for one brand


def topic(brand: str, kind: int, rng: random.Random) -> tuple[str | None, frozenset[str]]:
    """One topic of the `kind`-th sort a brand sets up: its query text and monitored profiles."""
    b, handle = term(brand), handle_of(brand)
    queries = [
        f"{b} OR #{handle} OR @{handle}",
        f"({b} OR #{handle}) AND ({any_of(PRODUCTS, 3, rng)})",
        f"{b} ({any_of(PROBLEMS, 4, rng)}) NOT ({any_of(EXCLUDED, 2, rng)})",
        f'"{brand} app" OR "{brand} {rng.choice(PRODUCTS)}" -{rng.choice(EXCLUDED)}',
        f"({b} OR @{handle}) {term(rng.choice(PRODUCTS))} -{rng.choice(EXCLUDED)} -{rng.choice(EXCLUDED)}",
        None,
    ]
    query = queries[kind]
    monitors = query is None or rng.random() < 0.2
    return query, frozenset({handle, f"{handle}_care"}) if monitors else frozenset()


def topics_for(count: int, rng: random.Random) -> tuple[list[str], list[tuple[int, Query | None, frozenset[str]]]]:
    names = brands(max(2, -(-count // KINDS)), rng)
    topics = []
    for topic_id in range(count):
        text, profiles = topic(names[topic_id // KINDS], topic_id % KINDS, rng)
        topics.append((topic_id, parse(text) if text else None, profiles))
    return names, topics


def mentions(names: list[str], count: int, rng: random.Random) -> list[dict]:
    """Tweet-like mentions; a few brands get most of the buzz (weights 1/rank)."""
    weights = [1 / rank for rank in range(1, len(names) + 1)]
    out = []
    for _ in range(count):
        brand = rng.choices(names, weights)[0]
        text = rng.choice(TEXTS).format(brand=brand.title(), handle=handle_of(brand),
                                        product=rng.choice(PRODUCTS), problem=rng.choice(PROBLEMS).rstrip("*"))
        text += " " + " ".join(rng.sample(WORDS, rng.randint(0, 3)))
        reply_to = handle_of(brand) if rng.random() < 0.1 else None
        out.append({"text": text, "author": f"user{rng.randrange(100_000)}", "reply_to": reply_to})
    return out


def matching_speed(topics: int, documents: int = 5_000, seed: int = 1) -> dict:
    """Index build time, and the time a mention costs at ingestion: tokenising it plus matching it."""
    rng = random.Random(seed)
    names, parsed = topics_for(topics, rng)
    texts = mentions(names, documents, rng)
    started = time.perf_counter()
    index = TopicIndex(parsed)
    built = time.perf_counter()
    matched = 0
    for mention in texts:
        matched += len(index.match(Document.of(mention["text"], author=mention["author"],
                                               reply_to=mention["reply_to"])))
    done = time.perf_counter()
    return {"topics": topics, "index_build_ms": (built - started) * 1000,
            "per_document_us": (done - built) / documents * 1_000_000, "matches_per_document": matched / documents}


if __name__ == "__main__":
    for size in (10, 1_000, 10_000):
        print(matching_speed(size))
