"""The answer of ``extensions()``: a list that also says whether it is all of them."""


class Extensions(list):
    """The extensions found, each a list of claim ids, as a plain list.

    ``complete`` is False when ``limit`` cut the enumeration short: there are more
    extensions than the list holds (the ``"complete"`` of ``agon extensions --json``).
    """

    __slots__ = ("complete",)

    def __init__(self, sets=(), complete=True):
        super().__init__(sets)
        self.complete = bool(complete)

    def __repr__(self):
        return "Extensions(%s, complete=%r)" % (list.__repr__(self), self.complete)
