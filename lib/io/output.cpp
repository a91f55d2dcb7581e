// Checked output streams.
#include "io/output.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace kunde::io {
namespace {

[[noreturn]] void fail(int err, const std::string& where) {
  if (err == EPIPE) throw OutputError(fmt::format("{}: the reader went away", where), "", true);
  std::string hint = err == ENOSPC || err == EDQUOT ? "free some space and run the command again"
                     : err == EFBIG             ? "the file grew past the size limit (ulimit -f); write elsewhere"
                                                : "check the output's path and permissions";
  throw OutputError(fmt::format("cannot write {}: {}", where, std::strerror(err)), hint, false);
}

// A buffer written to a descriptor with write(2), every byte accounted for.
class FdBuffer : public std::streambuf {
 public:
  FdBuffer(int fd, std::string where) : fd_(fd), where_(std::move(where)), buffer_(64 * 1024) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  void drain() {
    const char* p = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        int err = errno;
        setp(buffer_.data(), buffer_.data() + buffer_.size());  // what failed is dropped
        fail(err, where_);
      }
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }

 protected:
  int_type overflow(int_type ch) override {
    drain();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override {
    drain();
    return 0;
  }

 private:
  int fd_;
  std::string where_;
  std::vector<char> buffer_;
};

class StdoutOutput final : public Output {
 public:
  // The caller ignores SIGPIPE and SIGXFSZ, so a closed pipe or an oversized file is an error
  // of write(2) (EPIPE, EFBIG) rather than a signal that kills the process.
  StdoutOutput() : buffer_(STDOUT_FILENO, "standard output"), stream_(&buffer_) { stream_.exceptions(std::ios::badbit); }
  std::ostream& stream() override { return stream_; }
  void finish() override { buffer_.drain(); }

 private:
  FdBuffer buffer_;
  std::ostream stream_;
};

// Output to what is not a regular file (a device such as /dev/null or /dev/stdout, a FIFO),
// written in place: replacing it by renaming a file over it would destroy it.
class DeviceOutput final : public Output {
 public:
  explicit DeviceOutput(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd_ < 0) fail(errno, path);
    buffer_ = std::make_unique<FdBuffer>(fd_, path);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
    stream_->exceptions(std::ios::badbit);
  }
  ~DeviceOutput() override {
    if (fd_ >= 0) ::close(fd_);
  }
  std::ostream& stream() override { return *stream_; }
  void finish() override {
    buffer_->drain();
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) fail(errno, path_);
  }

 private:
  std::string path_;
  int fd_ = -1;
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

// A regular file, written whole or not at all: into a temporary file beside it, renamed over
// it at the end. A symbolic link is followed, so the file it names is replaced and the link
// stays.
class FileOutput final : public Output {
 public:
  explicit FileOutput(const std::string& named) : path_(named) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path path = named;
    if (fs::is_symlink(path, ec)) {
      fs::path target = fs::weakly_canonical(path, ec);
      if (!ec) path = target;
    }
    target_ = path.string();
    fs::path dir = path.parent_path();
    std::string tmpl = ((dir.empty() ? fs::path(".") : dir) / ("." + path.filename().string() + ".XXXXXX")).string();
    fd_ = ::mkstemp(tmpl.data());
    if (fd_ < 0) fail(errno, named);
    temp_ = tmpl;
    // The file gets the permissions a new file would (mkstemp makes it private).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
    buffer_ = std::make_unique<FdBuffer>(fd_, named);
    stream_ = std::make_unique<std::ostream>(buffer_.get());
    stream_->exceptions(std::ios::badbit);
  }
  ~FileOutput() override {
    if (fd_ >= 0) ::close(fd_);
    if (!temp_.empty()) ::unlink(temp_.c_str());
  }
  std::ostream& stream() override { return *stream_; }
  void finish() override {
    buffer_->drain();
    if (::fsync(fd_) != 0) fail(errno, path_);
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) fail(errno, path_);
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail(errno, path_);
    temp_.clear();
  }

 private:
  std::string path_, target_, temp_;
  int fd_ = -1;
  std::unique_ptr<FdBuffer> buffer_;
  std::unique_ptr<std::ostream> stream_;
};

}  // namespace

std::unique_ptr<Output> standard_output() { return std::make_unique<StdoutOutput>(); }
std::unique_ptr<Output> file_output(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    return std::make_unique<DeviceOutput>(path);
  }
  return std::make_unique<FileOutput>(path);
}

}  // namespace kunde::io
