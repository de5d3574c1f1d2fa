#include "ingest/input_source.h"

#include <zlib.h>
#include <zstd.h>

#include <gtest/gtest.h>

#include "unit/test_files.h"

namespace leaktrace {
namespace {

using testing::TempDir;

std::string gzip(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, text.size()) + 64, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

std::string zstd(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3));
  return out;
}

std::string read_all(InputSource& source, std::size_t block = 7) {
  std::string out;
  std::string buffer(block, '\0');
  while (std::size_t n = source.read(buffer.data(), buffer.size())) out.append(buffer.data(), n);
  return out;
}

std::string sample_text() {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "{\"id_str\":\"" + std::to_string(i) + "\"}\n";
  return text;
}

TEST(InputSource, ReadsPlainText) {
  TempDir dir;
  InputSource source(dir.write("a.jsonl", "{\"a\":1}\n"));
  EXPECT_EQ(source.compression(), Compression::none);
  EXPECT_EQ(read_all(source), "{\"a\":1}\n");
  EXPECT_EQ(source.raw_size(), 8u);
  EXPECT_FALSE(source.damage());
}

TEST(InputSource, RecognisesGzipByContentNotName) {
  TempDir dir;
  std::string text = sample_text();
  InputSource source(dir.write("looks-plain.jsonl", gzip(text)));
  EXPECT_EQ(source.compression(), Compression::gzip);
  EXPECT_EQ(read_all(source, 4096), text);
  EXPECT_FALSE(source.damage());
}

TEST(InputSource, ReadsConcatenatedGzipMembers) {
  TempDir dir;
  InputSource source(dir.write("two.gz", gzip("first\n") + gzip("second\n")));
  EXPECT_EQ(read_all(source), "first\nsecond\n");
  EXPECT_FALSE(source.damage());
}

TEST(InputSource, ReadsZstd) {
  TempDir dir;
  std::string text = sample_text();
  InputSource source(dir.write("a.zst", zstd(text)));
  EXPECT_EQ(source.compression(), Compression::zstd);
  EXPECT_EQ(read_all(source, 1000), text);
  EXPECT_FALSE(source.damage());
}

TEST(InputSource, TruncatedGzipKeepsWhatCameBeforeAndSaysSo) {
  TempDir dir;
  std::string text = sample_text();
  std::string compressed = gzip(text);
  InputSource source(dir.write("cut.gz", compressed.substr(0, compressed.size() / 2)));
  std::string got = read_all(source, 4096);
  EXPECT_GT(got.size(), 0u);
  EXPECT_EQ(text.compare(0, got.size(), got), 0) << "the bytes before the cut are the original ones";
  ASSERT_TRUE(source.damage());
  EXPECT_NE(source.damage()->find("truncated gzip"), std::string::npos) << *source.damage();
}

TEST(InputSource, TruncatedZstdIsReported) {
  TempDir dir;
  std::string compressed = zstd(sample_text());
  InputSource source(dir.write("cut.zst", compressed.substr(0, compressed.size() - 10)));
  read_all(source, 4096);
  ASSERT_TRUE(source.damage());
  EXPECT_NE(source.damage()->find("zstd"), std::string::npos);
}

TEST(InputSource, CorruptGzipIsReported) {
  TempDir dir;
  std::string compressed = gzip(sample_text());
  for (std::size_t i = 20; i < 60; ++i) compressed[i] = static_cast<char>(compressed[i] ^ 0x5a);
  InputSource source(dir.write("bad.gz", compressed));
  read_all(source, 4096);
  ASSERT_TRUE(source.damage());
}

TEST(InputSource, Sha256OfRawBytes) {
  TempDir dir;
  // FIPS 180-2 test vector for "abc".
  InputSource source(dir.write("abc", "abc"));
  read_all(source);
  EXPECT_EQ(source.sha256_hex(), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(InputSource, Sha256IsOfTheCompressedFile) {
  TempDir dir;
  std::string compressed = gzip("abc");
  std::string path = dir.write("abc.gz", compressed);
  InputSource plain(dir.write("copy", compressed));
  read_all(plain);
  InputSource source(path);
  EXPECT_EQ(read_all(source), "abc");
  EXPECT_EQ(source.sha256_hex(), plain.sha256_hex());
}

TEST(InputSource, MissingFileSaysWhatToCheck) {
  try {
    InputSource source("/nonexistent/leaktrace.jsonl");
    FAIL() << "expected InputError";
  } catch (const InputError& error) {
    EXPECT_NE(std::string(error.what()).find("/nonexistent/leaktrace.jsonl"), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("check the path"), std::string::npos);
  }
}

TEST(InputSource, DirectoryIsRefused) {
  TempDir dir;
  EXPECT_THROW(InputSource(dir.file("")), InputError);
}

TEST(InputSource, EmptyFileReadsNothing) {
  TempDir dir;
  InputSource source(dir.write("empty", ""));
  EXPECT_EQ(read_all(source), "");
  EXPECT_FALSE(source.damage());
}

}  // namespace
}  // namespace leaktrace
