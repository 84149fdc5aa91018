#include "render/pdf/pdf_file.h"

#include <algorithm>

#include <random>

#include "deflate/deflate.h"
#include "hash/content_hash.h"
#include "render/pdf/pdf_encrypt.h"

namespace handout {
namespace {

// As qpdf writes them: a reader looking up one object inflates at most this many.
constexpr std::size_t kObjectsPerStream = 100;

// One row of the cross-reference stream: type 1 (offset in the file) or 2 (in an object
// stream: its number and the index in it). Object 0, the head of the free list, is type 0.
struct XrefRow {
  int type = 0;
  std::size_t field2 = 0, field3 = 0;
};

int bytes_for(std::size_t v) {
  int n = 1;
  while (v >>= 8) ++n;
  return n;
}

void append_big_endian(std::string& out, std::size_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

void append_stream(std::string& out, std::size_t number, const std::string& entries, const std::string& data,
                   const std::string& filter) {
  out += std::to_string(number) + " 0 obj\n<<" + entries;
  if (!filter.empty()) out += "/Filter" + filter;
  out += "/Length " + std::to_string(data.size()) + ">>stream\n";
  out += data;
  out += "\nendstream\nendobj\n";
}

// A stream as stored, or deflated here when it came unfiltered and deflating makes it smaller.
void append_stream_object(std::string& out, std::size_t number, const PdfObject& o, int level) {
  if (o.filter.empty() && !o.plain && !o.data.empty()) {
    const std::string deflated = deflate_zlib(o.data, level);
    if (!deflated.empty() && deflated.size() < o.data.size())
      return append_stream(out, number, o.value, deflated, "/FlateDecode");
  }
  append_stream(out, number, o.value, o.data, o.filter);
}

// The rows as the stream stores them: each row's bytes minus the row above (PNG's Up filter,
// predictor 12), which turns the offsets' slowly growing high bytes into zeros.
std::string predicted_rows(const std::vector<XrefRow>& rows, int w2, int w3) {
  const std::size_t columns = 1 + w2 + w3;
  std::string out, previous(columns, '\0'), row;
  for (const auto& r : rows) {
    row.clear();
    row += static_cast<char>(r.type);
    append_big_endian(row, r.field2, w2);
    append_big_endian(row, r.field3, w3);
    out += '\x02';  // the Up filter
    for (std::size_t i = 0; i < columns; ++i) out += static_cast<char>(row[i] - previous[i]);
    previous = row;
  }
  return out;
}

// 16 random bytes, for an /ID that says nothing about the content.
std::array<unsigned char, 16> random_id() {
  std::random_device device;
  std::array<unsigned char, 16> id{};
  for (auto& b : id) b = static_cast<unsigned char>(device() & 0xFF);
  return id;
}

std::string hex(const std::array<unsigned char, 16>& bytes) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) out += kHex[b >> 4], out += kHex[b & 15];
  return out;
}

}  // namespace

std::string write_pdf_file(const PdfFile& file, const PdfWriteOptions& options) {
  const std::size_t count = file.objects.size();
  const int level = options.compression_level;
  std::vector<XrefRow> rows(count + 1);
  std::string out = "%PDF-1.7\n%\xBF\xF7\xA2\xFE\n";  // binary bytes: transfer programs keep it binary
  // Streams first, each at its offset; then the rest, packed (or one after another).
  std::vector<std::size_t> packed;
  for (std::size_t i = 0; i < count; ++i) {
    if (!file.objects[i].stream) {
      packed.push_back(i + 1);
      continue;
    }
    rows[i + 1] = {1, out.size(), 0};
    append_stream_object(out, i + 1, file.objects[i], level);
  }
  std::size_t number = count;
  if (!options.object_streams) {
    for (const std::size_t n : packed) {
      rows[n] = {1, out.size(), 0};
      out += std::to_string(n) + " 0 obj\n" + file.objects[n - 1].value + "\nendobj\n";
    }
    packed.clear();
  }
  for (std::size_t first = 0; first < packed.size(); first += kObjectsPerStream) {
    const std::size_t end = std::min(packed.size(), first + kObjectsPerStream);
    ++number;
    std::string header, body;
    for (std::size_t k = first; k < end; ++k) {
      const std::size_t n = packed[k];
      header += std::to_string(n) + " " + std::to_string(body.size()) + "\n";
      body += file.objects[n - 1].value + "\n";
      rows[n] = {2, number, k - first};
    }
    rows.push_back({1, out.size(), 0});
    const std::string entries =
        "/Type/ObjStm/N " + std::to_string(end - first) + "/First " + std::to_string(header.size());
    append_stream(out, number, entries, deflate_zlib(header + body, level), "/FlateDecode");
  }
  // The cross-reference stream, which lists itself.
  const std::size_t xref_number = ++number, xref_offset = out.size();
  rows.push_back({1, xref_offset, 0});
  std::size_t max2 = 0, max3 = 0;
  for (const auto& r : rows) max2 = std::max(max2, r.field2), max3 = std::max(max3, r.field3);
  const int w2 = bytes_for(max2), w3 = bytes_for(max3);
  const std::string id = "<" + hex(options.deterministic_id ? content_hash_128(out) : random_id()) + ">";
  std::string entries = "/Type/XRef/Size " + std::to_string(rows.size()) + "/W[1 " + std::to_string(w2) + " " +
                        std::to_string(w3) + "]/Root " + std::to_string(file.root) + " 0 R";
  if (file.info > 0) entries += "/Info " + std::to_string(file.info) + " 0 R";
  entries += "/ID[" + id + id + "]/DecodeParms<</Columns " + std::to_string(1 + w2 + w3) + "/Predictor 12>>";
  append_stream(out, xref_number, entries, deflate_zlib(predicted_rows(rows, w2, w3), level), "/FlateDecode");
  out += "startxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
  return out;
}

bool write_pdf(const PdfFile& file, const PdfWriteOptions& options, std::string& out, std::string& error,
               std::uint64_t* plain_hash) {
  std::string bytes = write_pdf_file(file, options);
  if (plain_hash) *plain_hash = content_hash(bytes);
  if (!options.user_password.empty() && !encrypt_pdf(bytes, options.user_password, error)) return false;
  out = std::move(bytes);
  return true;
}

}  // namespace handout
