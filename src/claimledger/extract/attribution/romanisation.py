"""Personal names in Cyrillic written in Latin letters: Ukrainian by the official KMU 2010 table (as on
president.gov.ua), Russian as the press simplifies BGN/PCGN ("Виталий" -> Vitaly, "Сергей" -> Sergei). A name in,
its romanisation out; pure. speakers_ru_uk.canonical_speaker uses it for persons the speaker table does not know.
A Ukrainian named in Russian copy is written as Ukraine writes that person (:func:`ukrainian_romanisation`: "Вадим
Бойченко" -> Vadym Boichenko, not Vadim Boychenko), so that reports in both languages name one person alike.
"""
from __future__ import annotations

# Ukrainian romanisation (KMU 2010, as on president.gov.ua); word-initial forms of є ї й ю я differ.
UK_LETTERS = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
              "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
              "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
              "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": ""}
UK_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
# Russian romanisation as the press simplifies BGN/PCGN ("Виталий" -> Vitaly, "Сергей" -> Sergei).
RU_LETTERS = {"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z",
              "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
              "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
              "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
              "і": "i", "ї": "yi", "є": "ye", "ґ": "g"}  # (Ukrainian letters of a Russian name in Ukrainian copy)
RU_ENDINGS = (("ий", "y"), ("ый", "y"), ("ей", "ei"), ("ай", "ai"), ("ой", "oy"))
VOWELS = frozenset("аеёиоуыэюяіїє")


def romanise(name: str, language: str) -> str:
    """A Cyrillic personal name in Latin letters: Ukrainian by KMU 2010, Russian as the press writes it."""
    words = []
    for word in name.split():
        lower = word.lower().replace("’", "'").replace("ʼ", "'")
        out = []
        for k, ch in enumerate(lower):
            if language == "uk":
                out.append(UK_INITIAL.get(ch, UK_LETTERS.get(ch, ch)) if k == 0 else UK_LETTERS.get(ch, ch))
                if ch == "з" and lower[k + 1:k + 2] == "г":
                    out[-1] = "zg"  # "зг" -> "zgh" (Zghurivka), with г -> h below
            else:
                ending = next((e for e in RU_ENDINGS if lower.endswith(e[0]) and k == len(lower) - len(e[0])), None)
                if ending is not None:
                    out.append(ending[1])
                    break
                if ch == "е" and (k == 0 or lower[k - 1] in VOWELS | {"ъ", "ь"}):
                    out.append("ye")
                else:
                    out.append(RU_LETTERS.get(ch, ch))
        roman = "".join(out)
        words.append(roman[:1].upper() + roman[1:] if word[:1].isupper() else roman)
        if "-" in word:  # each capitalised part of a double name stays capitalised ("Миллс-Хикс" -> Mills-Khiks)
            words[-1] = "-".join(r[:1].upper() + r[1:] if w[:1].isupper() else r
                                 for r, w in zip(words[-1].split("-"), word.split("-")))
    return " ".join(words)


# Russian first names and the Ukrainian forms Ukrainians named in Russian copy bear (written by hand, 2026, from the
# common first names of Ukrainian officials); a name not listed is kept as spelt.
UKRAINIAN_FIRST_NAMES = {
    "александр": "олександр", "алексей": "олексій", "андрей": "андрій", "анатолий": "анатолій", "анна": "ганна",
    "валерий": "валерій", "василий": "василь", "виктор": "віктор", "виталий": "віталій", "владимир": "володимир",
    "вячеслав": "вячеслав", "геннадий": "геннадій", "георгий": "георгій", "григорий": "григорій", "дмитрий": "дмитро",
    "евгений": "євген", "елена": "олена", "иван": "іван", "игорь": "ігор", "илья": "ілля", "ирина": "ірина",
    "кирилл": "кирило", "константин": "костянтин", "михаил": "михайло", "наталья": "наталія", "николай": "микола",
    "павел": "павло", "петр": "петро", "пётр": "петро", "сергей": "сергій", "татьяна": "тетяна", "федор": "федір",
    "фёдор": "федір", "юлия": "юлія", "юрий": "юрій", "ярослав": "ярослав", "мария": "марія", "ольга": "ольга",
    "людмила": "людмила", "денис": "денис", "тарас": "тарас", "богдан": "богдан", "роман": "роман",
    "вадим": "вадим", "валентин": "валентин", "максим": "максим", "никита": "микита", "владислав": "владислав",
    "станислав": "станіслав", "ростислав": "ростислав", "борис": "борис", "леонид": "леонід", "виктория": "вікторія",
    "руслан": "руслан", "олег": "олег", "оксана": "оксана",
}
# Russian letters Ukrainian spelling writes otherwise in a surname: "ы" is the Ukrainian "и" ("Шмыгаль" -> Шмигаль),
# and "и" most often the Ukrainian "і" ("Резниченко" -> Резніченко, "Пронин" -> Пронін; not "Клименко", which stays
# Klimenko: the Russian spelling does not tell the two apart). Village names keep "и" (place_candidates_ru_uk.
# RU_UK_LETTERS: "Ивановка" -> Іванівка comes from the dictionary, not the letters), so the two tables differ.
SURNAME_LETTERS = {"ы": "и", "и": "і", "э": "е", "ё": "ьо", "ъ": "'"}
SURNAME_ENDINGS = (("ский", "ський"), ("цкий", "цький"), ("ий", "ий"))


def ukrainian_romanisation(name: str) -> str:
    """A Ukrainian's name as Russian copy spells it, in Latin letters as Ukraine writes it (KMU 2010): the first name in
    its Ukrainian form, the other words respelt letter by letter ("Александр Павлюк" -> Oleksandr Pavliuk, "Денис
    Шмыгаль" -> Denys Shmyhal)."""
    words = name.split()
    out = []
    for k, word in enumerate(words):
        lower = word.lower()
        if k == 0 and len(words) > 1 and lower in UKRAINIAN_FIRST_NAMES:
            lower = UKRAINIAN_FIRST_NAMES[lower]
        else:
            ending = next(((ru, uk) for ru, uk in SURNAME_ENDINGS if lower.endswith(ru)), None)
            stem = lower[:-len(ending[0])] if ending else lower
            lower = "".join(SURNAME_LETTERS.get(ch, ch) for ch in stem) + (ending[1] if ending else "")
        out.append(lower[:1].upper() + lower[1:] if word[:1].isupper() else lower)
    return romanise(" ".join(out), "uk")
