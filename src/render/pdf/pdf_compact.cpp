#include "render/pdf/pdf_compact.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <mutex>

namespace handout {
namespace {

void label_deflated_streams(QPDF& pdf) {
  const std::string mark = std::string("/") + kDeflatedMark;
  for (QPDFObjectHandle& object : pdf.getAllObjects()) {
    if (!object.isStream() || !object.getDict().hasKey(mark)) continue;
    object.getDict().removeKey(mark);
    object.replaceStreamData(object.getRawStreamData(), QPDFObjectHandle::newName("/FlateDecode"),
                             QPDFObjectHandle::newNull());
  }
}

}  // namespace

bool compact_pdf(std::string& pdf, std::string& error, const std::function<void(QPDF&)>& edit) {
  // One document at a time: ThreadSanitizer reports libqpdf 11 touching memory shared between
  // separate QPDF objects (inside the library, which makes no thread-safety promise), so the
  // parallel build takes turns here (qpdf is ~8% of a handout's time).
  static std::mutex one_at_a_time;
  std::lock_guard lock(one_at_a_time);
  try {
    Pl_Flate::setCompressionLevel(6);
    QPDF in;
    in.processMemoryFile("handout.pdf", pdf.data(), pdf.size());
    label_deflated_streams(in);
    if (edit) edit(in);
    QPDFWriter out(in);
    out.setMinimumPDFVersion("1.7");
    out.setOutputMemory();
    out.setObjectStreamMode(qpdf_o_generate);
    out.setCompressStreams(true);
    out.setDeterministicID(true);
    out.write();
    if (in.anyWarnings()) {
      error = "qpdf warned about the PDF it was given";
      return false;
    }
    const auto buffer = out.getBufferSharedPointer();
    pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return true;
  } catch (const std::exception& e) {
    error = std::string("cannot compact the PDF: ") + e.what();
    return false;
  }
}

}  // namespace handout
