# Binary palindromes (the example of machine-format.md): erase the leftmost
# symbol, remember it in the state, check the rightmost symbol, erase it, and
# come back.
#   nnsim tm networks/machines/palindromes.tm 0110   # accept
machine palindromes
tape 0 1 _
blank _
start q0
accept yes
reject no

q0 0 -> r0 _ R        # remember a 0 at the left end, erase it
q0 1 -> r1 _ R
q0 _ -> yes _ S
r0 0 -> r0 0 R
r0 1 -> r0 1 R
r0 _ -> c0 _ L
r1 0 -> r1 0 R
r1 1 -> r1 1 R
r1 _ -> c1 _ L
c0 0 -> back _ L      # the right end matches: erase it, go back
c0 1 -> no 1 S
c0 _ -> yes _ S
c1 1 -> back _ L
c1 0 -> no 0 S
c1 _ -> yes _ S
back 0 -> back 0 L
back 1 -> back 1 L
back _ -> q0 _ R
