"""Demo reviews: Hearth Bank's and Hearth Mobile's products, about 300 reviews by the demo members
over the last year, with verified customers, helpful votes, the care team's answers, review
campaigns (some with a reward, so their reviews say they were incentivized) and a few members who
later replaced their review once their problem was solved.

Everything is written through reviews.service, so screening, history, stats and outbox events
are exactly what real use would have produced. The clock is frozen and moved forward to each
write, and every member's reviews lie hours apart, as a person writes them. All choices come
from one seeded random generator: every run builds the same reviews. Idempotent: when the first
product exists, the seeder does nothing.

The words are in reviews/seed/*.toml: common.toml has the catalogue and the campaigns, nl.toml,
fr.toml and en.toml what customers write and how the care team answers (their header says how).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from types import SimpleNamespace
from typing import Any

from rich.progress import Progress
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hearth import clock
from hearth.accounts import service as accounts
from hearth.accounts.models import Account
from hearth.seed import MEMBERS, TEAM, _email, filled, load_content
from reviews import service
from reviews.models import Product
from reviews.schemas import CategoryIn, DimensionIn, ProductIn, ReviewIn

RANDOM_SEED = 2026
SPAN_DAYS = 360                  # reviews spread over the last year
MIN_GAP = timedelta(hours=4)     # between two reviews by one member
LANGUAGES = {"nl": 0.45, "fr": 0.35, "en": 0.20}
OWN_ENGLISH = 0.72               # English reviews by English speakers; the rest by bilingual Belgians
VERIFIED_SHARE = 0.6
RATED_DIMENSIONS = 0.8           # reviews that also rate the secondary dimensions
RESPONSE_CHANCE = {1: 0.88, 2: 0.8, 3: 0.35, 4: 0.12, 5: 0.07}
VOTES = [0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7]
HOURS = [7, 8, 9, 10, 11, 12, 12, 13, 14, 16, 17, 18, 19, 20, 20, 21, 21, 22, 22, 23]
CARE_EMAIL = "care@demo.hearth.test"


def read_content() -> SimpleNamespace:
    """The demo's words, by language where they are written in one: (title, body) pairs, stars
    as numbers, and the stories in the order they began."""
    files = load_content("reviews")
    common = files.pop("common")
    brands = list(common["brands"])

    def pairs(items: list[dict[str, str]]) -> list[tuple[str, str]]:
        return [(item["title"], item["body"]) for item in items]

    def by_stars(table: dict[str, list[str]]) -> dict[int, list[str]]:
        return {int(stars): texts for stars, texts in table.items()}

    def each(read: Any) -> dict[str, Any]:
        return {language: read(data) for language, data in files.items()}

    reviews: dict[str, dict[str, dict[str, list[Any]]]] = {}
    for language, data in files.items():
        for slug, texts in data.get("reviews", {}).items():
            reviews.setdefault(slug, {})[language] = {kind: items if kind == "minor" else pairs(items)
                                                      for kind, items in texts.items()}
    stories = [{**story, "language": language, "first": {"recommend": None, **story["first"]},
                "second": {"recommend": None, **story["second"]}}
               for language, data in files.items() for story in data.get("stories", [])]
    return SimpleNamespace(
        CATEGORIES=common["categories"], PRODUCTS=common["products"], BRANDS=common["brands"],
        INVITATIONS=[{"reward": None, **campaign} for campaign in common["invitations"]],
        REVIEWS=reviews,
        BRAND={brand: each(lambda d, b=brand: d["brand"][b]) for brand in brands},
        SHORT=each(lambda d: by_stars(d["short"])), MIXED=each(lambda d: pairs(d["mixed"])),
        TITLES=each(lambda d: by_stars(d["titles"])), CLOSERS=each(lambda d: by_stars(d["closers"])),
        FILLS={**each(lambda d: d["fills"]), "*": common["fills"]},
        RESPONSES=each(lambda d: d["responses"]),
        SIGNATURES={brand: each(lambda d, b=brand: d["signatures"][b]) for brand in brands},
        STORIES=sorted(stories, key=lambda story: -story["days_ago"]))


content = read_content()


@dataclass
class PlannedReview:
    product: str
    language: str
    rating: int
    author: Account | None = None
    at: datetime | None = None
    title: str = ""
    body: str = ""
    ratings: dict[str, int] = field(default_factory=dict)
    recommend: bool | None = None
    verified: bool = False
    invited: bool = False
    review_id: int | None = None


@dataclass(order=True)
class Step:
    at: datetime
    seq: int
    action: str = field(compare=False)
    review: PlannedReview | None = field(default=None, compare=False)
    data: dict[str, Any] = field(default_factory=dict, compare=False)


def _quota(total: int, weights: list[float]) -> list[int]:
    """`total` split by `weights`, by largest remainder: the counts always add up."""
    scale = sum(weights)
    exact = [total * w / scale for w in weights]
    counts = [int(x) for x in exact]
    for i in sorted(range(len(weights)), key=lambda i: exact[i] - counts[i], reverse=True)[:total - sum(counts)]:
        counts[i] += 1
    return counts


def _fill(text: str, values: dict[str, str]) -> str:
    return text.format(**values) if "{" in text else text


class Decks:
    """Each list dealt like a shuffled deck: nothing comes back before the rest was used."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[str, list[Any]] = {}

    def draw(self, key: str, items: list[Any]) -> Any:
        deck = self.decks.get(key)
        if not deck:
            deck = self.decks[key] = self.rng.sample(items, len(items))
        return deck.pop()

    def used_up(self, key: str) -> bool:
        return key in self.decks and not self.decks[key]


def _placeholders(text: str) -> set[str]:
    return set(re.findall(r"{(\w+)}", text))


def _aside(rng: random.Random, lead: str, lines: list[str]) -> str | None:
    """A sentence on the brand's service that does not repeat what the lead fills in (its wait, its city)."""
    fitting = [line for line in lines if not _placeholders(line) & _placeholders(lead)]
    return rng.choice(fitting) if fitting else None


def _fills(rng: random.Random, language: str) -> dict[str, str]:
    values = {key: rng.choice(options) for key, options in content.FILLS["*"].items()}
    values.update({key: rng.choice(options) for key, options in content.FILLS[language].items()})
    return values


def compose(rng: random.Random, decks: Decks, slug: str, brand: str, language: str,
            rating: int) -> tuple[str, str]:
    """A review's title and body, from the product's pieces in its language."""
    texts = content.REVIEWS[slug][language]
    service_lines = content.BRAND[brand][language]
    closers, titles = content.CLOSERS[language][rating], content.TITLES[language][rating]
    values = _fills(rng, language)
    # Some short praise; mostly that, too, rather than a product's lead twice on its page.
    if rating >= 4 and (rng.random() < 0.14 or (decks.used_up(f"{slug}/{language}/good") and rng.random() < 0.7)):
        parts = [decks.draw(f"short/{language}/{rating}", content.SHORT[language][rating])]
        if rng.random() < 0.5:
            parts.append(rng.choice(closers))
        return rng.choice(titles), " ".join(parts)
    if rating >= 4:
        title, lead = decks.draw(f"{slug}/{language}/good", texts["good"])
        parts = [lead]
        if rating == 5 and rng.random() < 0.35:
            parts.append(_aside(rng, lead, service_lines["good"]))
        if rating == 4:
            parts.append(decks.draw(f"{slug}/{language}/minor", texts["minor"]))
        chance = 0.65
    elif rating == 3:
        mixed = texts.get("mixed") or content.MIXED[language]
        title, lead = decks.draw(f"{slug}/{language}/mixed" if texts.get("mixed") else f"mixed/{language}", mixed)
        parts = [lead]
        if rng.random() < 0.3:
            parts.append(_aside(rng, lead, service_lines["bad"]))
        chance = 0.8
    else:
        title, lead = decks.draw(f"{slug}/{language}/bad", texts["bad"])
        parts = [lead]
        if rng.random() < 0.5:
            parts.append(_aside(rng, lead, service_lines["bad"]))
        chance = 0.8
    if rng.random() < chance:
        parts.append(rng.choice(closers))
    parts = [p for p in parts if p]
    if rng.random() < 0.33:
        title = rng.choice(titles)
    if len(parts) >= 3 and rng.random() < 0.35:
        body = f"{parts[0]}\n\n{' '.join(parts[1:])}"
    else:
        body = " ".join(parts)
    return _fill(title, values), _fill(body, values)


def _dimension_ratings(rng: random.Random, rating: int, keys: list[str], bias: dict[str, float]) -> dict[str, int]:
    if rng.random() >= RATED_DIMENSIONS:
        return {}
    chosen = [k for k in keys if rng.random() < 0.9] or keys[:1]
    return {k: max(1, min(5, round(rating + bias.get(k, 0.0) + rng.gauss(0, 0.7)))) for k in chosen}


def _recommend(rng: random.Random, rating: int) -> bool | None:
    roll = rng.random()
    if rating == 5:
        return True if roll < 0.9 else None
    if rating == 4:
        return True if roll < 0.8 else None
    if rating == 3:
        return True if roll < 0.3 else False if roll < 0.6 else None
    return False if roll < 0.85 else None


def response_text(rng: random.Random, brand: str, language: str, rating: int, first_name: str) -> str:
    parts = content.RESPONSES[language]
    greeting = rng.choice(parts["greet"]).format(first=first_name)
    if rating <= 2:
        body = rng.choice(parts["bad"])
        if rng.random() < 0.7:
            body += " " + rng.choice(parts["private"])
    elif rating == 3:
        body = rng.choice(parts["mixed"])
    else:
        body = rng.choice(parts["good"])
        if rating == 4 and rng.random() < 0.5:
            body += " " + rng.choice(parts["noted"])
    return f"{greeting}\n\n{body}\n\n{rng.choice(content.SIGNATURES[brand][language])}"


def _first_name(account: Account) -> str:
    return account.display_name.split()[0]


async def _people(session: AsyncSession) -> tuple[Account, Account, dict[str, list[Account]]]:
    """The admin who sends invitations, the care agent who answers, and the members by language."""
    admin = await accounts.get_by_email(session, TEAM[0][0])
    care = await accounts.get_by_email(session, CARE_EMAIL)
    by_language: dict[str, list[Account]] = {"nl": [], "fr": [], "en": []}
    for name, language in MEMBERS:
        account = await accounts.get_by_email(session, _email(name))
        if account is not None and account.is_active:
            by_language.setdefault(language, []).append(account)
    if admin is None or care is None or min(len(v) for v in by_language.values()) < 3:
        raise RuntimeError("The review demo needs the demo members: run the accounts seeder first")
    return admin, care, by_language


class Calendar:
    """When each member writes: after they joined, within the last year, hours apart."""

    def __init__(self, rng: random.Random, now: datetime) -> None:
        self.rng, self.now = rng, now
        self.busy: dict[int, list[datetime]] = {}

    def free(self, account: Account, at: datetime) -> bool:
        return all(abs(at - other) >= MIN_GAP for other in self.busy.get(account.id, []))

    def book(self, account: Account, at: datetime) -> datetime:
        self.busy.setdefault(account.id, []).append(at)
        return at

    def release(self, account: Account, at: datetime) -> None:
        self.busy[account.id].remove(at)

    def _at_hour(self, day: datetime, earliest: datetime, latest: datetime) -> datetime:
        at = day.replace(hour=self.rng.choice(HOURS), minute=self.rng.randint(0, 59), second=self.rng.randint(0, 59),
                         microsecond=0)
        if at < earliest:
            at = earliest + timedelta(minutes=self.rng.randint(20, 300))
        if at > latest:
            at = latest - timedelta(minutes=self.rng.randint(0, 240))
        return at

    def pick(self, account: Account, earliest: datetime | None = None, latest: datetime | None = None) -> datetime:
        """A time for one of the member's reviews; the last year, lately more often."""
        spread = earliest is None and latest is None
        floor = max(self.now - timedelta(days=SPAN_DAYS), account.created_at + timedelta(days=1))
        earliest = max(floor, earliest) if earliest else floor
        latest = min(latest or self.now, self.now) - timedelta(hours=1)
        for _ in range(200):
            day = earliest + (latest - earliest) * self.rng.random()
            if spread:
                recent = self.now - timedelta(days=SPAN_DAYS * self.rng.random() ** 1.3 + 0.1)
                day = recent if recent >= earliest else day
            at = self._at_hour(day, earliest, latest)
            if earliest <= at <= latest and self.free(account, at):
                return self.book(account, at)
        raise RuntimeError(f"No free time left for {account.display_name}'s review")


def plan_reviews(rng: random.Random, now: datetime, by_language: dict[str, list[Account]],
                 calendar: Calendar, taken: set[tuple[int, str]]) -> list[PlannedReview]:
    """Stars and language from each product's quotas, an author who speaks it, and a time."""
    planned: list[PlannedReview] = []
    for spec in content.PRODUCTS:
        stars = [s for s, n in zip(range(1, 6), _quota(spec["reviews"], spec["stars"]), strict=True)
                 for _ in range(n)]
        languages = [lang for lang, n in zip(LANGUAGES, _quota(spec["reviews"], list(LANGUAGES.values())),
                                             strict=True) for _ in range(n)]
        rng.shuffle(stars)
        planned += [PlannedReview(spec["slug"], lang, rating) for lang, rating in zip(languages, stars, strict=True)]

    everyone = [a for pool in by_language.values() for a in pool]
    activity = {a.id: rng.lognormvariate(0, 0.55) for a in everyone}

    def weight(account: Account) -> float:
        tenure = (now - account.created_at).days / 330
        return max(0.04, min(1.0, tenure)) ** 0.9 * activity[account.id]

    order = {"en": 0, "fr": 1, "nl": 2}  # the smallest pools choose first
    for review in sorted(rng.sample(planned, len(planned)), key=lambda r: order[r.language]):
        if review.language != "en" or rng.random() < OWN_ENGLISH:
            pool = by_language[review.language]
        else:
            pool = by_language["nl"] + by_language["fr"]
        candidates = [a for a in pool if (a.id, review.product) not in taken]
        review.author = rng.choices(candidates, weights=[weight(a) for a in candidates])[0]
        taken.add((review.author.id, review.product))
        review.at = calendar.pick(review.author)
    return planned


def _plan_invitations(rng: random.Random, now: datetime, planned: list[PlannedReview], calendar: Calendar,
                      taken: set[tuple[int, str]], everyone: list[Account]) -> list[Step]:
    """The campaigns: a few planned reviewers get an invitation first and write in the days after."""
    steps = []
    for campaign in content.INVITATIONS:
        sent = (now - timedelta(days=campaign["days_ago"])).replace(hour=10, minute=0, second=0, microsecond=0)
        candidates = [r for r in planned if r.product == campaign["product"] and not r.invited
                      and filled(r.author).created_at < sent - timedelta(days=2)]
        writers = rng.sample(candidates, campaign["writers"])
        for review in writers:
            calendar.release(filled(review.author), filled(review.at))
            review.invited = True
            review.at = calendar.pick(filled(review.author), earliest=sent + timedelta(hours=20),
                                      latest=sent + timedelta(days=12))
        others = [a for a in everyone if (a.id, campaign["product"]) not in taken and a.created_at < sent]
        invited = [filled(r.author) for r in writers] + rng.sample(others, campaign["invited"] - campaign["writers"])
        steps.append(Step(sent, 0, "invite", data={"product": campaign["product"], "reward": campaign["reward"],
                                                   "emails": [a.email for a in invited]}))
    return steps


def _plan_stories(now: datetime, members: dict[str, Account], calendar: Calendar,
                  taken: set[tuple[int, str]]) -> list[tuple[dict[str, Any], Account, datetime, datetime]]:
    stories = []
    for story in content.STORIES:
        author = members[story["author"]]
        first = (now - timedelta(days=story["days_ago"])).replace(hour=20, minute=14, second=0, microsecond=0)
        first = max(first, author.created_at + timedelta(days=2))
        second = first + timedelta(days=story["after_days"], hours=-7, minutes=31)
        if second > now - timedelta(hours=2):
            raise RuntimeError(f"{story['author']}'s story does not fit in the time since they joined")
        calendar.book(author, first)
        calendar.book(author, second)
        taken.add((author.id, story["product"]))
        stories.append((story, author, first, second))
    return stories


def _later(rng: random.Random, at: datetime, low_minutes: int, high_minutes: int) -> datetime:
    return at + timedelta(minutes=rng.randint(low_minutes, high_minutes))


def plan(rng: random.Random, now: datetime, by_language: dict[str, list[Account]]) -> list[Step]:
    """Every write of the demo, in time order."""
    everyone = [a for pool in by_language.values() for a in pool]
    members = {a.display_name: a for a in everyone}
    products = {spec["slug"]: spec for spec in content.PRODUCTS}
    dimensions = {c["slug"]: [d["key"] for d in c["dimensions"]] for c in content.CATEGORIES}
    calendar, taken = Calendar(rng, now), set[tuple[int, str]]()
    stories = _plan_stories(now, members, calendar, taken)
    planned = plan_reviews(rng, now, by_language, calendar, taken)
    steps = _plan_invitations(rng, now, planned, calendar, taken, everyone)

    decks, bodies = Decks(rng), {s[key]["body"] for s, *_ in stories for key in ("first", "second")}
    for review in sorted(planned, key=lambda r: filled(r.at)):
        spec = products[review.product]
        for _ in range(60):
            title, body = compose(rng, decks, review.product, spec["brand"], review.language, review.rating)
            if body not in bodies:
                break
        else:
            raise RuntimeError(f"Not enough distinct review texts for {review.product} in {review.language}")
        bodies.add(body)
        review.title, review.body = title, body
        review.ratings = _dimension_ratings(rng, review.rating, dimensions[spec["category"]], spec["bias"])
        review.recommend = _recommend(rng, review.rating)
        review.verified = rng.random() < VERIFIED_SHARE
        steps.append(Step(filled(review.at), 0, "review", review))

    for story, author, first, second in stories:
        review = PlannedReview(story["product"], story["language"], story["first"]["rating"], author, first,
                               story["first"]["title"], story["first"]["body"], story["first"]["ratings"],
                               story["first"]["recommend"], verified=True)
        planned.append(review)
        steps.append(Step(first, 0, "review", review))
        steps.append(Step(_later(rng, first, 90, 6 * 60), 0, "respond", review,
                          {"body": story["response"].format(first=_first_name(author))}))
        steps.append(Step(second, 0, "update", review, dict(story["second"])))
        steps.append(Step(_later(rng, second, 40, 5 * 60), 0, "respond", review,
                          {"body": story["response_update"].format(first=_first_name(author))}))

    latest = now - timedelta(minutes=5)
    for review in planned:
        brand = products[review.product]["brand"]
        told = any(review.author is a and review.product == s["product"] for s, a, *_ in stories)
        if not told and rng.random() < RESPONSE_CHANCE[review.rating]:
            at = (_later(rng, filled(review.at), 25, 20 * 60) if review.rating <= 2
                  else _later(rng, filled(review.at), 120, 3 * 24 * 60))
            if at < latest:
                steps.append(Step(at, 0, "respond", review, {"body": response_text(
                    rng, brand, review.language, review.rating, _first_name(filled(review.author)))}))
        # Helpful votes: detailed complaints and praise collect the most; a few find a review unhelpful.
        count = rng.choice(VOTES) + (1 if review.rating <= 2 and rng.random() < 0.5 else 0)
        voters = [a for a in everyone if a is not review.author]
        for voter in rng.sample(voters, min(count, len(voters))):
            at = _later(rng, filled(review.at), 10, rng.choice([6 * 60, 3 * 24 * 60, 40 * 24 * 60]))
            if voter.created_at < at < latest:
                steps.append(Step(at, 0, "vote", review, {"voter": voter, "helpful": rng.random() < 0.86}))

    for seq, step in enumerate(steps):
        step.seq = seq
    steps.sort()
    return steps


async def seed_reviews(session: AsyncSession, progress: Progress) -> int:
    first_slug = content.PRODUCTS[0]["slug"]
    if await session.scalar(select(Product.id).where(Product.slug == first_slug)) is not None:
        return 0
    rng = random.Random(RANDOM_SEED)
    admin, care, by_language = await _people(session)
    now = clock.now()
    steps = plan(rng, now, by_language)

    task = progress.add_task("Product reviews", total=len(content.PRODUCTS) + len(steps))
    frozen = clock.FrozenClock(now - timedelta(days=SPAN_DAYS + 12))
    previous = clock.use(frozen)
    try:
        categories: dict[str, int] = {}
        for spec in content.CATEGORIES:
            category = await service.save_category(session, CategoryIn(
                slug=spec["slug"], name=spec["name"], position=spec["position"],
                dimensions=[DimensionIn(**d) for d in spec["dimensions"]]))
            categories[spec["slug"]] = category.id
        products: dict[str, int] = {}
        for spec in content.PRODUCTS:
            product = await service.save_product(session, ProductIn(
                slug=spec["slug"], name=spec["name"], category_id=categories[spec["category"]],
                description=spec["description"]))
            products[spec["slug"]] = product.id
            progress.advance(task)

        created = 0
        for step in steps:
            frozen.at = step.at
            review = step.review
            if step.action == "invite":
                await service.invite(session, admin, products[step.data["product"]], step.data["emails"],
                                     step.data["reward"])
            elif review is None:
                raise RuntimeError(f"A demo step without its review: {step.action}")
            elif step.action == "review":
                if review.verified:
                    await service.link_customer(session, products[review.product], filled(review.author).id,
                                                "oidc" if rng.random() < 0.25 else "import")
                written = await service.write_review(session, filled(review.author), products[review.product], ReviewIn(
                    rating=review.rating, title=review.title, body=review.body, ratings=review.ratings,
                    recommend=review.recommend, language=review.language))
                if not written.public:
                    raise RuntimeError(f"A demo review was held by moderation: {review.title!r}")
                review.review_id = written.id
                created += 1
            elif step.action == "update":
                data = step.data
                await service.write_review(session, filled(review.author), products[review.product], ReviewIn(
                    rating=data["rating"], title=data["title"], body=data["body"], ratings=data["ratings"],
                    recommend=data["recommend"], language=review.language))
            elif step.action == "respond":
                await service.respond(session, care, filled(review.review_id), step.data["body"])
            elif step.action == "vote":
                await service.vote(session, step.data["voter"], filled(review.review_id), step.data["helpful"])
            progress.advance(task)
        await session.flush()
    finally:
        clock.use(previous)
    return created


SEEDERS = [("product reviews", seed_reviews)]
