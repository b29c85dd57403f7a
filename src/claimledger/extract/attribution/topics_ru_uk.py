"""Reports that name only a topic, for attribution_ru_uk.py: "рассказал о ситуации", "доложил о ходе операции",
"говорив про це з прем'єр-міністром" (annotation guide A: topic-only reports and discussions are not attributed).

``names_a_topic(doc, cue, content)`` takes the cue token and the content span a reporting verb found and says
whether that content is only a topic.
"""
from __future__ import annotations

from ..language.cyrillic import CyrDoc, Token
from .sources_ru_uk import ABOUT

# Verbs of talking that, with "о/про" a topic and "с/з" a partner, report a discussion, not a claim.
TALK_LEMMAS = frozenset({"говорить", "говорити", "поговорить", "поговорити"})
# Nouns that name a topic, not a claim, after "о/про" ("рассказал о ситуации", "доложил о ходе операции";
# annotation guide A: "informed ... on the progress of the operation" is not attributed).
TOPIC_NOUNS = frozenset({"ситуация", "обстановка", "ход", "положение", "итог", "план", "деталь", "подробность",
                         "ситуація", "обстановка", "хід", "становище", "підсумок", "деталь", "подробиця"})


def names_a_topic(doc: CyrDoc, cue: Token, content: tuple[int, int]) -> bool:
    """"Говорив про це з прем'єр-міністром", "говорил о переговорах с президентом": talking about a topic with
    someone is a discussion, not a claim; "рассказал о ситуации" names only a topic (guide A, topic-only)."""
    first, last = doc.token_at(content[0]), doc.token_at(content[1] - 1)
    if first is None or last is None or doc.tokens[first].lower not in ABOUT:
        return False
    toks = doc.tokens
    head = next((t for t in toks[first + 1:last + 1] if t.pos == "NOUN"), None)
    if head is not None and head.lemma in TOPIC_NOUNS:
        return True  # "рассказал о ситуации в регионе", "доповів про хід операції": a topic, no claim
    if not set(cue.lemmas[:2]) & TALK_LEMMAS:
        return False
    sent = doc.sents[cue.sent]
    return any(toks[i].lower in ("с", "со", "з", "зі", "із") and "ablt" in toks[i + 1].tags
               for i in range(sent.first, sent.last - 1))
