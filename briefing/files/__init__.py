"""Files the program writes (exports, notes, the library index): only ever whole, never half-written.

No dependency on the rest of `briefing`: every layer that writes a file can use it.
"""

from briefing.files.atomic import Terminated, write_atomic

__all__ = ["Terminated", "write_atomic"]
