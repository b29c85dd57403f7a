"""The English cue lexicon: which words report speech, how firmly, and how they take their content.

Compiled from the annotation guide of the development gold (data/dev/README.md, section A)
and the PARC 3.0 cue list; every list is general reporting vocabulary, not fitted to a document.
"""
from __future__ import annotations

import re

# Reporting verbs by lemma, with how firmly they present the content. Compiled from the
# annotation guide of the development gold (section A.1-4) and the PARC 3.0 cue list.
CUE_VERBS: dict[str, str] = {
    **dict.fromkeys((
        "say", "state", "note", "emphasise", "emphasize", "stress", "underscore", "underline",
        "highlight", "confirm", "report", "tell", "inform", "brief", "assure", "reaffirm", "affirm",
        "recall", "remind", "explain", "mention", "comment", "conclude", "cite", "announce", "add",
        "declare", "write", "reiterate", "indicate", "observe", "assert", "acknowledge", "admit",
        "point", "sum", "stipulate", "specify", "clarify", "respond", "reply", "answer", "recount",
        "disclose", "reveal", "testify", "predict", "estimate", "describe", "portray", "frame",
        "characterize", "characterise", "call", "term", "label", "brand", "rule", "show", "find", "agree",
    ), "reported"),
    **dict.fromkeys(("claim", "allege", "insist", "maintain", "argue", "contend", "suggest", "blame", "accuse"),
                    "claimed"),  # (blame and accusation as in Russian and Ukrainian: "обвинить", "звинуватити")
    **dict.fromkeys(("deny", "reject", "dispute", "contest", "refute", "dismiss"), "denied"),
    "dub": "reported", "deem": "reported",
    **dict.fromkeys(("warn", "caution", "threaten"), "warned"),
    **dict.fromkeys(("believe", "consider", "feel", "view", "recognize", "recognise", "think",
                     "fear", "doubt", "hope", "regard", "notice", "worry", "suspect"), "believed"),
    **dict.fromkeys(("urge", "ask", "propose", "instruct", "demand", "advocate", "request",
                     "order", "promise", "pledge", "vow", "applaud", "condemn", "appeal", "advise",
                     "criticise", "criticize"), "directive"),
}

# Light verbs that report through their object noun ("expressed concern that ...").
LIGHT_VERBS = {"express": None, "voice": None, "draw": {"attention"}, "give": {"assessment", "account"},
               "make": {"clear"}, "share": {"view", "assessment", "concern"},
               "raise": {"concern", "concerns", "fear", "fears", "doubt", "doubts", "alarm"}}
LIGHT_NOUNS = frozenset({
    "concern", "concerns", "hope", "readiness", "satisfaction", "dissatisfaction", "confidence",
    "support", "regret", "interest", "willingness", "conviction", "view", "opinion", "doubt",
    "alarm", "solidarity", "condolences", "gratitude", "attention", "assessment", "account",
    "clear", "emphasis", "belief",
})
# Ritual expressives are not attributions (section A, "Do not annotate").
RITUAL_NOUNS = frozenset({"gratitude", "condolences", "thanks", "congratulations", "wishes"})

# Verbs of talking that are not cues themselves but end a content they are coordinated into
# ("noting that X, and spoke about Y": Y is not part of the claim X).
REPORTING_ACTS = frozenset({"speak", "talk", "discuss", "thank", "express", "inform", "review", "touch",
                            "exchange", "congratulate", "raise"})

# Stance adjectives reporting through "of"/"about" or a clause: "was critical of the practice of ...",
# "are worried it could invite ridicule", "is wary of agreeing to ...".
STANCE_ADJECTIVES = frozenset({"critical", "supportive", "confident", "concerned", "sceptical", "skeptical",
                               "optimistic", "pessimistic", "convinced", "certain", "sure", "hopeful",
                               "worried", "afraid", "fearful", "wary", "doubtful", "adamant"})
# Nouns after "spoke in ..." that report a stance: "spoke in support of ...".
STANCE_NOUNS = frozenset({"support", "favour", "favor", "defence", "defense"})
# Objects of "according to" that are norms or schedules, not sources ("according to plan").
NON_SOURCE_NOUNS = frozenset({"plan", "schedule", "law", "rule", "rules", "agreement", "treaty", "principle",
                              "norm", "norms", "standard", "procedure", "protocol", "tradition", "custom",
                              "logic", "script", "scenario", "timetable"})

# Nouns that carry a claim in a *that*-clause or an *of*-phrase ("allegations that ...").
NOMINAL_CUES = frozenset({
    "statement", "claim", "allegation", "accusation", "report", "warning", "promise", "demand",
    "proposal", "assertion", "assurance", "denial", "information", "intimidation", "message",
    # beliefs, judgements and suggestions held by a source (issue 13: general news)
    "assessment", "view", "belief", "suggestion", "speculation", "skepticism", "scepticism", "fear",
    "hope", "expectation", "conclusion", "finding", "argument", "insistence", "admission",
    "announcement", "charge", "rumour", "rumor", "prediction", "contention", "estimate",
})

# How firmly a nominal cue presents its content (models.EVIDENTIALITIES); nouns not listed report.
NOMINAL_STRENGTH = {
    "claim": "claimed", "assertion": "claimed", "allegation": "alleged", "accusation": "alleged",
    "denial": "denied", "warning": "warned", "intimidation": "warned", "promise": "directive",
    "demand": "directive", "proposal": "directive", "suggestion": "directive",
    "argument": "claimed", "insistence": "claimed", "contention": "claimed", "charge": "alleged",
    "rumour": "alleged", "rumor": "alleged", "assessment": "believed", "view": "believed",
    "belief": "believed", "fear": "believed", "hope": "believed", "expectation": "believed",
    "skepticism": "believed", "scepticism": "believed", "speculation": "believed",
}
# What a denial verb denies when its object is a noun: a claim, not a thing ("denied the
# allegations", not "denied her request for asylum", "a policy that denies asylum").
# ("results show" is an impersonal evidential with no source: data/dev/README.md, section A.)
DENIABLE_NOUNS = NOMINAL_CUES | frozenset({"reports", "rumours", "rumors", "idea", "notion", "suggestion",
                                           "charges", "theory", "theories", "story", "stories"})
# ... of them, those a rejection denies as untrue ("dismissed the claim"), not those it turns down ("rejected the
# proposal", "the demands"): demands and proposals are no claims of fact.
DENIABLE_CLAIM_NOUNS = frozenset(noun for noun in DENIABLE_NOUNS if NOMINAL_STRENGTH.get(noun) != "directive")

# Verbs that report only a quotation next to them ("“...,” Waters continued", "he tweeted").
QUOTE_VERBS = frozenset({"continue", "tweet", "post", "repeat", "quip", "joke", "exclaim", "shout", "text"})
CUE_OR_LIGHT_VERBS = frozenset(CUE_VERBS) | frozenset(LIGHT_VERBS)  # lemmas that may open a verb's claim
CUE_OR_QUOTE_VERBS = frozenset(CUE_VERBS) | QUOTE_VERBS  # lemmas that may cue a quotation

# Verbs whose object noun is a nominal cue held by their subject ("came to the conclusion that ...",
# "raised fears that ...", "made the claim that ...").
HOLDING_VERBS = frozenset({"express", "voice", "come", "reach", "share", "raise", "have", "hold", "give", "make",
                           "offer", "air"})

# Verbs that report only when their subject is a document or a body of evidence ("a poll showed
# ...", "the study found ...", "images on social media showed ..."), not a person or a thing.
DOCUMENT_VERBS = frozenset({"show", "find"})
DOCUMENT_NOUNS = frozenset({
    "poll", "survey", "study", "data", "record", "report", "document", "image", "video", "footage",
    "figure", "statistic", "research", "analysis", "investigation", "review", "audit", "consultation",
    "census", "test", "evidence", "memo", "letter", "filing", "indictment", "complaint", "ruling",
    "assessment", "estimate", "model", "projection", "photo", "photograph", "picture", "inquiry",
    "probe", "autopsy", "paper", "article", "release", "statement",
    "recording", "transcript", "email", "message", "post", "tweet", "intelligence",
})

# Verbs whose object is an addressee, not the content: the content is only a clause.
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "warn", "ask", "urge",
                             "instruct", "order", "promise", "answer", "call", "appeal", "advise"})
# Verbs whose plain object is not a claim ("said a few words", "added details").
CLAUSE_ONLY_VERBS = frozenset({"say", "add", "write", "tell", "agree", "call", "answer", "reply",
                               "respond", "think", "hope", "fear", "feel", "point", "maintain",
                               "recognize", "recognise", "consider", "order", "reject", "dismiss",
                               "observe", "support", "rule", "worry", "suspect", "notice"})
# Verbs that report only with the complement named here ("the court ruled that ...", "China regards
# the defectors as ..."), never otherwise ("to rule out", "regarding", "agreed to meet").
REQUIRED_COMPLEMENTS = {"rule": "ccomp", "suspect": "ccomp", "notice": "ccomp", "worry": "ccomp", "regard": "as",
                        "agree": "ccomp"}  # ("the sides agreed that ...": a joint statement; "agreed to" is no report)
# Verbs that name their object ("called the report a hoax", "deemed it unlawful"): the content is
# the object and its complement.
NAMING_VERBS = frozenset({"call", "term", "label", "brand", "dub", "deem"})
# Verbs reporting "X as Y": the content is "X as Y".
AS_VERBS = frozenset({"describe", "portray", "frame", "characterize", "characterise", "view", "regard",
                      "consider", "term", "label", "brand", "see", "regard"})
# Phrasal particles and prepositions that belong to the cue.
PHRASAL = {"point": {"out"}, "sum": {"up"}, "call": {"on", "for", "upon"}, "advocate": {"for"},
           "speak": {"of"}, "make": {"clear"}, "admit": {"to"}, "appeal": {"for", "to"}}
# Cognitive and reporting verbs whose content may be a gerund ("feared losing ...", "denied
# leaking ...", "admitted shooting ...").
GERUND_VERBS = frozenset({"fear", "deny", "admit", "recall", "acknowledge", "regret", "report", "mention",
                          "suggest", "propose", "recommend", "dispute"})
# Verbs whose to-infinitive is what they claim ("Moscow claimed to have captured the city", "claims to control").
INFINITIVE_CLAIM_VERBS = frozenset({"claim", "purport"})

MODAL_BLOCKERS = frozenset({"will", "would", "could", "might", "may", "shall", "can", "should", "'ll", "must"})
FIRST_PERSON = frozenset({"i", "we"})
# The addressee: "you tell", "do you feel", "how long you believe" ask or urge, they report nothing
# (a past "you said" still reports).
SECOND_PERSON = frozenset({"you"})
ANAPHORS = frozenset({"this", "that", "these", "it", "which", "such", "all"})
AGENTLESS = "unspecified (agentless passive)"
UNSPECIFIED = "unspecified"

# A denial's content that only names the report it denies ("denied the claim", "rejected these reports", "Ukraine
# denied this"), in English; the Russian and Ukrainian readers give such a denial the report's own content
# ("Эту информацию опровергли", denials_ru_uk.py).
REPORT_ANAPHOR = re.compile(r"^(?:(?:the|this|that|these|those|such|their|his|her|its)\s+)?(?:claims?|reports?|"
                            r"information|allegations?|statements?|assertions?|accusations?|news|this|that|it)$"
                            r"|^(?:any\s+)?(?:involvement|responsibility|participation|complicity)$",
                            re.IGNORECASE)  # (and one's part in the act: "Ukraine denied involvement")
# ... and its Russian and Ukrainian forms ("ISW эту информацию не подтверждает", "У Генштабі ці дані спростували").
REPORT_ANAPHOR_RU_UK = re.compile(r"^(?:(?:эт[аиоу]|эти|это|этих|ц[іяюей]|цю|ці|це|цих|такие|такі)\s+)?"
                                  r"(?:информаци[юяи]|сведени[яй]|данны[ех]|заявлени[яей]|сообщени[яей]|"
                                  r"утверждени[яей]|інформаці[юї]|дан[іих]|заяв[иуа]?|повідомлен(?:ня|ь)|твердження)$",
                                  re.IGNORECASE)
