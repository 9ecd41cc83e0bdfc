"""Visible stand-ins for control characters, so article text can never drive the terminal.

No Textual API strips escape sequences: an ESC, an OSC title sequence or an 8-bit CSI in a title
reaches the terminal as is. Every string from a file goes through `visible()` before display.
Each control character becomes exactly one character, so the parser's offsets stay valid.
"""

from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␀ ␁ ... ␛ ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"  # C1 controls have no pictures; the replacement character marks them


def visible(text: str) -> str:
    """`text` with C0/C1 controls (not newline or tab) and DEL replaced, one char for one."""
    if text.isprintable():  # the common case, and fast
        return text
    return _CONTROL.sub(_stand_in, text)


def one_line(text: str) -> str:
    """`visible(text)` on a single line: newlines and tabs become spaces (for list rows)."""
    return visible(text).replace("\n", " ").replace("\t", " ")
