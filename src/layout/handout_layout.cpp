#include "layout/handout_layout.h"

#include <algorithm>
#include <map>

#include "layout/block_flow.h"
#include "layout/page_furniture.h"
#include "layout/paginate.h"
#include "util/text.h"

namespace handout {
namespace {

struct PageArea {
  double top = 0, height = 0;
};

PageArea body_area(const Style& s, int page) {
  const double top = page == 0 ? s.header_band + 24 : s.margin_top + 8;
  return {top, s.page_height - s.margin_bottom - top};
}

// Draws each container's background on a page: from its first to its last box there,
// with padding added where a page break cut it.
void add_container_backgrounds(PageFrame& frame, const Flow& flow, const std::vector<PlacedBox>& placed,
                               const Style& s, double top) {
  std::map<int, std::pair<double, double>> extent;  // container -> (top, bottom)
  std::map<int, std::pair<bool, bool>> cut;          // container -> (cut above, cut below)
  for (std::size_t k = 0; k < placed.size(); ++k) {
    const auto& box = flow.boxes[placed[k].box];
    for (int c : box.containers) {
      const double y0 = top + placed[k].y, y1 = y0 + box.height;
      auto [it, inserted] = extent.try_emplace(c, y0, y1);
      if (!inserted) it->second.second = y1;
    }
  }
  for (auto& [c, ext] : extent) {
    const auto& con = flow.containers[c];
    // Cut above when the first box of the container on this page is not its opening pad.
    std::size_t first_idx = 0, last_idx = 0;
    bool seen = false;
    for (const auto& p : placed) {
      const auto& cs = flow.boxes[p.box].containers;
      if (std::find(cs.begin(), cs.end(), c) == cs.end()) continue;
      if (!seen) first_idx = p.box, seen = true;
      last_idx = p.box;
    }
    const bool opens_here = first_idx == 0 || std::find(flow.boxes[first_idx - 1].containers.begin(),
                                                        flow.boxes[first_idx - 1].containers.end(),
                                                        c) == flow.boxes[first_idx - 1].containers.end();
    const bool closes_here = flow.boxes[last_idx].is_gap;
    double y0 = ext.first - (opens_here ? 0 : con.pad), y1 = ext.second + (closes_here ? 0 : con.pad);
    const double x = s.margin_left + con.x;
    frame.items.push_back(RectItem{x, y0, con.w, y1 - y0, con.fill, con.stroke, 0.8, con.radius});
    if (con.bar) frame.items.push_back(RectItem{x, y0, 3.5, y1 - y0, con.bar, {}, 0, 0});
  }
}

void place_boxes(PageFrame& frame, const Flow& flow, const std::vector<PlacedBox>& placed, double left,
                 double top) {
  for (const auto& p : placed) {
    const double dy = top + p.y;
    for (auto item : flow.boxes[p.box].items) {
      std::visit(
          [&](auto& it) {
            using T = std::decay_t<decltype(it)>;
            if constexpr (std::is_same_v<T, TextItem>) {
              it.x += left, it.baseline += dy;
            } else if constexpr (std::is_same_v<T, LineItem>) {
              it.x1 += left, it.x2 += left, it.y1 += dy, it.y2 += dy;
            } else {
              it.x += left, it.y += dy;
            }
          },
          item);
      frame.items.push_back(std::move(item));
    }
  }
}

}  // namespace

Flow build_handout_flow(const HandoutInput& in, const Style& style, const HandoutFonts& fonts, Diagnostics& diags) {
  FlowBuilder b(style, *fonts.set, fonts.body, in.lang, in.article_file, diags);
  const auto& strings = *in.strings;
  std::string meta;
  if (!in.meta->reviewed.empty())
    meta = fill_template(strings.get("reviewed"), {{"date", strings.format_date(in.meta->reviewed)}});
  b.title_block(in.meta->title, in.meta->summary, meta);
  b.blocks(in.body->blocks);
  b.resources_box(strings.get("helpful_resources"), in.intro, in.resources, strings);
  b.contact_block(strings.get("contact_us"), in.config->clinic, strings);
  return b.take();
}

namespace {

DocumentInfo document_info(const HandoutInput& in) {
  DocumentInfo info;
  info.title = in.meta->title;
  info.author = in.config->clinic.name;
  info.subject = in.meta->summary;
  for (const auto& k : in.meta->keywords) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.creator = in.creator;
  info.language = in.lang;
  return info;
}

}  // namespace

PagedDocument layout_handout(const HandoutInput& in, const HandoutFonts& fonts, Diagnostics& diags,
                             LayoutStats* stats) {
  const Style style = make_style(*in.layout, in.config->brand, fonts.body, fonts.headings);
  const Flow flow = build_handout_flow(in, style, fonts, diags);
  const Pagination pages = paginate(flow.boxes, [&](int page) { return body_area(style, page).height; });
  if (pages.forced_breaks > 0)
    diags.warning(in.article_file, 0, 0,
                  "a block is taller than a page and was cut where no break is allowed");

  PagedDocument doc;
  doc.width = style.page_width;
  doc.height = style.page_height;
  doc.info = document_info(in);
  const int total = static_cast<int>(pages.pages.size());
  const auto& clinic = in.config->clinic;
  int lines = 0;
  for (int p = 0; p < total; ++p) {
    PageFrame frame;
    const PageArea area = body_area(style, p);
    if (p == 0)
      add_header_band(frame, style, *fonts.set, fonts.headings, clinic, in.logo);
    else
      add_running_header(frame, style, *fonts.set, clinic, in.meta->title);
    add_container_backgrounds(frame, flow, pages.pages[p], style, area.top);
    place_boxes(frame, flow, pages.pages[p], style.margin_left, area.top);
    for (const auto& placed : pages.pages[p]) {
      const auto& box = flow.boxes[placed.box];
      lines += box.is_line;
      if (box.bookmark) {
        OutlineEntry e = *box.bookmark;
        e.page = p;
        e.y = area.top + placed.y;
        doc.outline.push_back(e);
      }
    }
    const auto label = fill_template(in.strings->get("page_of"),
                                     {{"n", std::to_string(p + 1)}, {"total", std::to_string(total)}});
    add_footer(frame, style, *fonts.set, clinic, in.config->footer_note, label);
    doc.pages.push_back(std::move(frame));
  }
  // Outline levels: the article's top heading level becomes level 1.
  // Level 0 marks the handout's own sections (resources, contact), always top level.
  int top_level = 6;
  for (const auto& e : doc.outline)
    if (e.level > 0) top_level = std::min(top_level, e.level);
  for (auto& e : doc.outline) e.level = e.level == 0 ? 1 : e.level - top_level + 1;
  if (stats) *stats = {total, lines, pages.forced_breaks};
  return doc;
}

}  // namespace handout
