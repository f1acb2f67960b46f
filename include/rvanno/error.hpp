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
    UserError(std::string what, std::string hint = {}) : std::runtime_error(std::move(what)), hint_(std::move(hint)) {}
    const std::string& hint() const noexcept { return hint_; }

private:
    std::string hint_;
};

class UsageError : public UserError {
public:
    using UserError::UserError;
};

// `where` is "file:line" for text tables, "file: record chr:pos" for VCF/BCF records.
// what() is "where: message", as printed; where() and message() give the two parts, so no
// caller has to cut what() apart again.
class InputError : public UserError {
public:
    InputError(std::string where, std::string message, std::string hint = {})
        : UserError(where + ": " + message, std::move(hint)), where_(std::move(where)), message_(std::move(message)) {}
    const std::string& where() const noexcept { return where_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::string where_;
    std::string message_;
};

}  // namespace rvanno
