#pragma once

#include <stdexcept>
#include <string>

namespace leaktrace {

// What every analysis object shares (STYLE.md): run() once, getters refuse before that.
class Analysis {
 public:
  virtual ~Analysis() = default;
  virtual void run() = 0;
  bool finished() const { return finished_; }

 protected:
  void mark_finished() { finished_ = true; }
  void assure_finished(const char* name) const {
    if (!finished_) throw std::logic_error(std::string(name) + ": call run() before reading its results");
  }

 private:
  bool finished_ = false;
};

}  // namespace leaktrace
