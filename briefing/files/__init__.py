"""Files the program writes (only ever whole, never half-written) and reads (only regular ones, bounded).

No dependency on the rest of `briefing`: every layer that writes a file can use it.
"""

from briefing.files.atomic import Terminated, remove_unfinished, write_atomic
from briefing.files.reading import FileTooLarge, NotARegularFile, read_bounded

__all__ = ["FileTooLarge", "NotARegularFile", "Terminated", "read_bounded", "remove_unfinished", "write_atomic"]
