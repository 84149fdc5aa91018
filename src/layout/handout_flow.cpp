#include "layout/handout_flow.h"

#include "layout/block_flow.h"
#include "layout/handout_sections.h"
#include "text/hyphenation.h"
#include "text/scripts.h"
#include "util/text.h"

namespace handout {

namespace {

// The article's key terms, which hyphenation never splits ("Vagin-/ismus"): the words of its
// title, headings and keywords.
void heading_texts(const std::vector<Block>& blocks, std::vector<std::string>& out) {
  for (const auto& b : blocks) {
    if (b.kind == BlockKind::Heading) out.push_back(plain_text(b.spans));
    heading_texts(b.children, out);
  }
}

}  // namespace

FlowBuilder::Punctuation handout_punctuation(const Strings& strings) {
  FlowBuilder::Punctuation p;
  if (const auto& l = strings.get("label_separator"); !l.empty()) p.label = l;
  if (const auto& l = strings.get("list_separator"); !l.empty()) p.list = l;
  return p;
}

Flow build_handout_flow(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                        ContactBlock contact, Structure* tree, const std::string& end_note,
                        const NoticeForm& notice_form, BoxLabel box_label) {
  std::unique_ptr<Hyphenator> hyphenator;
  if (in.hyphenator) {
    std::vector<std::string> key_terms{in.meta->title};
    key_terms.insert(key_terms.end(), in.meta->keywords.begin(), in.meta->keywords.end());
    heading_texts(in.body->blocks, key_terms);
    hyphenator = in.hyphenator->keeping_whole(key_terms);
  }
  FlowBuilder b(style, fonts, in.article_file, diags, style.column_width(), hyphenator.get());
  b.set_punctuation(handout_punctuation(*in.strings));
  if (tree) b.set_structure(tree);
  const auto& strings = *in.strings;
  b.set_images(&in.images);
  if (in.personal) add_personal_block(b, *in.personal);
  b.blocks(in.body->blocks);
  // In a handout whose title is in another script, names in Latin letters are in the language
  // the article was written in (English unless its front matter says otherwise).
  const std::string names_lang =
      written_in_latin(in.meta->title) ? "" : in.meta->source_language.empty() ? "en" : in.meta->source_language;
  add_resources_box(b, strings.get("helpful_resources"), in.intro, in.resources, strings, names_lang,
                    box_label == BoxLabel::Always ? ResourcesPlace::OwnSection
                                                  : resources_place(in.body->blocks, in.intro));
  if (!end_note.empty()) {
    b.space_before(style.box_space_before);
    FlowBox note;
    note.height = b.stack_as("P", note, b.set(plain_spans(end_note), style.notice, b.width(), {in.article_file, 0}),
                             style.notice, 0, 0);
    b.add_box(std::move(note));
  }
  if (contact == ContactBlock::InFlow) add_contact_block(b, strings.get("contact_us"), *in.clinic, strings);
  const std::string& notice = strings.get("language_assistance_title");
  add_assistance_block(b, notice, in.taglines, continued_label(strings, notice), notice_form);
  return b.take();
}

FlowBox build_contact_box(const HandoutInput& in, const Style& style, const FontSet& fonts, Diagnostics& diags,
                          Structure& tree) {
  FlowBuilder b(style, fonts, in.article_file, diags, style.column_width(), nullptr);
  b.set_punctuation(handout_punctuation(*in.strings));
  b.set_structure(&tree);
  add_contact_block(b, in.strings->get("contact_us"), *in.clinic, *in.strings,
                    {in.strings->get("online_copy"), in.online_url});
  // One box: the section's rule (its own box in a flow, at the same top) drawn with it.
  Flow flow = b.take();
  FlowBox box = std::move(flow.boxes.back());
  for (std::size_t i = 0; i + 1 < flow.boxes.size(); ++i)
    box.items.insert(box.items.begin(), flow.boxes[i].items.begin(), flow.boxes[i].items.end());
  return box;
}

}  // namespace handout
