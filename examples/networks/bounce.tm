# A machine that never halts: it moves right, then left, then right again
# over the same two cells without writing anything new, so a configuration
# repeats and the direct run proves that it runs forever (docs/languages.md).
#   nnsim tm examples/networks/bounce.tm 1 --trace    # runs forever, period 2
machine bounce
tape 0 1 _
blank _
start q
accept yes

q 0 -> p 0 R
q 1 -> p 1 R
q _ -> p _ R
p 0 -> q 0 L
p 1 -> q 1 L
p _ -> q _ L
