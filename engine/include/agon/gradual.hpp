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
// Unknown parameters, epsilon <= 0, step outside (0, 1], max_iterations < 1,
// method=topological on a cyclic graph and (for dfquad and quad, whose product
// aggregation needs contributions in [0,1]) an edge weight above 1 throw
// agon::Error of kind usage; the message names the parameter or the edge.
//
// Evaluation schemes (SEMANTICS.md §1). The dependency graph has x -> y when y
// reads x: x is the source of an attack/support into y or of an undercut
// (chain) on such an edge.
//   topological  acyclic graphs: one exact pass in topological order, O(n + m).
//   jacobi       s_0 = t, s_k+1 = T(s_k); stops when max |s_k+1 - s_k| < epsilon.
//                hcat/max/card run it strongly connected component by component
//                in topological order (upstream values are final first; their
//                fixpoint is unique, so this equals a global sweep).
//   rk4, euler   the continuous dynamics ds/dt = T(s) - s of Potyka 2018 (KR),
//                s(0) = t, integrated with step `step` (classic RK4, or explicit
//                Euler); stops when max |T(s) - s| < epsilon. Used on cycles by
//                dfquad, quad, euler, qe and mlp, whose plain iteration can
//                oscillate (Mossakowski & Neuhaus 2018).
// Each Jacobi sweep or ODE step costs O(n + m) (RK4: four applications of T),
// streaming flat in-edge arrays; undercuts add a pass over the edges.
//
// Result fields: strength (one value per claim); method (the scheme used, or
// "burden"); iterations = Jacobi sweeps (summed over components) or ODE steps
// taken, 0 for the topological pass, `depth` for burden; converged = false
// when max_iterations was reached before the stopping rule held - the values
// are then the last iterate and Result.warnings says so (the CLI prints it on
// stderr). It is never silent.
#pragma once

namespace agon {
// The gradual semantics have no API of their own: use agon::evaluate.
}  // namespace agon
