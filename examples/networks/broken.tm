# A machine file that does not load: the transition writes the symbol 2,
# which is not in its tape alphabet (docs/languages.md shows the error).
#   nnsim tm examples/networks/broken.tm 0    # exit code 2
tape 0 1 _
blank _
start q
accept yes

q 0 -> q 2 R
