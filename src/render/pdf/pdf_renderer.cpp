#include "render/pdf/pdf_renderer.h"

#include <hpdf.h>

#include <algorithm>
#include <map>
#include <memory>

#include "render/pdf/pdf_file.h"
#include "render/pdf/pdf_fonts.h"
#include "render/pdf/pdf_objects.h"
#include "render/pdf/pdf_text_encoding.h"
#include "render/pdf/pdf_tagging.h"
#include "util/link.h"
#include "util/text.h"

namespace handout {
namespace {

struct ErrorState {
  HPDF_STATUS code = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
  auto* st = static_cast<ErrorState*>(user);
  if (st->code == HPDF_OK) st->code = code, st->detail = detail;
}

struct DocFree {
  void operator()(HPDF_Doc d) const { HPDF_Free(d); }
};

class PdfWriter {
 public:
  PdfWriter(pdf::Document& pdf, const PagedDocument& doc, PagedDocument* spent, const FontSet& fonts,
            const PlacedImages& images, int compression_level, ErrorState& err)
      : doc_(doc), spent_(spent), err_(err), pdf_(pdf), level_(compression_level), images_(images), text_(pdf, fonts, compression_level) {}

  /// What was being written when libharu failed (a font, an image), for the message.
  const std::string& doing() const { return doing_; }
  /// An image the layout placed that was never decoded (a bug in the caller).
  const std::string& missing_image() const { return missing_; }
  /// What was marked as content, for the structure tree.
  const MarkedPages& marked() const { return marked_; }
  /// The pages, in order.
  const std::vector<pdf::Page>& pages() const { return pages_; }

  bool write(std::string& error) {
    HPDF_Doc pdf = pdf_.handle();
    HPDF_SetCompressionMode(pdf, HPDF_COMP_NONE);  // write_pdf_file deflates each stream once (images come deflated)
    text_.collect(doc_);
    doing_ = "the fonts";
    if (!text_.embed(error)) return false;
    for (std::size_t i = 0; i < doc_.pages.size(); ++i) {
      const PageFrame& frame = doc_.pages[i];
      pdf::Page page = pdf_.page(HPDF_AddPage(pdf));
      HPDF_Page_SetWidth(page.handle(), static_cast<HPDF_REAL>(doc_.width));
      HPDF_Page_SetHeight(page.handle(), static_cast<HPDF_REAL>(doc_.height));
      pages_.push_back(page);
      marked_.pages.emplace_back();
      for (const auto& item : frame.items) {
        // Text items share text objects; rules, tints and images are drawn outside them.
        // (Links are annotations, not content, so they leave a text object open.)
        if (!std::holds_alternative<TextItem>(item) && !std::holds_alternative<LinkItem>(item))
          page.append(close_text_mark() + text_.end_text());
        std::visit([&](const auto& it) { draw(page, it); }, item);
        if (err_.code != HPDF_OK) return false;
      }
      page.append(close_text_mark() + text_.end_text());
      if (!page.deflate_content(level_)) {
        error = "cannot compress page " + std::to_string(pages_.size());
        return false;
      }
      if (spent_) std::vector<Item>().swap(spent_->pages[i].items);  // drawn: its glyphs are in the PDF now
    }
    write_outline();
    write_info();
    text_.finish();
    return err_.code == HPDF_OK && pdf_.failure().empty();
  }

 private:
  HPDF_REAL Y(double y) const { return static_cast<HPDF_REAL>(doc_.height - y); }
  static HPDF_REAL R(double v) { return static_cast<HPDF_REAL>(v); }
  static HPDF_REAL C(std::uint8_t v) { return static_cast<HPDF_REAL>(v / 255.0); }

  // Opens the marked-content sequence an item is drawn in: its structure element's, under the
  // page's next MCID, or an artifact's. Untagged documents (built by hand in tests) get none.
  std::string mark(const Tag& tag) {
    if (doc_.structure.empty()) return "";
    if (tag.element < 0) {
      switch (tag.artifact) {
        case Artifact::Pagination: return "/Artifact <</Type /Pagination>> BDC\n";
        case Artifact::Background: return "/Artifact <</Type /Layout /Subtype /Background>> BDC\n";
        default: return "/Artifact <</Type /Layout>> BDC\n";
      }
    }
    auto& page = marked_.pages.back();
    page.push_back({tag.element, tag.order});
    return "/" + doc_.structure[tag.element].role + " <</MCID " + std::to_string(page.size() - 1) + ">> BDC\n";
  }
  // Draws a graphic (rule, tint, image) inside its marked-content sequence.
  template <typename Draw>
  void marked(pdf::Page& page, const Tag& tag, Draw draw) {
    const std::string open = mark(tag);
    page.append(open);
    draw();
    if (!open.empty()) page.append("EMC\n");
  }

  // Consecutive runs of one element on one line share a marked-content sequence while each
  // left-to-right run takes up the text where the last one ended, so content order stays
  // reading order (a line is one MCID; lines stay apart, as the space a break drops is not
  // drawn). Consecutive furniture runs share one artifact. The sequence stays in the text object.
  bool continues_text_mark(const TextItem& t) const {
    const Tag& last = text_mark_.tag;
    if (!text_mark_.open || t.tag.element != last.element) return false;
    if (t.tag.element < 0) return t.tag.artifact == last.artifact;
    return !t.rtl && !text_mark_.rtl && t.baseline == text_mark_.baseline && t.tag.order == last.end;
  }
  std::string close_text_mark() {
    if (!text_mark_.open) return "";
    text_mark_.open = false;
    return "EMC\n";
  }

  void draw(pdf::Page& page, const TextItem& t) {
    if (t.glyphs.empty()) return;
    std::string open;
    if (!continues_text_mark(t)) {
      page.append(close_text_mark());
      open = mark(t.tag);
      text_mark_.open = !open.empty();
    }
    text_mark_.tag = t.tag;
    text_mark_.rtl = t.rtl;
    text_mark_.baseline = t.baseline;
    // Glyphs are in visual order; a right-to-left run says so (ISO 32000-1, 14.8.2.5.3), so a
    // reader taking text by structure turns it back into reading order.
    std::string close;
    if (t.rtl && text_mark_.open) open += "/ReversedChars BMC\n", close = "EMC\n";
    page.append(text_.show(page, t, doc_.height - t.baseline, open, close));
  }

  void rounded_rect(HPDF_Page page, const RectItem& r) {
    const double k = 0.5523 * r.radius;  // Bezier handle length for a quarter circle
    const double x0 = r.x, x1 = r.x + r.w, y0 = doc_.height - r.y - r.h, y1 = doc_.height - r.y, rr = r.radius;
    HPDF_Page_MoveTo(page, R(x0 + rr), R(y0));
    HPDF_Page_LineTo(page, R(x1 - rr), R(y0));
    HPDF_Page_CurveTo(page, R(x1 - rr + k), R(y0), R(x1), R(y0 + rr - k), R(x1), R(y0 + rr));
    HPDF_Page_LineTo(page, R(x1), R(y1 - rr));
    HPDF_Page_CurveTo(page, R(x1), R(y1 - rr + k), R(x1 - rr + k), R(y1), R(x1 - rr), R(y1));
    HPDF_Page_LineTo(page, R(x0 + rr), R(y1));
    HPDF_Page_CurveTo(page, R(x0 + rr - k), R(y1), R(x0), R(y1 - rr + k), R(x0), R(y1 - rr));
    HPDF_Page_LineTo(page, R(x0), R(y0 + rr));
    HPDF_Page_CurveTo(page, R(x0), R(y0 + rr - k), R(x0 + rr - k), R(y0), R(x0 + rr), R(y0));
    HPDF_Page_ClosePath(page);
  }

  void draw(pdf::Page& page, const RectItem& r) {
    if (r.fill || r.stroke) marked(page, r.tag, [&] { paint(page.handle(), r); });
  }

  void paint(HPDF_Page page, const RectItem& r) {
    if (r.fill) HPDF_Page_SetRGBFill(page, C(r.fill->r), C(r.fill->g), C(r.fill->b));
    if (r.stroke) {
      HPDF_Page_SetRGBStroke(page, C(r.stroke->r), C(r.stroke->g), C(r.stroke->b));
      HPDF_Page_SetLineWidth(page, R(r.stroke_width));
    }
    if (r.radius > 0)
      rounded_rect(page, r);
    else
      HPDF_Page_Rectangle(page, R(r.x), Y(r.y + r.h), R(r.w), R(r.h));
    if (r.fill && r.stroke)
      HPDF_Page_FillStroke(page);
    else if (r.fill)
      HPDF_Page_Fill(page);
    else
      HPDF_Page_Stroke(page);
  }

  void draw(pdf::Page& page, const LineItem& l) {
    marked(page, l.tag, [&] { paint(page.handle(), l); });
  }

  void paint(HPDF_Page page, const LineItem& l) {
    HPDF_Page_SetRGBStroke(page, C(l.color.r), C(l.color.g), C(l.color.b));
    HPDF_Page_SetLineWidth(page, R(l.width));
    HPDF_Page_MoveTo(page, R(l.x1), Y(l.y1));
    HPDF_Page_LineTo(page, R(l.x2), Y(l.y2));
    HPDF_Page_Stroke(page);
  }

  void draw(pdf::Page& page, const QrItem& q) {
    marked(page, q.tag, [&] { paint(page, q); });
  }

  // One rectangle per horizontal run of dark modules, all in one path, in module units (a
  // matrix scales them): a code of 1,000 dark modules is a few hundred short integer
  // rectangles and a single fill.
  void paint(pdf::Page& page, const QrItem& q) {
    HPDF_Page_SetRGBFill(page.handle(), C(q.light.r), C(q.light.g), C(q.light.b));
    HPDF_Page_Rectangle(page.handle(), R(q.x), Y(q.y + q.h), R(q.w), R(q.h));
    HPDF_Page_Fill(page.handle());
    const double m = q.module();
    std::string ops = "q\n" + pdf_number(q.dark.r / 255.0) + " " + pdf_number(q.dark.g / 255.0) + " " +
                      pdf_number(q.dark.b / 255.0) + " rg\n" + pdf_number(m) + " 0 0 " + pdf_number(-m) + " " +
                      pdf_number(q.x + q.quiet * m) + " " + pdf_number(Y(q.y + q.quiet * m)) + " cm\n";
    const int n = q.symbol.modules;
    for (int row = 0; row < n; ++row) {
      for (int col = 0; col < n;) {
        if (!q.symbol.is_dark(row, col)) {
          ++col;
          continue;
        }
        int end = col;
        while (end < n && q.symbol.is_dark(row, end)) ++end;
        ops += std::to_string(col) + " " + std::to_string(row) + " " + std::to_string(end - col) + " 1 re\n";
        col = end;
      }
    }
    page.append(ops + "f\nQ\n");  // inside q ... Q: libharu's colour state holds
  }

  // Images come decoded and checked (assets/image.h): libharu only wraps their bytes.
  HPDF_Image embed(const DecodedImage& d) {
    if (!d.jpeg.empty())
      return HPDF_LoadJpegImageFromMem(pdf_.handle(), reinterpret_cast<const HPDF_BYTE*>(d.jpeg.data()),
                                       static_cast<HPDF_UINT>(d.jpeg.size()));
    HPDF_Image mask = nullptr;
    if (!d.alpha_deflated.empty()) {
      mask = pdf_.new_flate_image(d.alpha_deflated, d.width, d.height, true, nullptr);
      if (!mask) return nullptr;
    }
    return pdf_.new_flate_image(d.pixels_deflated, d.width, d.height, d.channels == 1, mask, d.palette);
  }

  void draw(pdf::Page& page, const ImageItem& i) {
    doing_ = "image '" + i.path + "'";
    auto it = embedded_.find(i.path);
    if (it == embedded_.end()) {
      auto found = images_.find(i.path);
      if (found == images_.end()) {
        missing_ = i.path;
        return;
      }
      it = embedded_.emplace(i.path, embed(*found->second)).first;
    }
    if (it->second)
      marked(page, i.tag, [&] { HPDF_Page_DrawImage(page.handle(), it->second, R(i.x), Y(i.y + i.h), R(i.w), R(i.h)); });
  }

  void draw(pdf::Page& page, const LinkItem& l) {
    if (!link_target(l.uri).ok()) return;  // the last gate: nothing unsafe becomes a live link
    HPDF_Rect rect{R(l.x), Y(l.y + l.h), R(l.x + l.w), Y(l.y)};
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(page.handle(), rect, l.uri.c_str());
    if (!a) return;
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    if (l.tag.element >= 0 && !doc_.structure.empty())
      marked_.links.push_back({static_cast<int>(pages_.size() - 1), pdf_.object(a), l.tag.element, l.tag.order, display_url(l.uri)});
  }

  void write_outline() {
    std::vector<HPDF_Outline> parents;  // parents[level-1] = last outline entry at that level
    for (const auto& e : doc_.outline) {
      const int level = std::max(1, std::min(e.level, static_cast<int>(parents.size()) + 1));
      HPDF_Outline parent = level == 1 ? nullptr : parents[level - 2];
      HPDF_Outline o = HPDF_CreateOutline(pdf_.handle(), parent, "", nullptr);
      if (!o) return;
      pdf_.object(o).set("Title", pdf::Text{e.title});
      HPDF_Outline_SetOpened(o, HPDF_TRUE);
      HPDF_Destination dst = HPDF_Page_CreateDestination(pages_[e.page].handle());
      HPDF_Destination_SetFitH(dst, Y(e.y - 6));  // libharu cannot write "keep zoom" (null)
      HPDF_Outline_SetDestination(o, dst);
      parents.resize(level);
      parents[level - 1] = o;
    }
    if (!doc_.outline.empty()) HPDF_SetPageMode(pdf_.handle(), HPDF_PAGE_MODE_USE_OUTLINE);
  }

  void write_info() {
    HPDF_SetInfoAttr(pdf_.handle(), HPDF_INFO_PRODUCER, "handout with libharu");
    pdf::Dict info = pdf_.info();
    const std::pair<const char*, const std::string*> fields[] = {
        {"Title", &doc_.info.title},       {"Author", &doc_.info.author},   {"Subject", &doc_.info.subject},
        {"Keywords", &doc_.info.keywords}, {"Creator", &doc_.info.creator}};
    for (const auto& [key, value] : fields)
      if (!value->empty()) info.set(key, pdf::Text{*value});
    pdf::Dict catalog = pdf_.catalog();
    if (!doc_.info.language.empty()) catalog.set("Lang", pdf::Text{doc_.info.language});
    // Viewers show the title, not the file name, in their window bar.
    catalog.set("ViewerPreferences", pdf_.new_direct_dict().set("DisplayDocTitle", true));
  }

  const PagedDocument& doc_;
  PagedDocument* spent_;  // the same document when its items may go as each page is written
  ErrorState& err_;
  pdf::Document& pdf_;
  int level_;  // deflate level of the page contents
  std::vector<pdf::Page> pages_;
  const PlacedImages& images_;
  std::map<std::string, HPDF_Image> embedded_;
  PdfFonts text_;
  MarkedPages marked_;
  struct {
    bool open = false;
    Tag tag;  // of the last run in it
    bool rtl = false;
    double baseline = 0;
  } text_mark_;  // the marked-content sequence open in the text object
  std::string doing_ = "the document", missing_;
};

}  // namespace

namespace {

bool render(const PagedDocument& doc, PagedDocument* spent, const FontSet& fonts, const PlacedImages& images,
            const PdfWriteOptions& options, std::string& out, std::string& error, std::uint64_t* plain_hash) {
  ErrorState err;
  std::unique_ptr<std::remove_pointer_t<HPDF_Doc>, DocFree> pdf(HPDF_New(on_error, &err));
  if (!pdf) {
    error = "cannot create a PDF document (out of memory)";
    return false;
  }
  if (!pdf::version_supported()) {
    error = std::string("libharu ") + HPDF_GetVersion() + " is not a version handout was checked against (2.3, 2.4)";
    return false;
  }
  pdf::Document document(pdf.get());
  PdfWriter writer(document, doc, spent, fonts, images, options.compression_level, err);
  const bool written = writer.write(error);
  if (!written && !error.empty()) return false;
  if (!writer.missing_image().empty()) {
    error = "image '" + writer.missing_image() + "' was placed but never loaded";
    return false;
  }
  if (!written) {
    char code[64];
    std::snprintf(code, sizeof code, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(err.code),
                  static_cast<unsigned>(err.detail));
    error = "PDF writer failed on " + writer.doing() + ": " +
            (document.failure().empty() ? pdf::error_text(err.code) + code : document.failure());
    return false;
  }
  if (!add_structure(document, writer.pages(), doc.structure, writer.marked(), doc.info)) {
    error = "cannot write the structure tree (tagged PDF): " +
            (document.failure().empty() ? std::string("an object could not be made") : document.failure());
    return false;
  }
  PdfFile file;
  if (!document.collect(file, error)) {
    error = "cannot write the PDF: " + error;
    return false;
  }
  return write_pdf(file, options, out, error, plain_hash);
}

}  // namespace

bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images,
                const PdfWriteOptions& options, std::string& out, std::string& error, std::uint64_t* plain_hash) {
  return render(doc, nullptr, fonts, images, options, out, error, plain_hash);
}

bool render_pdf(PagedDocument&& doc, const FontSet& fonts, const PlacedImages& images, const PdfWriteOptions& options,
                std::string& out, std::string& error, std::uint64_t* plain_hash) {
  return render(doc, &doc, fonts, images, options, out, error, plain_hash);
}

bool render_pdf(const PagedDocument& doc, const FontSet& fonts, const PlacedImages& images, std::string& out,
                std::string& error) {
  return render_pdf(doc, fonts, images, PdfWriteOptions{}, out, error);
}

}  // namespace handout
