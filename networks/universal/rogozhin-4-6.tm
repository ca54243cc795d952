# Rogozhin's universal Turing machine UTM(4,6): 4 states and 6 symbols
# (Y. Rogozhin, "Small universal Turing machines", Theoretical Computer
# Science 168(2), 1996, 215-240).  It simulates a 2-tag system written on its
# tape (docs/universal.md): halting letter read <=> this machine halts.
#
# The 22 transitions of the paper are the ones from q1 ... q4, unchanged.
# Two things are added so that the machine fits nnsim's conventions
# (semantics.md, section 7: the head starts on the first input symbol, and
# halting means entering a halting state):
#   - a prelude, `seek` and `back`, that walks from the tape's left end to
#     the first 1 of the tag word (where Rogozhin's machine starts, in q1):
#     right to the first c (or the blank after a one-letter word), then left
#     over the 1s to the b before them, then one step right;
#   - q3 reading < halts in the paper; here it enters the accepting state
#     `halt`, so a halted simulation is an accepted input.
# The blank is 0, as in the paper; the input symbols are the four that
# Rogozhin's initial tapes use, so a compiled network reads 2 bits a symbol
# (< = 00, b = 01, 1 = 10, c = 11).
machine rogozhin_4_6
tape 0 1 b < > c
input < b 1 c
blank 0
start seek
accept halt

seek < -> seek < R
seek b -> seek b R
seek 1 -> seek 1 R
seek c -> back c L
seek 0 -> back 0 L
back 1 -> back 1 L
back b -> q1 b R

# state read -> next write move; Rogozhin's table (entries write/move/next)
q1 0 -> q1 < L
q1 1 -> q1 < L
q1 b -> q1 > R
q1 < -> q1 0 R
q1 > -> q1 b L
q1 c -> q4 0 R
q2 0 -> q2 1 L
q2 1 -> q2 0 R
q2 b -> q3 > L
q2 < -> q2 > L
q2 > -> q2 < R
q2 c -> q2 b R
q3 0 -> q1 c R
q3 1 -> q3 1 R
q3 b -> q4 < R
q3 < -> halt < S      # the paper: halt
q3 > -> q3 b R
q3 c -> q1 1 R
q4 0 -> q2 c L
q4 1 -> q4 0 R
q4 b -> q2 c L
q4 > -> q4 < R
q4 c -> q4 b R
# q4 reading < is undefined in the paper (it never happens): no transition.
