# The 2-tag system of Rogozhin's example (TCS 168, 1996), in his form: one
# letter a1 = an with P(a1) = a1 a1, and the halting letter a2.  On the word
# a1 a1 a2 it halts after one step; Rogozhin's UTM(4,6) takes 517
# transitions for it (docs/tag-systems.md, "Rogozhin's tape").
#     nnsim tag networks/universal/rogozhin-517.tag --word 'a1 a1 a2' --trace
tag rogozhin_517
a1 -> a1 a1
halt a2
