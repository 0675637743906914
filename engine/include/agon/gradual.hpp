// agon/gradual.hpp - gradual (quantitative bipolar) semantics: how strong is
// each claim once its attackers and supporters are weighed.
//
// Evaluated through agon::evaluate (semantics.hpp) with these names; the
// specification is ../shared/SEMANTICS.md, followed exactly:
//
//   hcat    weighted h-categorizer   s = t / (1 + sum att)          Besnard & Hunter 2001 (AIJ 128);
//                                                                   Amgoud, Ben-Naim, Doder, Vesic 2017 (IJCAI)
//   max     weighted max-based       s = t / (1 + max att)          Amgoud et al. 2017 (IJCAI)
//   card    weighted card-based      s = t / (1 + n + sum att / n)  Amgoud et al. 2017 (IJCAI)
//   dfquad  DF-QuAD                  product aggregation, linear    Rago, Toni, Aurisicchio, Baroni 2016 (KR)
//   quad    QuAD                     Baroni et al. 2015 (Argument & Computation 6(1))
//   euler   Euler-based              s = 1 - (1 - t^2)/(1 + t e^E)  Amgoud & Ben-Naim 2018 (IJAR 99)
//   qe      quadratic energy         Potyka 2018 (KR)
//   mlp     MLP-based                s = logistic(logit(t) + E)     Potyka 2021 (AAAI)
//   burden, burden_rank              Amgoud & Ben-Naim 2013 (SUM)
//
// where t is the base score, att/sup the contributions w_eff(e) * s(source)
// of attack/support edges and E = sum sup - sum att. Undercuts scale the edge
// they attack: w_eff(e) = w(e) * prod over undercuts u of (1 - min(1, w_eff(u) s(src u))).
// hcat, max, card and burden ignore supports.
//
// Parameters (all optional):
//   method          auto | topological | jacobi | rk4 | euler  (auto: topological on
//                   acyclic graphs, else jacobi for hcat/max/card and rk4 otherwise)
//   epsilon         stopping tolerance, > 0, default 1e-10
//   max_iterations  sweeps or steps before giving up, default 100000
//   step            RK4/Euler step, in (0, 1], default 0.1
//   depth           burden: number of steps, default 10
// Cyclic graphs are solved component by component over the condensation for
// hcat/max/card (their fixpoint is unique); the continuous dynamics of Potyka
// 2018 (ds/dt = T(s) - s, integrated with RK4) is used for the bipolar ones.
// A result that did not converge says so (converged = false) and carries a
// warning; it is never silent. Edge weights above 1 are rejected for dfquad
// and quad, whose product aggregation needs contributions in [0,1].
#pragma once

namespace agon {
// The gradual semantics have no API of their own: use agon::evaluate.
}  // namespace agon
