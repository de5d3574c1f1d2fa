#pragma once

#include <cstdio>
#include <memory>

#include <zstd.h>

namespace leaktrace::simulate {

// Owners of the C handles the simulator writes its compressed files through.
struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using OutputFile = std::unique_ptr<std::FILE, FileCloser>;

struct ZstdContextFreer {
  void operator()(ZSTD_CCtx* context) const { ZSTD_freeCCtx(context); }
};
using ZstdContext = std::unique_ptr<ZSTD_CCtx, ZstdContextFreer>;

// A compression context at `level`. Both throw std::runtime_error when zstd refuses.
ZstdContext make_zstd_context(int level);
void set_zstd_parameter(ZSTD_CCtx* context, ZSTD_cParameter parameter, int value);

}  // namespace leaktrace::simulate
