# Words with as many 0s as 1s.  The machine crosses off the leftmost symbol
# that is left (X), then the first symbol of the other kind to its right,
# and returns to the left end; it accepts when nothing is left.
#   nnsim tm networks/machines/equal_count.tm 1001   # accept
machine equal_count
tape 0 1 X _
blank _
start q0
accept yes

q0 X -> q0 X R
q0 0 -> find1 X R
q0 1 -> find0 X R
q0 _ -> yes _ S
find1 0 -> find1 0 R
find1 X -> find1 X R
find1 1 -> back X L       # a 0 and a 1 crossed off
find0 1 -> find0 1 R
find0 X -> find0 X R
find0 0 -> back X L
back 0 -> back 0 L
back 1 -> back 1 L
back X -> back X L
back _ -> q0 _ R
