// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace berth::core {

enum class ErrorKind
{
    EngineUnreachable,
    NotFound,
    Conflict,
    BadInput,
    Timeout,
    Cancelled,
    Engine,
    Io,
    Unsupported,
};

/// Short stable name of a kind ("engine-unreachable", ...), for JSON output and logs.
const char* toString(ErrorKind kind);

/// An error as a value. `message` is for a person and says what to do; `engineMessage` keeps the
/// engine's own words untouched.
struct Error
{
    ErrorKind kind = ErrorKind::Engine;
    std::string message;
    std::string engineMessage;
    int httpStatus = 0;

    /// The message, followed by the engine's words when they add something.
    std::string describe() const;
};

inline Error makeError(ErrorKind kind, std::string message)
{
    return Error{kind, std::move(message), {}, 0};
}

/// A value or an Error. Debian 12's GCC has no std::expected; this is the small part of it we use.
template <class T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<0>(m_v); }
    const T& value() const& { return std::get<0>(m_v); }
    T&& value() && { return std::get<0>(std::move(m_v)); }
    const Error& error() const { return std::get<1>(m_v); }

    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }

    T valueOr(T fallback) const& { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_v;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

} // namespace berth::core
