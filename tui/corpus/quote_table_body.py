"""The body of a quote table's side file (quote_table_file.py): a pickle of plain data whose big
number columns are kept beside it, out of band (pickle protocol 5), so reading them back copies
nothing: each column is a read-only view of the body read from the file, and numpy reads it as it
is (a million articles: 6 million quotes, ~600 MB of columns, and ~0.4 s of copying in the
unpickler saved, with as much memory at its peak).

    count                 <Q: how many columns are out of band
    lengths               count x <Q: each one's length in bytes
    pickle length         <Q
    pickle                protocol 5; each column out of band a NEXT_BUFFER in its place
    columns               each from an offset that is a multiple of 8 (numpy reads them aligned)

What goes out of band: every number column as `column_state` gives it, a (dtype name, bytes) pair,
and the table's own columns (`OUT_OF_BAND_NAMES`), when big enough to be worth it. Strings' blobs
stay in the pickle: they are read as bytes (decoded one string at a time).
"""

from __future__ import annotations

import io
import pickle
import struct

from .quote_table import ARRAYS
from .quote_table_strings import DTYPES

OUT_OF_BAND_FROM = 1 << 16  # columns of this many bytes or more; smaller ones are not worth a buffer
OUT_OF_BAND_NAMES = frozenset({*ARRAYS, "kind"})  # the table's columns, saved as bytes under these names
ALIGN = 8
_COUNT = struct.Struct("<Q")


def encode(state: dict) -> list[bytes | memoryview]:
    """The body's parts, to be written one after the other."""
    columns: list[pickle.PickleBuffer] = []
    stream = pickle.dumps(_marked(state), protocol=5, buffer_callback=columns.append)
    raws = [column.raw() for column in columns]
    parts: list[bytes | memoryview] = [_COUNT.pack(len(raws)), *(_COUNT.pack(raw.nbytes) for raw in raws)]
    parts += [_COUNT.pack(len(stream)), stream]
    at = sum(len(part) for part in parts)
    for raw in raws:
        parts.append(bytes(-at % ALIGN))
        at += -at % ALIGN + raw.nbytes
        parts.append(raw)
    return parts


def decode(body: bytes, unpickler: type[pickle.Unpickler]) -> object:
    """The state `encode` wrote (its columns read-only views of `body`), unpickled by `unpickler`
    (which loads plain data only); ValueError or an unpickling error when the body does not add up."""
    view = memoryview(body)
    (count,) = _COUNT.unpack_from(view, 0)
    if count > len(body) // _COUNT.size:
        raise ValueError("too many columns")
    lengths = struct.unpack_from(f"<{count}Q", view, _COUNT.size)
    at = _COUNT.size * (count + 1)
    (stream_length,) = _COUNT.unpack_from(view, at)
    at += _COUNT.size
    stream = view[at : at + stream_length]
    at += stream_length
    columns = []
    for length in lengths:
        at += -at % ALIGN
        if at + length > len(body):
            raise ValueError("a column past the end")
        columns.append(view[at : at + length])
        at += length
    if at != len(body) or len(stream) != stream_length:
        raise ValueError("lengths do not add up")
    return unpickler(io.BytesIO(stream), buffers=columns).load()


def _marked(item: object, name: str = "") -> object:
    """The state with each column to keep out of band wrapped in a PickleBuffer."""
    if isinstance(item, dict):
        return {key: _marked(value, key if isinstance(key, str) else "") for key, value in item.items()}
    if isinstance(item, bytes) and name in OUT_OF_BAND_NAMES and len(item) >= OUT_OF_BAND_FROM:
        return pickle.PickleBuffer(item)
    if isinstance(item, tuple) and _is_column(item):
        return item[0], pickle.PickleBuffer(item[1])
    if isinstance(item, (tuple, list)):
        return type(item)(_marked(part) for part in item)
    return item


def _is_column(item: tuple) -> bool:
    """A `column_state` pair: (dtype name, bytes), big enough to go out of band."""
    if len(item) != 2 or not isinstance(item[0], str) or not isinstance(item[1], bytes):
        return False
    return item[0] in DTYPES and len(item[1]) >= OUT_OF_BAND_FROM
