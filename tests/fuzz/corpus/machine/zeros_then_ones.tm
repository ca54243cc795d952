# 0^n 1^n for n >= 0: a language no finite automaton accepts.  The machine
# crosses off the leftmost 0 (X) and the leftmost 1 (Y) and goes back, until
# only crossed-off symbols are left.  A missing transition rejects.
#   nnsim tm networks/machines/zeros_then_ones.tm 0011 --trace
machine zeros_then_ones
tape 0 1 X Y _
blank _
start q0
accept yes

q0 0 -> q1 X R            # cross off a 0, look for its 1
q0 Y -> q3 Y R            # no 0 left: only Ys may follow
q0 _ -> yes _ S           # the empty word
q1 0 -> q1 0 R
q1 Y -> q1 Y R
q1 1 -> q2 Y L            # cross off the matching 1
q2 0 -> q2 0 L
q2 Y -> q2 Y L
q2 X -> q0 X R            # back at the crossed-off 0s
q3 Y -> q3 Y R
q3 _ -> yes _ S
