#include "render/pdf/pdf_encrypt.h"

#include <qpdf/Buffer.hh>
#include <qpdf/Pl_Flate.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <mutex>
#include <random>

namespace handout {

namespace {

void prepare_pdf_writer() {
  // Process-wide state of libqpdf, set up once, whichever thread comes first (the others wait):
  // the compression level, and the crypto provider registry (its getters are documented as
  // not thread-safe; after this first use they only read it). Each document then has its own
  // QPDF objects.
  static std::once_flag once;
  std::call_once(once, [] {
    Pl_Flate::setCompressionLevel(6);
    (void)QPDFCryptoProvider::getDefaultProvider();
  });
}

// 32 random bytes as hex: an owner password nobody knows, so nobody can lift the restrictions.
std::string random_password() {
  std::random_device device;
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 32; ++i) {
    const unsigned byte = device() & 0xFF;
    out += kHex[byte >> 4], out += kHex[byte & 15];
  }
  return out;
}

bool encrypt(std::string& pdf, const std::string& password, std::string& error) {
  prepare_pdf_writer();
  try {
    QPDF in;
    in.processMemoryFile("handout.pdf", pdf.data(), pdf.size());
    QPDFWriter out(in);
    out.setOutputMemory();
    out.setObjectStreamMode(qpdf_o_preserve);
    const std::string owner = random_password();
    out.setR6EncryptionParameters(password.c_str(), owner.c_str(), /*allow_accessibility=*/true,
                                  /*allow_extract=*/true, /*allow_assemble=*/false,
                                  /*allow_annotate_and_form=*/false, /*allow_form_filling=*/false,
                                  /*allow_modify_other=*/false, qpdf_r3p_full, /*encrypt_metadata=*/true);
    out.write();
    const auto buffer = out.getBufferSharedPointer();
    pdf.assign(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    return true;
  } catch (const std::exception& e) {
    error = std::string("cannot encrypt the PDF: ") + e.what();  // never the password
    return false;
  }
}

}  // namespace
}  // namespace handout

// The module's one entry point, looked up by name (pdf_encrypt_loader.cpp). Both sides are
// built together from this tree, so they share the std::string layout.
extern "C" __attribute__((visibility("default"))) bool handout_encrypt_v1(std::string& pdf, const std::string& password,
                                                                        std::string& error) {
  return handout::encrypt(pdf, password, error);
}
