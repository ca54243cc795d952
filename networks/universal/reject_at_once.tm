# A machine that rejects at once, the smallest kind a Turing machine can go
# through the universal network in practice (docs/universal.md): its
# Cocke–Minsky system halts after no step, and Rogozhin's machine reads the
# halting letter after 57,789 transitions.
#     nnsim check universal --machine networks/universal/reject_at_once.tm --word 1
machine reject_at_once
tape 0 1
input 1
blank 0
start no
accept yes
reject no
