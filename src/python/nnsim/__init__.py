"""nnsim: exact simulation of neural networks in the lecture's computation model.

The library of the ``nnsim`` command for Python: load a network (``load``,
``parse``), run it (``Network.run``), step through it (``Network.trace``),
classify words (``Network.recognize``), encode and decode words (``encode``,
``decode``), build gates, Boolean networks and compiled Turing machines, and
decide linear separability.  Values are exact ``fractions.Fraction`` in
rational mode.  docs/python.md describes every function.

    >>> import nnsim
    >>> xor = nnsim.load("networks/lecture/xor.nn")
    >>> xor.run([1, 0]).outputs
    [Fraction(1, 1)]
"""

from ._nnsim import (
    Certificate,
    InputError,
    LimitError,
    Machine,
    MachineCheck,
    MachineRun,
    Network,
    NonFiniteError,
    Recognition,
    Result,
    Separability,
    Step,
    Trace,
    TruthRow,
    TruthTable,
    __version__,
    all_words,
    build_boolean,
    build_gate,
    check_machine,
    compile_machine,
    decode,
    encode,
    load,
    load_machine,
    parse,
    parse_machine,
    separable,
)

__all__ = [
    "Certificate",
    "InputError",
    "LimitError",
    "Machine",
    "MachineCheck",
    "MachineRun",
    "Network",
    "NonFiniteError",
    "Recognition",
    "Result",
    "Separability",
    "Step",
    "Trace",
    "TruthRow",
    "TruthTable",
    "all_words",
    "build_boolean",
    "build_gate",
    "check_machine",
    "compile_machine",
    "decode",
    "encode",
    "load",
    "load_machine",
    "parse",
    "parse_machine",
    "separable",
]

# The classes defined in the compiled module say they belong to nnsim.
for _name in __all__:
    _object = globals()[_name]
    if isinstance(_object, type):
        _object.__module__ = "nnsim"
del _name, _object
