#include "simulate/zstd_output.h"

#include <stdexcept>

#include <fmt/format.h>

namespace leaktrace::simulate {

void set_zstd_parameter(ZSTD_CCtx* context, ZSTD_cParameter parameter, int value) {
  const std::size_t result = ZSTD_CCtx_setParameter(context, parameter, value);
  if (ZSTD_isError(result)) throw std::runtime_error(fmt::format("zstd: {}", ZSTD_getErrorName(result)));
}

ZstdContext make_zstd_context(int level) {
  ZstdContext context(ZSTD_createCCtx());
  if (!context) throw std::runtime_error("zstd: out of memory");
  set_zstd_parameter(context.get(), ZSTD_c_compressionLevel, level);
  return context;
}

}  // namespace leaktrace::simulate
