// The handout's own sections, built from FlowBuilder's steps: the title block, the boxed list
// of helpful resources and the clinic's contact block. The only part of the flow that knows
// clinic types.
#pragma once
#include <string>
#include <vector>

#include "config/types.h"
#include "layout/block_flow.h"
#include "layout/layout_types.h"

namespace handout {

/// Where a handout is online, printed as "<label>: <address>" beside its QR code.
struct OnlineCopy {
  std::string label;
  std::string url;  ///< empty: no online copy
};

/// What the title block says.
struct TitleText {
  std::string title, summary;
  std::string meta;              ///< e.g. the review date
  std::vector<Notice> notices;   ///< in small type
  OnlineCopy online;             ///< with a QR code at the block's right when the style draws one
};

/// The title block: title, summary, meta line, the online copy's address, notices.
void add_title_block(FlowBuilder& b, const TitleText& text);

/// A section's label at the top of a page it continues on: the strings' `continued` pattern
/// ("{label} (continued)"), the label alone where a language has none.
std::string continued_label(const Strings& strings, const std::string& label);

/// Where the resources box stands after the article.
enum class ResourcesPlace {
  OwnSection,   ///< a section of its own under its label (tagged Sect, H2): the article ends on another topic
  LastSection,  ///< the close of the article's last section, whose heading names it: no label of its
                ///< own, its intro leads in (tagged Div inside that section's run of content)
};

/// Where the resources box goes: under the article's last section when that section is its
/// lead-in (LastSection), else a section of its own. Decided from the article's structure, in
/// any language: its last heading is followed by running text alone (paragraphs; no list,
/// table, figure, quote, code or sub-heading), and the box has an intro to open it.
ResourcesPlace resources_place(const std::vector<Block>& article, const std::string& intro);

/// The boxed resources section. Nothing is added when the list is empty. `names_lang`, when
/// given, is the language of resource names written in Latin letters (names stay in their
/// original form in a handout in another script). `label` heads the box (OwnSection) and, in
/// either place, the "(continued)" line on a page the list runs on to.
void add_resources_box(FlowBuilder& b, const std::string& label, const std::string& intro,
                       const std::vector<Resource>& resources, const Strings& strings,
                       const std::string& names_lang = "", ResourcesPlace place = ResourcesPlace::OwnSection);

/// The clinic's contact block: who and where, how to reach the clinic, opening hours; and,
/// when given (the tri-fold's back panel), the online copy with its QR code.
void add_contact_block(FlowBuilder& b, const std::string& label, const PrintedClinic& clinic, const Strings& strings,
                       const OnlineCopy& online = {});

/// A patient's own copy: a tinted box with who it was prepared for, by whom and when, then the
/// clinician's note under its heading, before the article.
void add_personal_block(FlowBuilder& b, const PersonalCopy& personal);

/// The language-assistance notice: a heading in the handout's language, then each language's
/// tagline in its own language and script, after its name. Nothing when there are no taglines.
/// `continued`, when given, heads each later page the taglines run on to ("… (continued)").
void add_assistance_block(FlowBuilder& b, const std::string& label, const std::vector<Tagline>& taglines,
                          const std::string& continued = "", const NoticeForm& form = {});

}  // namespace handout
