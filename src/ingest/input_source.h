#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace leaktrace {

enum class Compression : unsigned char { none, gzip, zstd };

std::string_view compression_name(Compression compression);

// The file cannot be used at all (missing, unreadable): the ingest of this file stops.
class InputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A file (or standard input for "-") read as a stream of decompressed bytes. The compression is
// recognised from the first bytes, not the name. The raw bytes are hashed (SHA-256) as they pass,
// so the digest of a file is known once it has been read to the end, without a second pass.
class InputSource {
 public:
  static constexpr std::size_t raw_block_bytes = std::size_t{1} << 20;

  explicit InputSource(const std::string& path);
  ~InputSource();
  InputSource(const InputSource&) = delete;
  InputSource& operator=(const InputSource&) = delete;

  // Fills `out` with up to `capacity` decompressed bytes; 0 at the end of the data. A damaged or
  // truncated compressed stream ends the data early and sets damage().
  std::size_t read(char* out, std::size_t capacity);

  // A regular, uncompressed file of at least `min_bytes`, before anything was read: the whole file
  // mapped read-only, instead of read(), so that its bytes are not copied; its SHA-256 is computed
  // meanwhile on a thread of its own. The caller says with consumed() how far it has used the text
  // (for raw_bytes_read() and to let pages it is done with go). Empty when the file cannot be mapped.
  std::string_view map_whole_file(std::uint64_t min_bytes);
  void consumed(std::uint64_t bytes);

  const std::string& path() const { return path_; }
  bool is_stdin() const { return path_ == "-"; }
  Compression compression() const { return compression_; }
  // Safe to call from another thread (progress).
  std::uint64_t raw_bytes_read() const { return raw_bytes_read_.load(std::memory_order_relaxed); }
  std::optional<std::uint64_t> raw_size() const { return raw_size_; }  // unknown for pipes
  std::int64_t modified_time() const { return modified_time_; }
  // What went wrong in the compressed stream ("truncated gzip data"), if anything.
  const std::optional<std::string>& damage() const { return damage_; }
  // Hex SHA-256 of the raw bytes; complete only after read() has returned 0 (or, for a mapped
  // file, always: it waits for the hashing thread).
  std::string sha256_hex() const;

 private:
  struct Decoder;

  std::size_t read_raw(char* out, std::size_t capacity);
  std::size_t read_raw_buffered(char* out, std::size_t capacity);
  void note_damage(std::string message);

  std::string path_;
  int fd_ = -1;
  Compression compression_ = Compression::none;
  void release_mapped_pages();
  void wake_hashing() const;

  std::atomic<std::uint64_t> raw_bytes_read_ = 0;
  std::optional<std::uint64_t> raw_size_;
  std::int64_t modified_time_ = 0;
  std::optional<std::string> damage_;
  std::string peeked_;  // first bytes read to recognise the compression, not yet handed out
  std::unique_ptr<Decoder> decoder_;

  // The mapped file, its hashing and the pages given back so far.
  const char* mapped_ = nullptr;
  std::uint64_t mapped_size_ = 0;
  std::uint64_t released_ = 0;
  std::atomic<std::uint64_t> hashed_ = 0;
  std::atomic<bool> stop_hashing_ = false;
  mutable std::atomic<bool> hash_all_ = false;      // someone waits for the digest: no more pacing
  mutable std::atomic<std::uint32_t> wake_ = 0;      // bumped whenever the hashing thread may go on
  std::future<void> hashing_;
};

}  // namespace leaktrace
