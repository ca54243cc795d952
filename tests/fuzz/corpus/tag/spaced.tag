tag spaced
x1 -> x2 x2 halt
x2 -> x1
halt -> x1 x1
halt stop e
