#include "render/pdf/pdf_compact.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
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

void prepare_pdf_writer() {
  // Process-wide state of libqpdf, set up once before threads write PDFs at the same time:
  // the compression level, and the crypto provider registry (its getters are documented as
  // not thread-safe; after this first use they only read it). Each document then has its own
  // QPDF objects.
  static std::once_flag once;
  std::call_once(once, [] {
    Pl_Flate::setCompressionLevel(6);
    (void)QPDFCryptoProvider::getDefaultProvider();
  });
}

bool compact_pdf(std::string& pdf, std::string& error, const std::function<void(QPDF&)>& edit) {
  prepare_pdf_writer();
  try {
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
