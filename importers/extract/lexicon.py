"""Vocabulary the extractor relies on: general English (and a little French, German, Spanish)
words for honorifics, job titles, organisations, gatherings and sessions, plus a dictionary of
given names. Nothing here names a particular person, place or organisation."""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib import resources

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "ambassador", "amb",
    "baroness", "baron", "lord", "lady", "sir", "dame", "hon", "honourable", "honorable",
    "rev", "reverend", "fr", "father", "sister", "brother", "sheikh", "sheikha", "he", "h.e",
    "excellency", "senator", "sen", "rep", "representative", "judge", "justice", "rabbi",
    "imam", "cardinal", "bishop", "archbishop", "pastor", "mme", "mlle", "m", "herr", "frau",
    "don", "doña", "dott", "ing", "mag", "gen", "general", "colonel", "col", "captain", "capt",
    "lt", "major", "admiral", "commander", "president", "minister", "secretary", "governor",
    "mayor", "chancellor", "deputy", "commissioner", "dg", "ddg", "sg", "dsg", "asg", "usg",
    "queen", "king", "prince", "princess", "crown", "royal", "highness", "majesty", "his",
    "her", "rt", "right", "the", "assoc", "associate", "assistant", "emeritus",
}
# Honorifics that are not also job titles: kept apart from the name, never used as a title.
COURTESY = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "hon", "honourable", "honorable", "rev",
    "reverend", "sir", "dame", "he", "h.e", "excellency", "his", "her", "rt", "right", "mme",
    "mlle", "herr", "frau", "dott", "ing", "mag", "fr",
}
# Honorifics that stand for a title when the text gives no other ("Professor Jane Roe").
ACADEMIC = {"professor", "prof", "associate professor", "assistant professor"}
PEERAGE = {"baroness", "baron", "lord", "lady", "countess", "earl", "viscount", "duke"}

TITLE_WORDS = {
    "director", "director-general", "general", "deputy", "minister", "secretary", "president",
    "vice-president", "chair", "chairman", "chairwoman", "chairperson", "co-chair",
    "commissioner", "ambassador", "representative", "professor", "lecturer", "head", "chief",
    "officer", "executive", "manager", "coordinator", "co-ordinator", "adviser", "advisor",
    "counsellor", "counselor", "spokesperson", "spokesman", "spokeswoman", "mayor", "governor",
    "senator", "journalist", "researcher", "editor", "founder", "co-founder", "dean", "rector",
    "chancellor", "envoy", "rapporteur", "consul", "attaché", "leader", "fellow", "member",
    "expert", "analyst", "economist", "specialist", "associate", "assistant", "vice", "senior",
    "principal", "president-elect", "undersecretary", "under-secretary", "chargé",
    "administrator", "treasurer", "registrar", "partner", "producer", "presenter", "anchor",
    "correspondent", "columnist", "author", "writer", "scientist", "physician", "surgeon",
    "lawyer", "attorney", "judge", "justice", "mp", "mep", "congressman", "congresswoman",
    "councillor", "councilor", "delegate", "observer", "curator", "historian", "activist",
    "campaigner", "advocate", "consultant", "strategist", "officer-in-charge", "ceo", "cfo",
    "coo", "cto", "md", "vp", "evp", "svp", "svp", "dg", "ddg", "adg", "usg", "asg", "sg",
    "commander", "premier", "prime", "king", "queen", "prince", "princess", "patron",
    "ombudsman", "auditor", "inspector", "superintendent", "planner", "organiser", "organizer",
    "host", "moderator", "facilitator", "trustee", "governor-general", "high", "special",
    "acting", "interim", "honorary", "emeritus", "programme", "program", "project", "regional",
    "national", "country", "executive", "managing", "permanent", "resident", "lead", "team",
}
# The word that makes a phrase a job title when it ends it ("Emma Jones Professor").
TITLE_HEADS = TITLE_WORDS - {
    "general", "deputy", "vice", "senior", "high", "special", "acting", "interim", "honorary",
    "programme", "program", "project", "regional", "national", "country", "managing",
    "permanent", "resident", "lead", "team", "executive", "associate", "assistant", "prime",
}

ORG_WORDS = {
    "organization", "organisation", "office", "agency", "ministry", "department", "university",
    "college", "school", "institute", "institut", "institution", "centre", "center", "council",
    "commission", "committee", "foundation", "association", "society", "union", "bank", "fund",
    "programme", "program", "group", "network", "alliance", "federation", "league", "bureau",
    "secretariat", "service", "services", "authority", "board", "trust", "corporation", "corp",
    "company", "inc", "ltd", "llc", "plc", "gmbh", "ag", "sa", "nv", "bv", "co", "limited",
    "partnership", "partners", "consortium", "coalition", "forum", "parliament", "assembly",
    "government", "embassy", "mission", "delegation", "division", "unit", "faculty", "academy",
    "laboratory", "lab", "observatory", "press", "media", "news", "times", "post", "radio",
    "television", "tv", "broadcasting", "pictures", "studios", "records", "hospital", "clinic",
    "church", "party", "movement", "initiative", "project", "court", "tribunal", "police",
    "army", "navy", "force", "command", "club", "chamber", "confederation", "cooperative",
    "co-operative", "ngo", "charity", "relief", "aid", "action", "watch", "international",
    "ministère", "ministerium", "büro", "regionalbüro", "amt", "bundesamt", "ministerio",
    "oficina", "organización", "universidad", "université", "universität", "hochschule",
    "colegio", "escuela", "école", "instituto", "fondation", "fundación", "stiftung",
    "agence", "agencia", "direction", "dirección", "délégation", "gobierno", "gouvernement",
    "regierung", "senate", "congress", "cabinet", "presidency", "headquarters", "hq",
}

# Nouns naming a gathering that can be dated on a calendar.
EVENT_NOUNS = {
    "forum", "fora", "conference", "summit", "dialogue", "days", "day", "congress", "assembly",
    "symposium", "meeting", "workshop", "seminar", "week", "roundtable", "round-table",
    "convention", "expo", "exhibition", "fair", "festival", "colloquium", "consultation",
    "session", "council", "committee", "school", "retreat", "hearing", "launch", "ceremony",
    "celebration", "gathering", "games", "olympiad", "olympics", "cup", "championship",
    "conclave", "jamboree", "hackathon", "webinar", "lecture", "talk", "debate", "dinner",
    "reception", "gala", "party", "concert", "briefing", "conversation", "consultations",
    "negotiations", "talks", "commemoration", "anniversary", "opening", "adoption", "signing",
    "biennale", "biennial", "triennale", "academy", "institute", "camp", "bootcamp", "tour",
    "march", "rally", "vigil", "course", "training", "programme", "caucus", "plenary",
    "convocation", "graduation", "awards", "summer", "encounter", "rencontres", "sommet",
    "congrès", "conférence", "colloque", "journées", "semaine", "foro", "cumbre", "congreso",
    "konferenz", "gipfel", "tagung", "kongress",
}
# Of those, the ones that also name standing bodies: dated only when they meet.
BODY_NOUNS = {"council", "committee", "assembly", "academy", "institute", "school", "programme",
              "congress", "parliament", "commission", "board"}

# Sessions inside an event, longest first when matching.
PANEL_KINDS = [
    "high-level panel", "high level panel", "panel discussion", "debate lab", "project lab",
    "side event", "side-event", "opening session", "closing session", "opening ceremony",
    "closing ceremony", "opening plenary", "closing plenary", "afternoon plenary",
    "morning plenary", "plenary session", "keynote address", "keynote speech",
    "keynote lecture", "keynote", "press conference", "press briefing", "round table",
    "roundtable", "workshop", "breakout session", "break-out session", "masterclass",
    "master class", "fireside chat", "town hall", "q&a", "panel", "plenary", "debate",
    "lab", "session", "seminar", "webinar", "briefing", "presentation", "lecture", "talk",
    "welcome", "opening remarks", "closing remarks", "opening addresses", "opening address",
    "reception", "dinner", "luncheon", "lunch", "screening", "film screening", "stand",
    "exhibition", "launch", "award ceremony", "awards ceremony",
]

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
WEEKDAYS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
}

# Capitalised words that start sentences or headings and are never part of a name.
NOT_NAME = MONTHS | WEEKDAYS | {
    "the", "a", "an", "this", "that", "these", "those", "and", "or", "but", "for", "with",
    "from", "at", "in", "on", "of", "to", "by", "as", "it", "its", "our", "we", "they", "he",
    "she", "his", "her", "their", "i", "you", "your", "my", "all", "some", "many", "more",
    "most", "also", "both", "each", "every", "no", "not", "new", "next", "last", "first",
    "second", "third", "one", "two", "three", "press", "release", "contact", "contacts",
    "email", "e-mail", "tel", "phone", "fax", "mobile", "web", "website", "www", "http",
    "https", "read", "more", "click", "here", "download", "share", "home", "about", "news",
    "today", "tomorrow", "yesterday", "welcome", "join", "register", "registration",
    "speakers", "speaker", "panel", "panellists", "panelists", "moderator", "keynote",
    "opening", "closing", "session", "programme", "program", "agenda", "when", "where", "what",
    "who", "why", "how", "please", "for", "media", "information", "further", "see", "note",
    "photo", "video", "source", "north", "south", "east", "west", "central", "global",
    "international", "national", "regional", "local", "world", "united", "nations", "european",
    "african", "asian", "american", "union", "states", "kingdom", "republic", "federal",
    "democratic", "people", "peoples", "government", "ministry", "office", "department",
    "university", "school", "college", "institute", "centre", "center", "council", "committee",
    "commission", "foundation", "association", "agency", "organization", "organisation",
    "conference", "forum", "summit", "dialogue", "meeting", "workshop", "seminar", "day",
    "days", "week", "year", "years", "month", "development", "migration", "human", "rights",
    "health", "policy", "affairs", "education", "research", "science", "social", "economic",
    "studies", "agenda", "goals", "sustainable", "public", "private", "civil", "society",
    "advertisement", "scroll", "continue", "reading", "find", "follow", "subscribe", "login",
    "sign", "up", "search", "menu", "skip", "content", "main", "page", "top", "back", "view",
    "related", "tags", "posted", "updated", "published", "by", "via", "copyright", "all",
    "reserved", "terms", "privacy", "cookies", "policy", "accessibility", "sitemap", "faq",
    "director", "general", "deputy", "minister", "secretary", "president", "chair",
    "ambassador", "professor", "dr", "mr", "mrs", "ms", "associate", "assistant", "executive",
    "chief", "officer", "head", "manager", "coordinator", "adviser", "advisor", "special",
    "high", "level", "high-level", "mayor", "governor", "senator", "commissioner", "member",
    "members", "representative", "representatives", "delegates", "participants", "partners",
    "highlights", "partnerships", "resources", "data", "take", "action", "work", "get",
    "involved", "where", "us", "story", "stories", "statement", "statements", "brief",
    "report", "reports", "publication", "publications", "events", "event",
}

ROLE_NOUNS = {
    "moderator": "moderator", "moderators": "moderator", "facilitator": "moderator",
    "chair": "chair", "chairs": "chair", "co-chair": "chair", "chairperson": "chair",
    "host": "host", "hosts": "host", "keynote": "keynote", "keynote speaker": "keynote",
    "speaker": "speaker", "speakers": "speaker", "panelist": "panelist",
    "panelists": "panelist", "panellist": "panelist", "panellists": "panelist",
    "discussant": "panelist", "discussants": "panelist", "presenter": "speaker",
    "presenters": "speaker", "organiser": "organiser", "organizer": "organiser",
}


def fold(text: str) -> str:
    """Lower case without accents: 'Tomáš' -> 'tomas'."""
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


COMMON_WORDS = {
    "will", "may", "june", "april", "august", "young", "king",
    "rich", "long", "say", "an", "la", "le", "de", "van", "von", "da", "do", "in", "is", "as",
    "so", "no", "to", "on", "at", "by", "we", "us", "it", "he", "me", "be", "if", "or", "and",
    "the", "for", "new", "all", "one", "can", "art", "sun", "summer", "winter", "autumn",
    "spring", "china", "india", "asia", "africa", "europe", "america", "global", "world",
    "mission", "union", "press", "media", "read", "more", "join", "see", "our", "his", "her",
    "their", "about", "home", "story", "news", "ms", "mr", "dr", "un", "eu", "who",
}
