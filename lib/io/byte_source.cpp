// Chunked, transcoding input.
#include "io/byte_source.hpp"

#include <fmt/format.h>
#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "error.hpp"
#include "text/utf8.hpp"

namespace kunde::io {
namespace {
constexpr std::size_t kRawChunk = 1 << 16;
}

std::string iconv_name(const std::string& encoding) {
  std::string e = text::to_lower_ascii(encoding);
  e.erase(std::remove(e.begin(), e.end(), '_'), e.end());
  if (e == "latin1" || e == "latin-1" || e == "iso-8859-1" || e == "iso8859-1" || e == "cp1252" ||
      e == "windows-1252" || e == "win1252" || e == "ansi")
    return "CP1252";
  if (e == "utf8" || e == "utf-8") return "UTF-8";
  if (e == "utf16" || e == "utf-16") return "UTF-16";
  if (e == "utf16le" || e == "utf-16le") return "UTF-16LE";
  if (e == "utf16be" || e == "utf-16be") return "UTF-16BE";
  if (e == "latin9" || e == "iso-8859-15") return "ISO-8859-15";
  if (e == "mac" || e == "macroman") return "MACINTOSH";
  if (e == "cp850" || e == "ibm850" || e == "dos") return "CP850";
  if (e == "cp865" || e == "ibm865") return "CP865";
  iconv_t probe = iconv_open("UTF-8", encoding.c_str());
  if (probe == reinterpret_cast<iconv_t>(-1)) {
    throw UsageError(fmt::format("unknown encoding '{}'", encoding),
                     "use cp1252, latin1, utf-16, iso-8859-15, cp850, or a name from 'iconv -l'");
  }
  iconv_close(probe);
  return encoding;
}

ByteSource::ByteSource(const std::string& path, const std::string& encoding) {
  if (path == "-") {
    name_ = "<stdin>";
    file_ = stdin;
  } else {
    name_ = path;
    if (std::filesystem::is_directory(path)) {
      throw Error(fmt::format("{} is a directory", path), "give the path of a file");
    }
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) {
      throw Error(fmt::format("cannot read {}: {}", path, std::strerror(errno)),
                  errno == ENOENT ? "check the file name; use - to read standard input"
                                  : "check the file's permissions");
    }
    owns_file_ = true;
  }
  if (!encoding.empty()) encoding_ = iconv_name(encoding);
}

ByteSource::~ByteSource() {
  if (iconv_) iconv_close(static_cast<iconv_t>(iconv_));
  if (owns_file_) std::fclose(file_);
}

std::size_t ByteSource::read_raw(char* buf, std::size_t n) {
  if (!start_.empty()) {
    std::size_t k = std::min(n, start_.size());
    std::memcpy(buf, start_.data(), k);
    start_.erase(0, k);
    return k;
  }
  if (eof_) return 0;
  std::size_t k = std::fread(buf, 1, n, file_);
  if (k < n) {
    if (std::ferror(file_)) throw Error(fmt::format("cannot read {}: {}", name_, std::strerror(errno)), "");
    eof_ = true;
  }
  return k;
}

char ByteSource::peek_significant() {
  std::size_t i = 0;
  while (true) {
    for (; i < lookahead_.size(); ++i) {
      char c = lookahead_[i];
      if (c != ' ' && c != '\t' && c != '\r' && c != '\n') return c;
    }
    char chunk[4096];
    std::size_t got = read_converted(chunk, sizeof chunk);
    if (got == 0) return 0;
    lookahead_.append(chunk, got);
  }
}

std::size_t ByteSource::read(char* buf, std::size_t n) {
  if (!lookahead_.empty()) {
    std::size_t k = std::min(n, lookahead_.size());
    std::memcpy(buf, lookahead_.data(), k);
    lookahead_.erase(0, k);
    newlines_ += static_cast<std::size_t>(std::count(buf, buf + k, '\n'));
    return k;
  }
  std::size_t k = read_converted(buf, n);
  newlines_ += static_cast<std::size_t>(std::count(buf, buf + k, '\n'));
  return k;
}

std::size_t ByteSource::read_converted(char* buf, std::size_t n) {
  if (!sniffed_) {
    sniffed_ = true;
    char head[3];
    std::size_t k = 0;
    while (k < 3) {
      std::size_t got = read_raw(head + k, 3 - k);
      if (got == 0) break;
      k += got;
    }
    start_.assign(head, k);
    auto at = [&](std::size_t i) { return i < start_.size() ? static_cast<unsigned char>(start_[i]) : 0u; };
    bool utf8_bom = at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF;
    bool utf16_bom = (at(0) == 0xFF && at(1) == 0xFE) || (at(0) == 0xFE && at(1) == 0xFF);
    if (encoding_.empty() && utf16_bom) encoding_ = "UTF-16";
    if (utf8_bom && (encoding_.empty() || encoding_ == "UTF-8")) start_.erase(0, 3);
    if (encoding_ == "UTF-8") encoding_.clear();
    if (!encoding_.empty()) {
      iconv_t cd = iconv_open("UTF-8", encoding_.c_str());
      if (cd == reinterpret_cast<iconv_t>(-1)) {
        throw UsageError(fmt::format("unknown encoding '{}'", encoding_), "see 'iconv -l'");
      }
      iconv_ = cd;
    }
  }
  return iconv_ ? convert(buf, n) : read_raw(buf, n);
}

std::size_t ByteSource::convert(char* buf, std::size_t n) {
  std::size_t produced = 0;
  while (produced == 0) {
    if (pending_.size() < 16) {
      char raw[kRawChunk];
      std::size_t got = read_raw(raw, sizeof raw);
      if (got == 0 && pending_.empty()) return 0;
      // At the end of the file what is pending may still be whole characters (left over when
      // the output buffer filled); an incomplete one is caught as EINVAL below.
      pending_.append(raw, got);
    }
    char* in = pending_.data();
    std::size_t in_left = pending_.size();
    char* out = buf;
    std::size_t out_left = n;
    std::size_t rc = iconv(static_cast<iconv_t>(iconv_), &in, &in_left, &out, &out_left);
    int err = errno;
    produced = n - out_left;
    pending_.erase(0, pending_.size() - in_left);
    if (rc == static_cast<std::size_t>(-1) && err == EILSEQ && produced == 0) {
      std::size_t line = newlines_ + 1;
      throw Error(fmt::format("{}:{}: byte 0x{:02X} is not valid {}", name_, line,
                              static_cast<unsigned char>(pending_[0]), encoding_),
                  "check --encoding: cp1252 (\"latin1\"), utf-16 and iso-8859-15 are common");
    }
    if (rc == static_cast<std::size_t>(-1) && err == EINVAL && produced == 0) {
      // An incomplete sequence at the end of what was read: read more first.
      char raw[kRawChunk];
      std::size_t got = read_raw(raw, sizeof raw);
      if (got == 0) {
        throw Error(fmt::format("{}:{}: the file ends inside a {} character", name_, newlines_ + 1, encoding_),
                    "check --encoding");
      }
      pending_.append(raw, got);
    }
  }
  // A UTF-16 file converted to UTF-8 may start with U+FEFF, which is not data.
  if (!converted_any_ && produced >= 3 && static_cast<unsigned char>(buf[0]) == 0xEF &&
      static_cast<unsigned char>(buf[1]) == 0xBB && static_cast<unsigned char>(buf[2]) == 0xBF) {
    std::memmove(buf, buf + 3, produced - 3);
    produced -= 3;
  }
  converted_any_ = true;
  return produced;
}

void for_each_line(ByteSource& source, const std::function<void(std::string_view, std::size_t)>& each) {
  std::string buffer;
  std::size_t number = 0;
  char chunk[kRawChunk];
  bool eof = false;
  while (!eof) {
    std::size_t got = source.read(chunk, sizeof chunk);
    if (got == 0) {
      eof = true;
      if (!buffer.empty() && buffer.back() != '\n') buffer += '\n';
    } else {
      buffer.append(chunk, got);
    }
    std::size_t pos = 0, nl;
    while ((nl = buffer.find('\n', pos)) != std::string::npos) {
      each(std::string_view(buffer.data() + pos, nl - pos + 1), ++number);
      pos = nl + 1;
    }
    buffer.erase(0, pos);
  }
}

}  // namespace kunde::io
