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

What goes out of band: every bytes object big enough to be worth it (a number column, a blob of
strings); each is read back as a read-only memoryview, which the readers of the state take as they
take bytes (quote_table_state.py, quote_table_strings.py). Nothing big stays in the pickle, so the
body read is all the memory the table's columns and strings hold.
"""

from __future__ import annotations

import io
import pickle
import struct

OUT_OF_BAND_FROM = 1 << 12  # bytes objects of this many bytes or more; smaller ones are not worth a buffer
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


def _marked(item: object) -> object:
    """The state with each bytes object big enough wrapped in a PickleBuffer (kept out of band)."""
    if isinstance(item, dict):
        return {key: _marked(value) for key, value in item.items()}
    if isinstance(item, bytes) and len(item) >= OUT_OF_BAND_FROM:
        return pickle.PickleBuffer(item)
    if isinstance(item, (tuple, list)):
        return type(item)(_marked(part) for part in item)
    return item
