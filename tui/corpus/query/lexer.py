"""Reading a filter's text into tokens: words, phrases, `field:value`, operators."""

from __future__ import annotations

import re
from dataclasses import dataclass

FIELD_NAME = re.compile(r"[A-Za-z]+")
STOP = frozenset('()|"')  # characters that end a bare word
NOTHING_TO_EXCLUDE = "nothing to exclude after '-'"


@dataclass(frozen=True)
class Token:
    kind: str  # "word", "phrase", "field", "(", ")", "or", "-", "end", "error"
    pos: int
    text: str = ""  # the word, phrase, field value, operator as typed, or error message
    name: str = ""  # the field's name
    value_pos: int = 0


def lex(text: str) -> list[Token]:
    """Split a filter into tokens. A token the lexer cannot read becomes an "error" token and
    ends the list, so the parser reports errors left to right."""
    out: list[Token] = []
    i, n = 0, len(text)
    while i < n and (not out or out[-1].kind != "error"):
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()|":
            out.append(Token("or" if char == "|" else char, i, char))
            i += 1
        elif char == '"':
            token, i = lex_phrase(text, i)
            out.append(token)
        elif char == "-":
            lone = i + 1 == n or text[i + 1].isspace()
            out.append(Token("error", i, NOTHING_TO_EXCLUDE) if lone else Token("-", i, char))
            i += 1
        else:
            token, i = lex_term(text, i)
            out.append(token)
    out.append(Token("end", n))
    return out


def lex_phrase(text: str, start: int) -> tuple[Token, int]:
    end = text.find('"', start + 1)
    if end < 0:
        return Token("error", start, "missing closing '\"'"), len(text)
    return Token("phrase", start, text[start + 1 : end]), end + 1


def lex_term(text: str, start: int) -> tuple[Token, int]:
    """A bare word, `OR`, or `field:value` (the value may be quoted)."""
    end = start
    while end < len(text) and not text[end].isspace() and text[end] not in STOP:
        end += 1
    run = text[start:end]
    name, colon, value = run.partition(":")
    if not colon or not FIELD_NAME.fullmatch(name):
        if run.startswith(":"):
            return Token("error", start, "missing field name before ':'"), end
        kind = "or" if run.upper() == "OR" else "word"
        return Token(kind, start, run), end
    if not value and end < len(text) and text[end] == '"':
        quoted, after = lex_phrase(text, end)
        if quoted.kind == "error":
            return quoted, after
        return Token("field", start, quoted.text, name, end + 1), after
    return Token("field", start, value, name, start + len(name) + 1), end
