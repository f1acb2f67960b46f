// Errors rvanno reports to its user. Code below main() throws these and never exits;
// main() is the only place that catches, prints and picks the exit code.
//   UsageError  -> exit 2 (bad options, missing arguments)
//   UserError   -> exit 1 (a file that cannot be read, an input that contradicts an option)
//   InputError  -> exit 1, a UserError that also names the file and line or record
// Messages answer "what went wrong"; `hint` answers "what can be done about it".
#pragma once
#include <stdexcept>
#include <string>

namespace rvanno {

class UserError : public std::runtime_error {
public:
    UserError(std::string what, std::string hint = {})
        : std::runtime_error(std::move(what)), hint_(std::move(hint)) {}
    const std::string& hint() const noexcept { return hint_; }
private:
    std::string hint_;
};

class UsageError : public UserError {
public:
    using UserError::UserError;
};

// `where` is "file:line" for text tables, "file: record chr:pos" for VCF/BCF records.
class InputError : public UserError {
public:
    InputError(std::string where, const std::string& what, std::string hint = {})
        : UserError(where + ": " + what, std::move(hint)), where_(std::move(where)) {}
    const std::string& where() const noexcept { return where_; }
private:
    std::string where_;
};

}  // namespace rvanno
