// The handout's own sections, built from FlowBuilder's steps: the title block, the boxed list
// of helpful resources and the clinic's contact block. The only part of the flow that knows
// clinic types.
#pragma once
#include <string>
#include <vector>

#include "config/types.h"
#include "layout/block_flow.h"

namespace handout {

/// The title block: title, summary, a meta line (e.g. the review date) and notices in small type.
void add_title_block(FlowBuilder& b, const std::string& title, const std::string& summary, const std::string& meta,
                     const std::vector<Notice>& notices = {});

/// The boxed resources section. Nothing is added when the list is empty. `names_lang`, when
/// given, is the language of resource names written in Latin letters (names stay in their
/// original form in a handout in another script).
void add_resources_box(FlowBuilder& b, const std::string& label, const std::string& intro,
                       const std::vector<Resource>& resources, const Strings& strings,
                       const std::string& names_lang = "");

/// The clinic's contact block: who and where, how to reach the clinic, opening hours.
void add_contact_block(FlowBuilder& b, const std::string& label, const PrintedClinic& clinic, const Strings& strings);

}  // namespace handout
