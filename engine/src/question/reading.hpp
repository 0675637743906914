// Internal: how a request is read by the questions on extension semantics -
// the one place that decides the semantics, the support mode and the
// attack-only view that evaluate, extensions and explain share.
#pragma once

#include <optional>
#include <string>

#include "agon/bipolar.hpp"
#include "agon/extensions.hpp"
#include "agon/semantics.hpp"

namespace agon {

struct Reading {
    /// The extension semantics named, when the request names one that
    /// evaluate knows; std::nullopt for gradual semantics and Carneades.
    std::optional<ExtensionSemantics> semantics;
    SupportMode mode = SupportMode::none;
    /// The attack-only view, built only for an extension semantics read
    /// without evidential support.
    std::optional<AttackView> view;
};

/// Read `request` on `s`. Throws usage for an unknown support mode and, for
/// an extension semantics, for parameters other than `support`.
Reading extension_reading(const Snapshot& s, const Request& request, const Control& control);

/// "grounded, complete, preferred, stable, semi-stable, stage, ideal".
std::string extension_semantics_list();

}  // namespace agon
