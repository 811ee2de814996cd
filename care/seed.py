"""Demo social listening: Hearth Bank's channels and listening topics, and a month of mentions on
X, on the Facebook page and in the news, with the care team's replies, so a first visit finds a
care team's mention stream that looks alive.

Everything goes through the services, as real use would: channels and topics through
care.service and care.topics, messages through care.ingest.receive — X's and Facebook's in
deliveries of 20 to 100, as webhooks hand them over, the news feed's in the daily polls that
would have found them. What no topic wants is dropped there, as listening should. The demo must
show the mentions at once, so the seeder then processes each delivery itself with
care.ingest.process, in the session it was given: the outbox event each delivery published
later finds its inbox rows done, and the worker's handler skips them. A few replies arrive
before the message they answer, as a late delivery brings them, so threading is exercised. The
care agent then corrects the sentiment of a few mentions the lexicon read wrong.

The clock is frozen and moved forward to each delivery, and all choices come from one seeded
random generator: every run builds the same stream, relative to now. Idempotent: when one of the
demo channels exists, the seeder does nothing.

The words are in care/seed/*.toml: nl.toml, fr.toml and en.toml what customers write in each
language and how care answers; common.toml the channels, topics and brand accounts, and the
parts of the stream that mix languages in one order (the news, the outage's updates).
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

from care import ingest, seed_queue, service, topics
from care.models import Channel, ChannelKind, InboxItem, Mention
from care.schemas import AuthorIn, ChannelIn, MentionIn, TopicIn
from hearth import clock
from hearth.accounts import service as accounts
from hearth.seed import load_content
from hearth.settings import get_settings

RANDOM_SEED = 2026
SPAN_DAYS = 30
CARE_EMAIL = "care@demo.hearth.test"
DELIVERY = (20, 95)  # messages per delivery; a late message moved into one makes it at most 100
X_EPOCH_MS = 1288834974657  # X's snowflake ids count milliseconds from here
# When people post, in UTC (Belgium is an hour or two ahead): mornings, lunch and evenings.
HOURS = [6, 6, 7, 7, 8, 8, 9, 10, 11, 11, 12, 13, 14, 15, 16, 17, 18, 18, 19, 19, 20, 20, 21, 22]
CARE_HOURS = range(6, 21)  # when the webcare team answers (07:00 to 22:00 in Belgium)
POLL_HOUR = 5  # the news feed is read once a day (poll_minutes 1440), early in the morning
_HANDLES = re.compile(r"[@#]\w+|https?://\S+")
_WORDS = re.compile(r"\w+")


def _turns(spec: dict[str, Any]) -> dict[str, Any]:
    return {**spec, "turns": [(t["who"], t["text"], *([t["parent"]] if "parent" in t else []))
                              for t in spec["turns"]]}


def read_content() -> SimpleNamespace:
    """The demo's words: the languages' files joined by channel and language, turns as (who, text[,
    parent]), and common.toml's lists as tuples."""
    files = load_content("care")
    common = files.pop("common")
    outage = common["outage"]
    keys = [channel["key"] for channel in common["channels"]]
    return SimpleNamespace(
        PAGE_ID=common["page_id"], CHANNELS=common["channels"], TOPICS=common["topics"],
        BRAND_ACCOUNT=common["brand_account"], CARE_ACCOUNT=common["care_account"],
        PAGE_ACCOUNT=common["page_account"], SPECIAL_AUTHORS=common["special_authors"],
        X_AUTHORS={language: [(a["handle"], a["name"]) for a in data["x_authors"]] for language, data in files.items()},
        FB_AUTHORS={language: data["facebook_authors"] for language, data in files.items()},
        SINGLES={key: {language: data["singles"][key] for language, data in files.items()
                       if key in data.get("singles", {})}
                 for key in keys if any(key in data.get("singles", {}) for data in files.values())},
        BRAND_POSTS=[(post["language"], post["text"]) for post in common["brand_posts"]],
        NOISE=[(post["author"], post["text"]) for post in common["noise"]],
        THREADS=[{**_turns(spec), "language": language} for key in keys for language, data in files.items()
                 for spec in data.get("threads", []) if spec["channel"] == key],
        OUTAGE={"days_ago": outage["days_ago"],
                "customers": {language: data["outage_customers"] for language, data in files.items()},
                "status": [(s["hours"], s["language"], s["text"]) for s in outage["status"]],
                "threads": [_turns(spec) for spec in outage["threads"]],
                "after": [(a["channel"], a["language"], a["text"]) for a in outage["after"]]},
        NEWS=common["news"],
        DROPPED=[(d["under"], d["language"], d["text"]) for d in common["dropped"]],
        CORRECTIONS={c["text"]: c["sentiment"] for c in common["corrections"]})


content = read_content()


@dataclass(eq=False)
class Author:
    handle: str
    name: str | None
    followers: int | None
    external_id: str

    @property
    def first(self) -> str:
        name = (self.name or self.handle).split("|")[0].strip()
        return name.split()[0]


@dataclass(eq=False)
class Planned:
    """One message as it will be delivered."""

    channel: str               # a key of content.CHANNELS
    template: str              # the text as content writes it (corrections find it by this)
    text: str
    language: str              # the language it is written in
    author: Author
    at: datetime
    kind: str                  # single, thread, outage, status, news, brand, noise, dropped
    parent: Planned | None = None
    root: Planned | None = None
    late: bool = False         # its delivery comes after its replies'
    is_news: bool = False
    external_id: str = ""
    url: str | None = None
    delivery: int | None = None
    replies: list[Planned] = field(default_factory=list)

    @property
    def thread(self) -> Planned:
        return self.root or self


@dataclass
class Plan:
    messages: list[Planned]
    deliveries: list[tuple[datetime, str, list[Planned]]]  # (when, channel key, messages)
    corrections: list[tuple[datetime, Planned, str]]


# --- people --------------------------------------------------------------------------------

class People:
    """The authors, and who writes next: a few regulars write often, most people once or twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.x: dict[str, list[Author]] = {}
        self.facebook: dict[str, list[Author]] = {}
        self.weights: dict[str, float] = {}
        for language, pool in content.X_AUTHORS.items():
            self.x[language] = [Author(handle, name, self._followers(), self._x_id()) for handle, name in pool]
        for language, names in content.FB_AUTHORS.items():
            self.facebook[language] = [Author(name, name, None, self._fb_id()) for name in names]
        for pool in [*self.x.values(), *self.facebook.values()]:
            for author in pool:
                self.weights[author.handle] = rng.lognormvariate(0, 0.7)
        self.special = {key: Author(spec["handle"], spec["name"], spec["followers"], self._x_id())
                        for key, spec in content.SPECIAL_AUTHORS.items()}
        self.brand = Author(content.BRAND_ACCOUNT["handle"], content.BRAND_ACCOUNT["name"],
                            content.BRAND_ACCOUNT["followers"], self._x_id())
        self.care = Author(content.CARE_ACCOUNT["handle"], content.CARE_ACCOUNT["name"],
                           content.CARE_ACCOUNT["followers"], self._x_id())
        self.page = Author(content.PAGE_ACCOUNT["handle"], content.PAGE_ACCOUNT["name"], None, content.PAGE_ID)

    def _followers(self) -> int:
        # From a handful to a few thousand; most people have a few hundred.
        return max(3, min(6_500, round(self.rng.lognormvariate(5.0, 1.25))))

    def _x_id(self) -> str:
        return str(self.rng.randint(10**8, 10**18))

    def _fb_id(self) -> str:
        return str(self.rng.randint(10**15, 10**16 - 1))

    def pick(self, channel: str, language: str, *, besides: tuple[Author, ...] = ()) -> Author:
        pool = [a for a in (self.x if channel == "x" else self.facebook)[language] if a not in besides]
        return self.rng.choices(pool, weights=[self.weights[a.handle] for a in pool])[0]

    def named(self, key: str) -> Author:
        """A special author, or a customer by X handle (a text that names them needs them)."""
        if key in self.special:
            return self.special[key]
        return next(a for pool in self.x.values() for a in pool if a.handle == key)

    def brand_voice(self, channel: str) -> Author:
        return self.care if channel == "x" else self.page


# --- time --------------------------------------------------------------------------------------

def _moment(rng: random.Random, now: datetime, low_days: float, high_days: float) -> datetime:
    """A time between high_days and low_days ago, at an hour people post; fewer at weekends."""
    for _ in range(20):
        day = now - timedelta(days=rng.uniform(low_days, high_days))
        if day.weekday() < 5 or rng.random() < 0.6:
            break
    at = day.replace(hour=rng.choice(HOURS), minute=rng.randint(0, 59), second=rng.randint(0, 59), microsecond=0)
    return min(at, now - timedelta(minutes=rng.randint(12, 90)))


def _care_delay(rng: random.Random, at: datetime, slow: bool) -> datetime:
    """When the webcare team answers: mostly within the hour, during its hours."""
    if slow:
        return at + timedelta(hours=rng.uniform(40, 50))
    roll = rng.random()
    minutes = rng.randint(4, 55) if roll < 0.7 else rng.randint(60, 300) if roll < 0.95 else rng.randint(360, 900)
    answered = at + timedelta(minutes=minutes)
    if answered.hour not in CARE_HOURS:
        morning = answered if answered.hour < CARE_HOURS.start else answered + timedelta(days=1)
        answered = morning.replace(hour=CARE_HOURS.start, minute=rng.randint(0, 50), second=rng.randint(0, 59))
    return answered


def _person_delay(rng: random.Random, at: datetime) -> datetime:
    return at + timedelta(minutes=rng.randint(2, 25) if rng.random() < 0.6 else rng.randint(25, 240))


# --- the plan ----------------------------------------------------------------------------------

def _fill(text: str, customer: Author) -> str:
    if "{" not in text:
        return text
    return text.format(handle=customer.handle, first=customer.first, name=customer.name or customer.handle)


def _thread(rng: random.Random, people: People, spec: dict[str, Any], start: datetime,
            kind: str) -> list[Planned]:
    channel, language = spec["channel"], spec["language"]
    brand = people.brand_voice(channel)
    customer = people.named(spec["author"]) if "author" in spec else people.pick(channel, language)
    other = people.pick(channel, language, besides=(customer,))
    facebook = channel == "facebook"
    planned: list[Planned] = []
    top_level: Planned | None = None
    at = start
    for index, turn in enumerate(spec["turns"]):
        who, template = turn[0], turn[1]
        author = {"customer": customer, "care": brand, "other": other}[who]
        if index:
            at = _care_delay(rng, at, spec.get("slow", False) and index == 1) if who == "care" else (
                _person_delay(rng, at))
        # Whom a turn answers: on Facebook the last top-level comment (or the post), on X the previous turn.
        if index == 0:
            parent = None
        elif len(turn) > 2:
            parent = planned[turn[2]]
        elif facebook:
            parent = top_level or planned[0]
        else:
            parent = planned[-1]
        # Care on Facebook tags the last person who spoke there; on X it answers the customer's handle.
        addressee = customer
        if facebook and who == "care" and parent is not None:
            spoken = [m.author for m in planned if m.author is not brand and (m is parent or m.parent is parent)]
            addressee = spoken[-1] if spoken else parent.author
        message = Planned(channel, template, _fill(template, addressee), language, author, at, kind,
                          parent=parent, root=planned[0] if planned else None)
        if parent is not None:
            parent.replies.append(message)
        if facebook and planned and parent is planned[0]:
            top_level = message
        planned.append(message)
    planned[0].late = spec.get("late", False)
    return planned


def _fit(messages: list[Planned], now: datetime) -> None:
    """A conversation that would run into the future is moved back to end a little before now."""
    latest = max(m.at for m in messages)
    limit = now - timedelta(minutes=8)
    if latest > limit:
        for message in messages:
            message.at -= latest - limit


def plan(rng: random.Random, now: datetime) -> Plan:
    people = People(rng)
    messages: list[Planned] = []
    outage = content.OUTAGE
    outage_start = (now - timedelta(days=outage["days_ago"])).replace(hour=6, minute=12, second=0, microsecond=0)

    for channel, by_language in content.SINGLES.items():
        for language, kinds in by_language.items():
            for texts in kinds.values():
                for text in texts:
                    messages.append(Planned(channel, text, text, language, people.pick(channel, language),
                                            _moment(rng, now, 0.02, SPAN_DAYS), "single"))
    for language, text in content.BRAND_POSTS:
        messages.append(Planned("x", text, text, language, people.brand, _moment(rng, now, 0.5, SPAN_DAYS),
                                "brand"))
    for key, text in content.NOISE:
        messages.append(Planned("x", text, text, content.SPECIAL_AUTHORS[key]["language"], people.special[key],
                                _moment(rng, now, 0.1, SPAN_DAYS), "noise"))
    for spec in content.THREADS:
        start = _moment(rng, now, spec.get("days_ago", 0.3), spec.get("days_ago", SPAN_DAYS - 1))
        thread = _thread(rng, people, spec, start, "thread")
        _fit(thread, now)
        messages += thread

    # The outage: a morning of complaints, the care team's updates, and the day after.
    for language, texts in outage["customers"].items():
        for text in texts:
            at = outage_start + timedelta(hours=rng.triangular(0.05, 5.0, 1.3), seconds=rng.randint(0, 59))
            messages.append(Planned("x", text, text, language, people.pick("x", language), at, "outage"))
    for hours, language, text in outage["status"]:
        messages.append(Planned("x", text, text, language, people.care, outage_start + timedelta(hours=hours),
                                "status"))
    outage_threads = []
    for spec in outage["threads"]:
        thread = _thread(rng, people, spec, outage_start + timedelta(hours=rng.uniform(0.3, 2.5)), "outage")
        outage_threads.append(thread)
        messages += thread
    for channel, language, text in outage["after"]:
        at = outage_start + timedelta(days=1, hours=rng.uniform(1, 12))
        messages.append(Planned(channel, text, text, language, people.pick(channel, language), at, "single"))

    for item in content.NEWS:
        if item.get("outage"):
            at = outage_start + timedelta(days=1, hours=-0.5, minutes=rng.randint(0, 50))
        else:
            at = _moment(rng, now, 0.2, SPAN_DAYS)
        text = f"{item['title']}\n\n{item['body']}"
        author = Author(item["author"], item["author"], None, "")
        news = Planned("feed", text, text, item["language"], author, at, "news", is_news=True)
        news.url = news.external_id = f"https://news.example.be/{item['language']}/{item['slug']}"
        messages.append(news)

    # Comments nobody will see in the stream: they name neither the bank nor anything it listens for.
    page_posts = [t[0] for t in outage_threads if t[0].channel == "facebook"]
    posts = [m for m in messages if m.channel == "facebook" and m.root is None and m.kind != "outage"]
    for where, language, text in content.DROPPED:
        parent = rng.choice(page_posts if where == "outage" else posts)
        at = max(parent.at, max((r.at for r in parent.replies), default=parent.at)) + timedelta(
            minutes=rng.randint(3, 200))
        dropped = Planned("facebook", text, text, language, people.pick("facebook", language), at, "dropped",
                          parent=parent, root=parent)
        parent.replies.append(dropped)
        messages.append(dropped)

    for message in messages:
        message.at = min(message.at, now - timedelta(minutes=5))
    messages.sort(key=lambda m: m.at)
    _identify(rng, messages)
    deliveries = _deliveries(rng, messages, now)
    return Plan(messages, deliveries, _corrections(rng, messages, deliveries, now))


def _identify(rng: random.Random, messages: list[Planned]) -> None:
    """Platform ids and links: X's snowflakes hold their time, Facebook's comments their post."""
    for message in messages:
        if message.channel == "x":
            ms = int(message.at.timestamp() * 1000) - X_EPOCH_MS
            message.external_id = str((ms << 22) | rng.getrandbits(22))
            message.url = f"https://x.com/{message.author.handle}/status/{message.external_id}"
        elif message.channel == "facebook":
            if message.root is None:
                message.external_id = f"{content.PAGE_ID}_{rng.randint(10**15, 10**16 - 1)}"
            else:
                post_number = message.root.external_id.split("_", 1)[1]
                message.external_id = f"{post_number}_{rng.randint(10**15, 10**16 - 1)}"
            post_number = message.thread.external_id.split("_", 1)[1]
            message.url = f"https://www.facebook.com/{content.PAGE_ID}/posts/{post_number}"
            if message.root is not None:
                message.url += f"?comment_id={message.external_id.split('_', 1)[1]}"


def _deliveries(rng: random.Random, messages: list[Planned], now: datetime) -> list[tuple[datetime, str,
                                                                                        list[Planned]]]:
    """X's and Facebook's messages in webhook deliveries of 20 to 100, in the order they were written,
    except that a late message comes in the delivery after the one that brought its first reply; the
    feed's items in the daily polls that found them."""
    found = []
    polls: dict[datetime, list[Planned]] = {}
    for message in messages:
        if message.channel == "feed":
            poll = message.at.replace(hour=POLL_HOUR, minute=10, second=0, microsecond=0)
            poll += timedelta(days=1) if poll <= message.at else timedelta()
            polls.setdefault(min(poll, now - timedelta(minutes=2)), []).append(message)
    found += [(when, "feed", items) for when, items in polls.items()]
    for channel in ("x", "facebook"):
        mine = [m for m in messages if m.channel == channel]
        chunks: list[list[Planned]] = []
        while mine:
            size = rng.randint(*DELIVERY)
            if len(mine) - size < DELIVERY[0]:
                size = len(mine) if len(mine) <= 100 else len(mine) // 2
            chunks.append(mine[:size])
            mine = mine[size:]
        where = {id(m): i for i, chunk in enumerate(chunks) for m in chunk}
        for message in [m for chunk in chunks for m in chunk if m.late and m.replies]:
            target = where[id(min(message.replies, key=lambda r: r.at))] + 1
            if target < len(chunks):
                chunks[where[id(message)]].remove(message)
                chunks[target].insert(0, message)
                where[id(message)] = target
            else:
                message.late = False  # its reply came in the last delivery: nothing later to bring it
        for chunk in chunks:
            found.append((max(m.at for m in chunk) + timedelta(seconds=rng.randint(20, 90)), channel, chunk))
    found.sort(key=lambda d: d[0])
    for number, (_when, _channel, chunk) in enumerate(found):
        for message in chunk:
            message.delivery = number
    return found


def _corrections(rng: random.Random, messages: list[Planned], deliveries: list[tuple[datetime, str, list[Planned]]],
                 now: datetime) -> list[tuple[datetime, Planned, str]]:
    delivered = {id(m): when for when, _channel, chunk in deliveries for m in chunk}
    found = []
    for message in messages:
        label = content.CORRECTIONS.get(message.template)
        if label is not None:
            at = max(message.at + timedelta(minutes=rng.randint(15, 180)), delivered[id(message)] + timedelta(
                minutes=rng.randint(2, 30)))
            found.append((min(at, now - timedelta(minutes=1)), message, label))
    return sorted(found, key=lambda c: c[0])


# --- writing it --------------------------------------------------------------------------------

def _language_hint(message: Planned) -> str | None:
    """X's own guess at the language (it says nothing for a message of a word or two); Facebook and
    the feed give none."""
    if message.channel != "x":
        return None
    return message.language if len(_WORDS.findall(_HANDLES.sub(" ", message.text))) >= 3 else None


def mention_in(message: Planned) -> MentionIn:
    return MentionIn(
        external_id=message.external_id, text=message.text,
        author=AuthorIn(handle=message.author.handle, name=message.author.name, followers=message.author.followers,
                        external_id=message.author.external_id or None),
        created_at=message.at, url=message.url, language=_language_hint(message),
        parent_external_id=message.parent.external_id if message.parent else None,
        conversation_external_id=message.thread.external_id if message.channel != "feed" else None,
        is_news=message.is_news)


async def seed_mentions(session: AsyncSession, progress: Progress) -> int:
    names = [spec["name"] for spec in content.CHANNELS]
    if await session.scalar(select(Channel.id).where(Channel.name.in_(names))) is not None:
        return 0
    agent = await accounts.get_by_email(session, CARE_EMAIL)
    if agent is None:
        raise RuntimeError("The social listening demo needs the demo care agent: run the accounts seeder first")
    now = clock.now()
    planned = plan(random.Random(RANDOM_SEED), now)
    steps: list[tuple[datetime, int, str, Any]] = [(when, i, "deliver", (key, chunk))
                                                   for i, (when, key, chunk) in enumerate(planned.deliveries)]
    steps += [(when, len(steps) + i, "correct", (message, label))
              for i, (when, message, label) in enumerate(planned.corrections)]
    steps.sort(key=lambda s: (s[0], s[1]))

    task = progress.add_task("Social mentions", total=len(steps) + 1)
    frozen = clock.FrozenClock(now - timedelta(days=SPAN_DAYS + 2))
    previous = clock.use(frozen)
    queued = 0
    try:
        channels: dict[str, Channel] = {}
        for spec in content.CHANNELS:
            data = {k: v for k, v in spec.items() if k != "key"}
            channels[spec["key"]] = await service.save_channel(session, ChannelIn(**{**data, "account": _own_address(
                data.get("account", ""))}))
        for spec in content.TOPICS:
            await topics.save_topic(session, TopicIn(**spec))
        await session.flush()
        progress.advance(task)
        for when, _order, action, data in steps:
            frozen.at = when
            if action == "deliver":
                key, chunk = data
                channel = channels[key]
                queued += await ingest.receive(session, channel, [mention_in(m) for m in chunk])
                # As the worker would, at once: the delivery's outbox event then finds nothing left to do.
                pending = list(await session.scalars(select(InboxItem.id).where(
                    InboxItem.channel_id == channel.id, InboxItem.processed_at.is_(None)).order_by(InboxItem.id)))
                await ingest.process(session, pending)
            else:
                message, label = data
                mention_id = await session.scalar(select(Mention.id).where(
                    Mention.channel_id == channels[message.channel].id, Mention.external_id == message.external_id))
                if mention_id is not None:
                    await service.correct_sentiment(session, agent, mention_id, label)
            progress.advance(task)
        _read_this_morning([c for c in channels.values() if c.kind == ChannelKind.FEED], planned, now)
        await session.flush()
    finally:
        clock.use(previous)
    return queued


def _own_address(account: str) -> str:
    """An account that starts with / is an address on Hearth's own site: the demo's news feed,
    which Hearth serves itself so that polling it works offline."""
    return get_settings().base_url.rstrip("/") + account if account.startswith("/") else account


def _read_this_morning(feeds: list[Channel], planned: Plan, now: datetime) -> None:
    """The feeds were read every morning, last this morning, as the deliveries above tell: the
    channel page says so, and the next poll is tomorrow's rather than one racing the server's
    start (it serves the demo's own feed)."""
    morning = now.replace(hour=POLL_HOUR, minute=10, second=0, microsecond=0)
    morning -= timedelta(days=1) if morning > now else timedelta()
    for feed in feeds:
        found = [when for when, key, _chunk in planned.deliveries if key == "feed"]
        feed.last_polled_at = max([morning, *found])
        feed.next_poll_at = morning + timedelta(minutes=feed.poll_minutes)


# The care queue's seeder replays the events the seeders before it left (mentions among them).
SEEDERS = [("social mentions", seed_mentions), *seed_queue.SEEDERS]

