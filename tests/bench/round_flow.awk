# A generated policy round for tests/bench/rounds.sh: k lines of argument, about 5.25 k moves
# (k = 3050: 16,000), with every status - answers and frontlines, drops in the 2AC and the block,
# turns, late-free rebuttals, extensions into the last speeches, concessions - and weighed impacts.
#   awk -v k=3050 -f tests/bench/round_flow.awk > big.flow
# With -v cycles=1 the 1AR also cross-applies each frontline to the block answer against it,
# closing a cycle of two answers in about one line in seven.
BEGIN {
  srand(seed ? seed : 7);
  print "title: generated policy round"; print "motion: This House would test agon at scale"; print "format: policy"
  for (i = 1; i <= k; i++) printf "1AC new a%d: advantage %d {m=%.2f p=%.2f}\n", i, i, rand(), rand()
  for (i = 1; i <= k; i++) {
    if (i % 5) printf "1NC attack n%d > a%d: answer to a%d\n", i, i, i
    if (i % 4 == 0) printf "1NC new d%d: disadvantage %d {m=%.2f p=%.2f r=%.2f}\n", i, i, rand(), rand(), rand()
  }
  for (i = 1; i <= k; i++) {
    if (i % 5 && i % 3) printf "2AC attack r%d > n%d: frontline %d\n", i, i, i
    if (i % 4 == 0) { if (i % 8 == 0) printf "2AC turn t%d > d%d: link turn %d\n", i, i, i; else printf "2AC attack q%d > d%d: no link %d\n", i, i, i }
  }
  for (i = 1; i <= k; i++) if (i % 5 && i % 3 && i % 2 == 0) printf "2NC attack s%d > r%d: block answer %d\n", i, i, i
  for (i = 1; i <= k; i++) if (i % 16 == 0) printf "1NR attack u%d > t%d: answer to the turn %d\n", i, i, i
  for (i = 1; i <= k; i++) {
    if (i % 3 != 1) printf "1AR extend a%d\n", i
    if (i % 5 && i % 3 && i % 2 == 0 && i % 7) printf "1AR attack v%d > s%d: rebuttal %d\n", i, i, i
    if (cycles && i % 5 && i % 3 && i % 2 == 0) printf "1AR cross-apply r%d > s%d\n", i, i
    if (i % 8 == 0) printf "1AR extend t%d\n", i
  }
  for (i = 1; i <= k; i++) {
    if (i % 4 == 0 && i % 8) printf "2NR extend d%d\n", i
    if (i % 5 && i % 6 == 0) printf "2NR extend n%d\n", i
    if (i % 11 == 0 && i % 5 == 0) printf "2NR concede a%d\n", i
  }
  for (i = 1; i <= k; i++) {
    if (i % 3 != 1) printf "2AR extend a%d\n", i
    if (i % 8 == 0) printf "2AR extend t%d\n", i
  }
}
