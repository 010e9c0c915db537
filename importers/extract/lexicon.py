"""Vocabulary the extractor relies on: general English (and a little French, German, Spanish)
words for honorifics, job titles, organisations, gatherings and sessions, plus a dictionary of
given names. Nothing here names a particular person, place or organisation."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from importlib import resources

HONORIFICS = frozenset(
    """
    mr mrs ms miss mx dr prof professor ambassador amb baroness baron lord lady sir dame
    hon honourable honorable rev reverend fr father sister brother sheikh sheikha he h.e
    excellency senator sen rep representative judge justice rabbi imam cardinal bishop
    archbishop pastor mme mlle m herr frau don doña dott ing mag gen general colonel col
    captain capt lt major admiral commander president minister secretary governor mayor
    chancellor deputy commissioner dg ddg sg dsg asg usg queen king prince princess crown
    prime royal highness majesty his her rt right the assoc associate assistant emeritus
    """.split()
)
# Honorifics that are not also job titles: kept apart from the name, never used as a title.
COURTESY = frozenset(
    """
    mr mrs ms miss mx dr hon honourable honorable rev reverend sir dame he h.e excellency
    his her rt right mme mlle herr frau dott ing mag fr
    """.split()
)
# Honorifics that stand for a title when the text gives no other ("Professor Jane Roe").
ACADEMIC = {"professor", "prof", "associate professor", "assistant professor"}
PEERAGE = {"baroness", "baron", "lord", "lady", "countess", "earl", "viscount", "duke"}

# The word that makes a phrase a job title when it ends it ("Emma Jones Professor").
TITLE_HEADS = frozenset(
    """
    activist adg administrator adviser advisor advocate ambassador analyst anchor asg
    attaché attorney auditor author campaigner ceo cfo chair chairman chairperson
    chairwoman chancellor chargé chief co-chair co-founder co-ordinator columnist
    commander commissioner congressman congresswoman consul consultant coo coordinator
    correspondent councillor councilor counsellor counselor cto curator ddg dean delegate
    dg director director-general economist editor emeritus envoy evp expert facilitator
    fellow founder governor governor-general head historian host inspector journalist
    judge justice king lawyer leader lecturer manager mayor md member mep minister
    moderator mp observer officer officer-in-charge ombudsman organiser organizer partner
    patron physician planner premier presenter president president-elect prince princess
    principal producer professor queen rapporteur rector registrar representative
    researcher scientist secretary senator sg specialist spokesman spokesperson
    spokeswoman strategist superintendent surgeon svp treasurer trustee under-secretary
    undersecretary usg vice-president vp writer
    """.split()
)
# Words that only qualify a title ("Deputy", "Regional", "Acting").
TITLE_MODIFIERS = frozenset(
    """
    acting assistant associate country deputy executive general high honorary interim lead
    managing national permanent prime program programme project regional resident senior
    special team vice
    """.split()
)
TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS

ORG_WORDS = frozenset(
    """
    organization organisation office agency ministry department university college school
    institute institut institution centre center council commission committee foundation
    association society union bank fund programme program group network alliance
    federation league bureau secretariat service services authority board trust
    corporation corp company inc ltd llc plc gmbh ag sa nv bv co limited partnership
    partners consortium coalition forum parliament assembly government embassy mission
    delegation division unit faculty academy laboratory lab observatory press media news
    times post radio television tv broadcasting pictures studios records hospital clinic
    church party movement initiative project court tribunal police army navy force command
    club chamber confederation cooperative co-operative ngo charity relief aid action
    watch international ministère ministerium büro regionalbüro amt bundesamt ministerio
    oficina organización universidad université universität hochschule colegio escuela
    école instituto fondation fundación stiftung agence agencia direction dirección
    délégation gobierno gouvernement regierung senate congress cabinet presidency
    headquarters hq
    """.split()
)

# Nouns naming a gathering that can be dated on a calendar.
EVENT_NOUNS = frozenset(
    """
    forum fora conference summit dialogue days day congress assembly symposium meeting
    workshop seminar week roundtable round-table convention expo exhibition fair festival
    colloquium consultation session council committee school retreat hearing launch
    ceremony celebration gathering games olympiad olympics cup championship conclave
    jamboree hackathon webinar lecture talk debate dinner reception gala concert briefing
    conversation consultations negotiations talks commemoration anniversary opening
    adoption signing biennale biennial triennale academy institute camp bootcamp tour
    rally vigil course training programme caucus plenary convocation graduation awards
    summer encounter rencontres sommet congrès conférence colloque journées semaine foro
    cumbre congreso konferenz gipfel tagung kongress
    """.split()
)
# Of those, the ones that also name standing bodies: dated only when they meet.
BODY_NOUNS = {
    "council",
    "committee",
    "assembly",
    "academy",
    "institute",
    "school",
    "programme",
    "parliament",
    "commission",
    "board",
}

# Sessions inside an event, longest first when matching.
PANEL_KINDS = [
    "high-level panel",
    "high level panel",
    "high-level dialogue",
    "high level dialogue",
    "panel discussion",
    "debate lab",
    "project lab",
    "side event",
    "side-event",
    "opening session",
    "closing session",
    "opening ceremony",
    "closing ceremony",
    "opening plenary",
    "closing plenary",
    "afternoon plenary",
    "morning plenary",
    "plenary session",
    "keynote address",
    "keynote speech",
    "keynote lecture",
    "keynote",
    "press conference",
    "press briefing",
    "round table",
    "roundtable",
    "workshop",
    "breakout session",
    "break-out session",
    "masterclass",
    "master class",
    "fireside chat",
    "town hall",
    "q&a",
    "panel",
    "plenary",
    "debate",
    "lab",
    "session",
    "seminar",
    "webinar",
    "briefing",
    "presentation",
    "lecture",
    "talk",
    "welcome",
    "opening remarks",
    "closing remarks",
    "opening addresses",
    "opening address",
    "reception",
    "dinner",
    "luncheon",
    "lunch",
    "screening",
    "film screening",
    "stand",
    "exhibition",
    "launch",
    "award ceremony",
    "awards ceremony",
]

MONTHS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
WEEKDAYS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur
    thurs fri sat sun
    """.split()
)

# Capitalised words that start sentences or headings and are never part of a name.
NOT_NAME = (
    MONTHS
    | WEEKDAYS
    | {
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "but",
        "for",
        "with",
        "from",
        "at",
        "in",
        "on",
        "of",
        "to",
        "by",
        "as",
        "it",
        "its",
        "our",
        "we",
        "they",
        "he",
        "she",
        "his",
        "her",
        "their",
        "i",
        "you",
        "your",
        "my",
        "all",
        "some",
        "many",
        "more",
        "most",
        "also",
        "both",
        "each",
        "every",
        "no",
        "not",
        "new",
        "next",
        "last",
        "first",
        "second",
        "third",
        "one",
        "two",
        "three",
        "press",
        "release",
        "contact",
        "contacts",
        "email",
        "e-mail",
        "tel",
        "phone",
        "fax",
        "mobile",
        "web",
        "website",
        "www",
        "http",
        "https",
        "read",
        "click",
        "here",
        "download",
        "share",
        "home",
        "about",
        "news",
        "today",
        "tomorrow",
        "yesterday",
        "welcome",
        "join",
        "register",
        "registration",
        "speakers",
        "speaker",
        "panel",
        "panellists",
        "panelists",
        "moderator",
        "keynote",
        "opening",
        "closing",
        "session",
        "programme",
        "program",
        "agenda",
        "when",
        "where",
        "what",
        "who",
        "why",
        "how",
        "please",
        "media",
        "information",
        "further",
        "see",
        "note",
        "photo",
        "video",
        "source",
        "north",
        "south",
        "east",
        "west",
        "central",
        "global",
        "international",
        "national",
        "regional",
        "local",
        "world",
        "united",
        "nations",
        "european",
        "african",
        "asian",
        "american",
        "union",
        "states",
        "kingdom",
        "republic",
        "federal",
        "democratic",
        "people",
        "peoples",
        "government",
        "ministry",
        "office",
        "department",
        "university",
        "school",
        "college",
        "institute",
        "centre",
        "center",
        "council",
        "committee",
        "commission",
        "foundation",
        "association",
        "agency",
        "organization",
        "organisation",
        "conference",
        "forum",
        "summit",
        "dialogue",
        "meeting",
        "workshop",
        "seminar",
        "day",
        "days",
        "week",
        "year",
        "years",
        "month",
        "development",
        "migration",
        "human",
        "rights",
        "health",
        "policy",
        "affairs",
        "education",
        "research",
        "science",
        "social",
        "economic",
        "studies",
        "goals",
        "sustainable",
        "public",
        "private",
        "civil",
        "society",
        "advertisement",
        "scroll",
        "continue",
        "reading",
        "find",
        "follow",
        "subscribe",
        "login",
        "sign",
        "up",
        "search",
        "menu",
        "skip",
        "content",
        "main",
        "page",
        "top",
        "back",
        "view",
        "related",
        "tags",
        "posted",
        "updated",
        "published",
        "via",
        "copyright",
        "reserved",
        "terms",
        "privacy",
        "cookies",
        "accessibility",
        "sitemap",
        "faq",
        "director",
        "general",
        "deputy",
        "minister",
        "secretary",
        "president",
        "chair",
        "ambassador",
        "professor",
        "dr",
        "mr",
        "mrs",
        "ms",
        "associate",
        "assistant",
        "executive",
        "chief",
        "officer",
        "head",
        "manager",
        "coordinator",
        "adviser",
        "advisor",
        "special",
        "high",
        "level",
        "high-level",
        "mayor",
        "governor",
        "senator",
        "commissioner",
        "member",
        "members",
        "representative",
        "representatives",
        "delegates",
        "participants",
        "partners",
        "highlights",
        "partnerships",
        "resources",
        "data",
        "take",
        "action",
        "work",
        "get",
        "involved",
        "us",
        "story",
        "stories",
        "statement",
        "statements",
        "brief",
        "report",
        "reports",
        "publication",
        "publications",
        "events",
        "event",
        "ave",
        "avenue",
        "street",
        "st",
        "rd",
        "road",
        "blvd",
        "boulevard",
        "lane",
        "drive",
        "square",
        "plaza",
        "highway",
        "route",
    }
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents: 'Tomáš' -> 'tomas'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@cache
def given_names() -> frozenset[str]:
    """Folded given names from the gender-guesser name dictionary (about 45,000 names from
    many countries)."""
    data = resources.files("gender_guesser").joinpath("data", "nam_dict.txt")
    names: set[str] = set()
    with data.open("r", encoding="iso8859-1") as handle:
        for line in handle:
            if line.startswith("#") or len(line) < 30:
                continue
            name = line[3:29].strip().replace("+", "-")
            if name:
                names.add(fold(name))
                for part in name.replace("-", " ").split():
                    names.add(fold(part))
    # words the dictionary holds as names but that begin sentences far more often
    return frozenset(names - COMMON_WORDS)


COMMON_WORDS = frozenset(
    """
    will may june april august young king rich long say an la le de van von da do in is as
    so no to on at by we us it he me be if or and the for new all one can art sun summer
    winter autumn spring china india asia africa europe america global world mission union
    press media read more join see our his her their about home story news ms mr dr un eu
    who
    """.split()
)
