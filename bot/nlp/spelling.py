"""A spaCy component that reads a misspelt domain word as the word ("outsorcing",
"bookeeping", "similarites", "custommer service").

A token is corrected when it is not an English word (a frequent one in spaCy's English
word frequencies, or a form its lookup lemmatizer knows; `spacy-lookups-data`), no
English word other than the patterns' own is one edit from it ("durning" may be
"during"), and it is one edit from exactly one of the words the entity patterns use:
two letters swapped or a letter doubled or undoubled (these win over other edits), or,
in words of seven letters or more, any one letter added, dropped or replaced, unless
the word is the other with a prefix or an ending ("freelancers", "repayments"). The
correction goes into the token's NORM, which the entity rulers match on; the text
the visitor typed and the lemmas the classifiers' word features use are unchanged
(corrected lemmas in the training data shifted the classifiers enough to cost honest
dialogues). Every other token's NORM is its lowercase form, so the patterns match as
if on LOWER.
"""

import gzip
import json
import re
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Sequence, Set

import srsly
from spacy.language import Language
from spacy.tokens import Doc

_WORD = re.compile(r"^[a-z]+$")
_CONSONANTS = re.compile(r"^[b-df-hj-np-tv-z]+$")
_VOWELS = re.compile(r"[aeiou]")
# a word with a log probability at least this high in spaCy's English frequencies is a
# real word, whatever it looks like ("enter" is no misspelt "center")
COMMON_FROM = -15.0
SHORTEST = 5  # shorter words have too many real neighbours
# below this length only a swap or a doubled letter is a slip ("slaes", "payrol"): short
# names and foreign words are one other edit from too many of the words ("taskus", "cerca")
ANY_EDIT_FROM = 7
_SLIPS = ("swap", "double")


@Language.factory(
    "domain_spelling",
    default_config={"min_length": SHORTEST, "any_edit_from": ANY_EDIT_FROM},
)
def make_domain_spelling(
    nlp: Language, name: str, min_length: int, any_edit_from: int
) -> "DomainSpelling":
    return DomainSpelling(nlp, name, min_length, any_edit_from)


def pattern_words(patterns: Iterable[Dict]) -> Set[str]:
    """The lowercase words of entity_ruler patterns, phrase and token patterns alike."""
    words: Set[str] = set()
    for entry in patterns:
        pattern = entry["pattern"]
        if isinstance(pattern, str):
            words.update(pattern.lower().split())
            continue
        for token in pattern:
            for key in ("LOWER", "NORM", "ORTH"):
                value = token.get(key)
                if isinstance(value, str):
                    words.add(value.lower())
                elif isinstance(value, dict) and isinstance(value.get("IN"), list):
                    words.update(str(v).lower() for v in value["IN"])
    return words


def common_words() -> Set[str]:
    """English words: the frequent ones, and every form the lookup lemmatizer knows
    ("organiser", "carers" are rare, but words)."""
    import spacy_lookups_data

    data = Path(spacy_lookups_data.__file__).parent / "data"
    probabilities = _read(data / "en_lexeme_prob.json.gz")
    lemmas = _read(data / "en_lemma_lookup.json.gz")
    words = {w for w, p in probabilities.items() if p >= COMMON_FROM}
    words |= set(lemmas) | set(lemmas.values())
    return {w for w in words if _WORD.match(w)}


def _read(path: Path) -> Dict[str, Any]:
    with gzip.open(path, "rt", encoding="utf8") as file:
        return json.load(file)


def edit(word: str, target: str) -> Optional[str]:
    """The one edit that makes `target` of `word`: "swap" (two neighbouring letters),
    "double" (a letter doubled or undoubled), "insert", "delete" or "replace"; None
    when it takes more than one."""
    if word == target or abs(len(word) - len(target)) > 1:
        return None
    if len(word) == len(target):
        wrong = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(wrong) == 1:
            return "replace"
        if len(wrong) == 2 and wrong[1] == wrong[0] + 1 and word[wrong[0]] == target[wrong[1]]:
            if word[wrong[1]] == target[wrong[0]]:
                return "swap"
        return None
    longer, shorter = (word, target) if len(word) > len(target) else (target, word)
    pairs = enumerate(zip(longer, shorter, strict=False))
    i = next((i for i, (a, b) in pairs if a != b), len(shorter))
    if longer[:i] + longer[i + 1 :] != shorter:
        return None
    extra = longer[i]
    if (i > 0 and longer[i - 1] == extra) or (i + 1 < len(longer) and longer[i + 1] == extra):
        return "double"
    return "delete" if len(word) > len(target) else "insert"


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def neighbours(word: str) -> Set[str]:
    """Every string one edit from `word`: a letter dropped, swapped, replaced or added."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return {
        *(a + b[1:] for a, b in splits if b),
        *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
        *(a + c + b[1:] for a, b in splits if b for c in _LETTERS),
        *(a + c + b for a, b in splits for c in _LETTERS),
    }


def inflected(word: str, target: str) -> bool:
    """One word is the other with something before or after it ("freelancers",
    "repayments", "salesy"), or its British or American spelling ("organiser")."""
    if word.startswith(target) or target.startswith(word):
        return True
    if word.endswith(target) or target.endswith(word):
        return True
    return word.replace("s", "z") == target.replace("s", "z")


class DomainSpelling:
    def __init__(self, nlp: Language, name: str, min_length: int, any_edit_from: int) -> None:
        self.nlp = nlp
        self.name = name
        self.min_length = min_length
        self.any_edit_from = any_edit_from
        self.targets: Set[str] = set()
        self.known: Set[str] = set()

    def initialize(
        self,
        get_examples=None,
        *,
        nlp=None,
        patterns: Optional[Sequence[Dict[str, Any]]] = None,
        follow_up_patterns: Optional[Sequence[Dict[str, Any]]] = None,
    ) -> None:
        self.known = common_words()
        words = pattern_words(patterns or []) | pattern_words(follow_up_patterns or [])
        self.targets = {w for w in words if _WORD.match(w) and len(w) >= self.min_length}

    def correction(self, word: str) -> Optional[str]:
        if word in self.known or word in self.targets:
            return None
        skeleton = self.by_consonants(word)
        if skeleton:
            return skeleton
        if len(word) < self.min_length:
            return None
        if not _WORD.match(word):
            return None
        if word.endswith("ys") and word[:-2] + "ies" in self.targets:
            return word[:-2] + "ies"  # "industrys", "countrys": the plural spelt as said
        edits = {t: edit(word, t) for t in self.targets if abs(len(t) - len(word)) <= 1}
        edits = {t: kind for t, kind in edits.items() if kind}
        if not edits or (neighbours(word) & self.known) - self.targets:
            return None  # "durning" is "during" as likely as "dunning", "envolve" "involve"
        slips = [t for t, kind in edits.items() if kind in _SLIPS]
        if slips:  # "budgett": a doubled letter, before "budgets" with one replaced
            return slips[0] if len(slips) == 1 else None
        found = [
            t
            for t, kind in edits.items()
            if len(word) >= self.any_edit_from and not inflected(word, t)
        ]
        return found[0] if len(found) == 1 else None  # two words as near: no guess

    def by_consonants(self, word: str) -> Optional[str]:
        """A word texted without its vowels ("trnds", "cntr", "srvcs"): the one pattern word
        with those consonants (its spellings, "center", "centre", count as one: they start
        alike; "center" and "counter" do not)."""
        if len(word) < 4 or not _CONSONANTS.match(word):  # ("gst", "plc": abbreviations)
            return None
        found = {t for t in self.targets if _VOWELS.sub("", t) == word}
        return min(found) if len({t[:3] for t in found}) == 1 else None

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.norm_ = token.lower_
            target = self.correction(token.lower_)
            if target:
                token.norm_ = target
        return doc

    def to_disk(self, path, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        words = {"targets": sorted(self.targets), "known": sorted(self.known)}
        srsly.write_json(path / "words.json", words)

    def from_disk(self, path, exclude=tuple()) -> "DomainSpelling":
        words = srsly.read_json(Path(path) / "words.json")
        self.targets, self.known = set(words["targets"]), set(words["known"])
        return self
