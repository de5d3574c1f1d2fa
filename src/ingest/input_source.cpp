#include "ingest/input_source.h"

#include <fcntl.h>
#include <pthread.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>
#include <openssl/evp.h>
#include <zlib.h>
#include <zstd.h>

namespace leaktrace {
namespace {

constexpr std::size_t magic_bytes = 4;
constexpr int gzip_window_bits = 15 + 16;  // zlib: 15-bit window, gzip wrapper only

Compression compression_of(std::string_view head) {
  if (head.size() >= 2 && static_cast<unsigned char>(head[0]) == 0x1f && static_cast<unsigned char>(head[1]) == 0x8b) {
    return Compression::gzip;
  }
  if (head.size() >= 4 && static_cast<unsigned char>(head[0]) == 0x28 && static_cast<unsigned char>(head[1]) == 0xb5 &&
      static_cast<unsigned char>(head[2]) == 0x2f && static_cast<unsigned char>(head[3]) == 0xfd) {
    return Compression::zstd;
  }
  return Compression::none;
}

}  // namespace

std::string_view compression_name(Compression compression) {
  switch (compression) {
    case Compression::none: return "none";
    case Compression::gzip: return "gzip";
    case Compression::zstd: return "zstd";
  }
  return "unknown";
}

struct InputSource::Decoder {
  std::unique_ptr<char[]> raw;  // compressed input only; not zero-filled, thousands of small files are common
  std::size_t raw_capacity = 0;
  std::size_t raw_begin = 0;
  std::size_t raw_end = 0;
  bool raw_eof = false;
  bool stream_finished = true;  // at a member/frame boundary: ending here is not truncation
  z_stream gzip{};
  bool gzip_ready = false;
  ZSTD_DStream* zstd = nullptr;
  EVP_MD_CTX* sha = nullptr;

  ~Decoder() {
    if (gzip_ready) inflateEnd(&gzip);
    if (zstd) ZSTD_freeDStream(zstd);
    if (sha) EVP_MD_CTX_free(sha);
  }
};

InputSource::InputSource(const std::string& path) : path_(path), decoder_(std::make_unique<Decoder>()) {
  if (is_stdin()) {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      throw InputError(fmt::format("cannot open {}: {}; check the path and its permissions", path, std::strerror(errno)));
    }
    struct stat info {};
    if (fstat(fd_, &info) == 0) {
      if (S_ISDIR(info.st_mode)) {
        ::close(fd_);
        throw InputError(fmt::format("{} is a directory; give the files inside it (for example {}/*)", path, path));
      }
      if (S_ISREG(info.st_mode)) raw_size_ = static_cast<std::uint64_t>(info.st_size);
      modified_time_ = static_cast<std::int64_t>(info.st_mtim.tv_sec);
    }
    posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
  }
  decoder_->sha = EVP_MD_CTX_new();
  EVP_DigestInit_ex(decoder_->sha, EVP_sha256(), nullptr);

  std::array<char, magic_bytes> head{};
  std::size_t got = 0;
  while (got < head.size()) {
    std::size_t n = read_raw(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  peeked_.assign(head.data(), got);
  compression_ = compression_of(peeked_);
  if (compression_ != Compression::none) {
    decoder_->raw = std::make_unique_for_overwrite<char[]>(raw_block_bytes);
    decoder_->raw_capacity = raw_block_bytes;
  }
  if (compression_ == Compression::gzip) {
    if (inflateInit2(&decoder_->gzip, gzip_window_bits) != Z_OK) throw InputError("cannot start the gzip decoder");
    decoder_->gzip_ready = true;
  } else if (compression_ == Compression::zstd) {
    decoder_->zstd = ZSTD_createDStream();
    ZSTD_initDStream(decoder_->zstd);
  }
}

InputSource::~InputSource() {
  if (hashing_.valid()) {
    stop_hashing_ = true;
    wake_hashing();
    hashing_.wait();
  }
  if (mapped_) munmap(const_cast<char*>(mapped_), mapped_size_);
  if (fd_ >= 0 && fd_ != STDIN_FILENO) ::close(fd_);
}

std::string_view InputSource::map_whole_file(std::uint64_t min_bytes) {
  if (mapped_) return {mapped_, mapped_size_};
  if (compression_ != Compression::none || !raw_size_ || *raw_size_ < min_bytes || *raw_size_ == 0 ||
      raw_bytes_read_ != peeked_.size() || is_stdin()) {
    return {};
  }
  void* address = mmap(nullptr, *raw_size_, PROT_READ, MAP_PRIVATE, fd_, 0);
  if (address == MAP_FAILED) return {};
  madvise(address, *raw_size_, MADV_SEQUENTIAL);
  mapped_ = static_cast<const char*>(address);
  mapped_size_ = *raw_size_;
  peeked_.clear();
  // The first bytes, read to recognise the compression, are already hashed.
  std::uint64_t start = raw_bytes_read_;
  hashed_ = start;
  raw_bytes_read_ = 0;
  hashing_ = std::async(std::launch::async, [this, start] {
    pthread_setname_np(pthread_self(), "lt-sha256");
    constexpr std::uint64_t block = std::uint64_t{1} << 20;
    // At most this far ahead of the caller: the pages in between are resident until it is done.
    constexpr std::uint64_t lead = std::uint64_t{64} << 20;
    for (std::uint64_t at = start; at < mapped_size_ && !stop_hashing_.load(std::memory_order_relaxed); at += block) {
      for (;;) {
        std::uint32_t seen = wake_.load();
        if (at <= raw_bytes_read_.load() + lead || stop_hashing_.load() || hash_all_.load()) break;
        wake_.wait(seen);
      }
      std::uint64_t n = std::min(block, mapped_size_ - at);
      EVP_DigestUpdate(decoder_->sha, mapped_ + at, n);
      hashed_.store(at + n, std::memory_order_release);
    }
  });
  return {mapped_, mapped_size_};
}

void InputSource::wake_hashing() const {
  wake_.fetch_add(1);
  wake_.notify_one();
}

void InputSource::consumed(std::uint64_t bytes) {
  raw_bytes_read_.store(bytes);
  wake_hashing();
  release_mapped_pages();
}

// Pages both the caller and the hashing thread are done with leave this process's memory (they
// stay in the page cache): a mapped file of many GB does not count as resident.
void InputSource::release_mapped_pages() {
  constexpr std::uint64_t window = std::uint64_t{32} << 20;
  std::uint64_t done = std::min(raw_bytes_read_.load(std::memory_order_relaxed), hashed_.load(std::memory_order_acquire));
  std::uint64_t page = static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
  done -= done % page;
  if (done < released_ + window) return;
  madvise(const_cast<char*>(mapped_) + released_, done - released_, MADV_DONTNEED);
  released_ = done;
}

std::size_t InputSource::read_raw(char* out, std::size_t capacity) {
  for (;;) {
    ssize_t n = ::read(fd_, out, capacity);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      note_damage(fmt::format("read error after {} bytes: {}", raw_bytes_read(), std::strerror(errno)));
      return 0;
    }
    raw_bytes_read_.fetch_add(static_cast<std::uint64_t>(n), std::memory_order_relaxed);
    EVP_DigestUpdate(decoder_->sha, out, static_cast<std::size_t>(n));
    return static_cast<std::size_t>(n);
  }
}

// Raw bytes with the peeked head first.
std::size_t InputSource::read_raw_buffered(char* out, std::size_t capacity) {
  if (!peeked_.empty()) {
    std::size_t n = std::min(capacity, peeked_.size());
    std::memcpy(out, peeked_.data(), n);
    peeked_.erase(0, n);
    return n;
  }
  return read_raw(out, capacity);
}

void InputSource::note_damage(std::string message) {
  if (!damage_) damage_ = std::move(message);
}

std::size_t InputSource::read(char* out, std::size_t capacity) {
  if (capacity == 0 || damage_) return 0;
  Decoder& d = *decoder_;
  if (compression_ == Compression::none) return read_raw_buffered(out, capacity);

  for (;;) {
    if (d.raw_begin == d.raw_end && !d.raw_eof) {
      d.raw_begin = 0;
      d.raw_end = read_raw_buffered(d.raw.get(), d.raw_capacity);
      if (d.raw_end == 0) d.raw_eof = true;
    }
    if (d.raw_begin == d.raw_end && d.raw_eof) {
      if (!d.stream_finished) {
        note_damage(fmt::format("truncated {} data: the compressed stream ends early after {} bytes; what came "
                                "before was read",
                                compression_name(compression_), raw_bytes_read()));
      }
      return 0;
    }
    std::size_t produced = 0;
    if (compression_ == Compression::gzip) {
      d.gzip.next_in = reinterpret_cast<Bytef*>(d.raw.get() + d.raw_begin);
      d.gzip.avail_in = static_cast<uInt>(d.raw_end - d.raw_begin);
      d.gzip.next_out = reinterpret_cast<Bytef*>(out);
      d.gzip.avail_out = static_cast<uInt>(capacity);
      int status = inflate(&d.gzip, Z_NO_FLUSH);
      d.raw_begin = d.raw_end - d.gzip.avail_in;
      produced = capacity - d.gzip.avail_out;
      if (status == Z_STREAM_END) {
        d.stream_finished = true;
        inflateReset(&d.gzip);  // concatenated gzip members, as `cat a.gz b.gz` makes
      } else if (status == Z_OK || status == Z_BUF_ERROR) {
        d.stream_finished = false;
      } else {
        note_damage(fmt::format("damaged gzip data after {} bytes: {}; what came before was read", raw_bytes_read(),
                                d.gzip.msg ? d.gzip.msg : "inflate failed"));
        return produced;
      }
    } else {
      ZSTD_inBuffer in{d.raw.get() + d.raw_begin, d.raw_end - d.raw_begin, 0};
      ZSTD_outBuffer outb{out, capacity, 0};
      std::size_t hint = ZSTD_decompressStream(d.zstd, &outb, &in);
      d.raw_begin += in.pos;
      produced = outb.pos;
      if (ZSTD_isError(hint)) {
        note_damage(fmt::format("damaged zstd data after {} bytes: {}; what came before was read", raw_bytes_read(),
                                ZSTD_getErrorName(hint)));
        return produced;
      }
      d.stream_finished = hint == 0;
    }
    if (produced > 0) return produced;
  }
}

std::string InputSource::sha256_hex() const {
  if (hashing_.valid()) {
    hash_all_ = true;
    wake_hashing();
    hashing_.wait();
  }
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  EVP_MD_CTX_copy_ex(copy, decoder_->sha);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(copy, digest.data(), &length);
  EVP_MD_CTX_free(copy);
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) fmt::format_to(std::back_inserter(hex), "{:02x}", digest[i]);
  return hex;
}

}  // namespace leaktrace
