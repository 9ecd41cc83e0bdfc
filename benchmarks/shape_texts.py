"""The input shapes `shapes.py` times: each builds a text of about N repeats of a hostile pattern
(and optional JSON metadata). Every text is invented, except `bbc_joined`, which joins the BBC
corpus articles of the shared folder when it is there."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def invented(number: int, capital: bool = True) -> str:
    """A made-up word from a number ("Zabc"), different for every number, never a real name."""
    letters = ""
    number += 26 * 26
    while number:
        number, digit = divmod(number, 26)
        letters += _LETTERS[digit]
    return ("Z" if capital else "z") + letters


# Each shape: a text of about `n` repeats of its pattern, and optional JSON-like metadata.
Shape = Callable[[int], tuple[str, dict[str, str] | None]]


def _body(text: str) -> tuple[str, dict[str, str] | None]:
    return "A Title For The Test\n\n" + text, None


def quote_paragraph(n: int):
    return _body('word "quoted bit" said Ann Lee. ' * n)


def quote_paragraph_lines(n: int):
    return _body('word "quoted bit" said Ann Lee.\n\n' * n)


def mark_run(n: int):
    return _body("Ann Lee said the plan was fine" + "." * (n * 10) + " the end.")


def bang_run(n: int):
    return _body("Ann Lee said the plan was fine" + "!" * (n * 10) + " the end.")


def mixed_mark_run(n: int):
    return _body("Ann Lee said it" + ".?!" * (n * 4) + '" x. The end.')


def many_roles(n: int):
    return _body(
        "".join(f'{invented(k)} spokesman Ann Lee met them. "We are fine," the spokesman said. ' for k in range(n))
    )


def many_verbs_no_commas(n: int):
    return _body("Ann Lee said officials said the " * n + "it was over.")


def capitalised_run_org(n: int):
    return _body("It is " + " ".join(invented(k) for k in range(n)) + " Delta Bank, they said.")


def capitalised_run_cues(n: int):
    return _body(" ".join(f"{invented(k)} said" for k in range(n)) + " it.")


def capitalised_run_plain(n: int):
    return _body("It is " + " ".join(invented(k) for k in range(n)) + " here.")


def first_names(n: int):
    people = "".join(f"Anna {invented(k)} spoke. " for k in range(n))
    lone = "It was fine, Anna said. " * n
    return _body(people + lone)


def shared_first_word(n: int):
    return _body("".join(f"Anna {invented(k)} said it. " for k in range(n)) + "Then Zed Anna left. " * n)


def many_verbs(n: int):
    return _body("officials said the, " * n + "it was over.")


def many_verbs_sentences(n: int):
    return _body("Officials said the talks had failed, Ann Lee said. " * n)


def json_date(n: int):
    return "Body text here.", {"date": "1" * (n * 20)}


def json_date_words(n: int):
    return "Body text here.", {"date": "Jan 5 2020 " * n}


def nested_quotes(n: int):
    return _body('She said "a \'b "c \u201cd \u00abe ' * n + "end.")


def straight_quote_run(n: int):
    return _body("Ann said " + '"' * (n * 10) + " it.")


def unicode_quotes(n: int):
    return _body("\u201cOne thing,\u201d said Ann Lee. \u00abTwo\u00bb, he said. \u201eThree\u201c. " * n)


def open_quotes_paragraphs(n: int):
    return _body("\u201cThis goes on and on and it goes on\n\n" * n)


def paragraphs(n: int):
    return _body('"We are fine," Ann Lee said.\n\nThe rest of it was calm.\n\n' * n)


def huge_sentence(n: int):
    return _body("the cat sat on the mat and " * (n * 2) + "said Ann Lee.")


def huge_words(n: int):
    return _body("Ann said " + "x" * (n * 50) + " and " + "Y" * (n * 50) + ".")


def pronouns(n: int):
    return _body("Ann Lee arrived. " + '"Fine," he said. "Good," she said. ' * n)


def many_orgs(n: int):
    return _body("".join(f"{invented(k)} Bank said it grew. " for k in range(n)) + "The bank said no. " * n)


def many_people(n: int):
    return _body("".join(f"{invented(k)} {invented(k + 7)} said it was fine. " for k in range(n)))


def many_people_then_surnames(n: int):
    people = "".join(f"Anna {invented(k)} came. " for k in range(n))
    return _body(people + "".join(f"{invented(k)} said it was fine. " for k in range(n)))


def deep_parentheses(n: int):
    return _body("Ann Lee (" * n + "said" + ")" * n + " it.")


def colons(n: int):
    return _body("Ann Lee said: " * n + '"fine."')


def dashes(n: int):
    return _body("Ann Lee \u2014 said \u2013 " * n + "\u2015 Ann Lee")


def commas(n: int):
    return _body("Ann Lee, " * n + "said it.")


def according_to(n: int):
    return _body("According to Ann Lee, " * n + "it was fine.")


def abbreviations(n: int):
    return _body("Mr. Dr. U.S. Inc. " * n + "said it.")


def initials(n: int):
    return _body(" ".join(f"{chr(65 + k % 26)}." for k in range(n * 4)) + " Lee said it.")


def dotted_word(n: int):
    return _body("Ann said " + "U.S." * (n * 10) + " fine.")


def hyphen_chain(n: int):
    return _body("Ann said " + "-".join(invented(k) for k in range(n)) + " fine.")


def participles(n: int):
    return _body("Ann Lee left, saying " * n + "it was fine.")


def wire_lines(n: int):
    return "".join(f"LONDON (Reuters) - {invented(k)} said it.\n" for k in range(n)), None


def whitespace(n: int):
    return _body("Ann said\n" + " \t" * (n * 20) + "\n" + " " * (n * 20) + "fine.")


def blank_lines(n: int):
    return _body("Ann said it.\n" + "\n \n" * (n * 5) + "fine.")


def apostrophes(n: int):
    return _body("Ann Lee's " * n + "dog's said it.")


def possessive_runs(n: int):
    return _body(" ".join(f"{invented(k)}'s" for k in range(n)) + " said it.")


def long_name_runs(n: int):
    return _body(
        "".join(
            f"Said {invented(k)} {invented(k + 1)} {invented(k + 2)} of the {invented(k + 3)} Bank. " for k in range(n)
        )
    )


def connector_runs(n: int):
    return _body("Bank " + " of the ".join(invented(k) for k in range(n)) + " said it.")


def bbc_joined(n: int, shared: Path | None = None):
    folder = (shared or ROOT.parent / "shared") / "corpora" / "bbc"
    files = sorted(folder.rglob("*.txt"))
    if not files:
        return None
    texts: list[str] = []
    for path in files:
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
        if sum(map(len, texts)) >= n * 400:
            break
    return "\n\n".join(texts), None


SHAPES: dict[str, tuple[Shape, int]] = {  # name -> (builder, N for a full run)
    "quote_paragraph": (quote_paragraph, 4000),
    "quote_paragraph_lines": (quote_paragraph_lines, 4000),
    "mark_run": (mark_run, 4000),
    "bang_run": (bang_run, 4000),
    "mixed_mark_run": (mixed_mark_run, 4000),
    "many_roles": (many_roles, 1000),
    "capitalised_run_org": (capitalised_run_org, 4000),
    "capitalised_run_cues": (capitalised_run_cues, 4000),
    "capitalised_run_plain": (capitalised_run_plain, 4000),
    "first_names": (first_names, 4000),
    "bbc_joined": (bbc_joined, 2000),
    "shared_first_word": (shared_first_word, 4000),
    "many_verbs": (many_verbs, 4000),
    "many_verbs_no_commas": (many_verbs_no_commas, 4000),
    "many_verbs_sentences": (many_verbs_sentences, 4000),
    "json_date": (json_date, 4000),
    "json_date_words": (json_date_words, 4000),
    "nested_quotes": (nested_quotes, 4000),
    "straight_quote_run": (straight_quote_run, 4000),
    "unicode_quotes": (unicode_quotes, 4000),
    "open_quotes_paragraphs": (open_quotes_paragraphs, 4000),
    "paragraphs": (paragraphs, 4000),
    "huge_sentence": (huge_sentence, 4000),
    "huge_words": (huge_words, 4000),
    "pronouns": (pronouns, 4000),
    "many_orgs": (many_orgs, 4000),
    "many_people": (many_people, 4000),
    "many_people_then_surnames": (many_people_then_surnames, 4000),
    "deep_parentheses": (deep_parentheses, 4000),
    "colons": (colons, 4000),
    "dashes": (dashes, 4000),
    "commas": (commas, 4000),
    "according_to": (according_to, 4000),
    "abbreviations": (abbreviations, 4000),
    "initials": (initials, 4000),
    "dotted_word": (dotted_word, 4000),
    "hyphen_chain": (hyphen_chain, 4000),
    "participles": (participles, 4000),
    "wire_lines": (wire_lines, 4000),
    "whitespace": (whitespace, 4000),
    "blank_lines": (blank_lines, 4000),
    "apostrophes": (apostrophes, 4000),
    "possessive_runs": (possessive_runs, 4000),
    "long_name_runs": (long_name_runs, 4000),
    "connector_runs": (connector_runs, 4000),
}


def build(name: str, n: int, shared: Path | None) -> tuple[str, dict[str, str] | None] | None:
    builder = SHAPES[name][0]
    return builder(n, shared) if builder is bbc_joined else builder(n)  # type: ignore[call-arg]
