// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/base/Remedy.h"

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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

/// An error as a value. `message` is for a person and says what is wrong; `remedies` say what to do, as data
/// each front end words (Remedy.h); `engineMessage` keeps the engine's own words untouched.
struct Error
{
    ErrorKind kind = ErrorKind::Engine;
    std::string message;
    std::string engineMessage;
    int httpStatus = 0;
    std::vector<Remedy> remedies;
    /// Files the refused action would lose (a remove that would take user files with it), for a list.
    std::vector<std::string> files;
    /// The input it is about, when a person's choice is wrong: a launch choice's name ("memory", "gpus"...).
    std::string field;
    /// The last lines a container printed (tokens hidden), when it stopped or hung: shown under the message.
    std::vector<std::string> logLines;

    /// The message, followed by the engine's words when they add something (remedies are the front end's).
    std::string describe() const;
    /// Adds a remedy; for chains: makeError(...).with(RemedyKind::PullImage, {ref}).
    Error& with(RemedyKind remedy, std::vector<std::string> args = {}) &;
    Error&& with(RemedyKind remedy, std::vector<std::string> args = {}) &&;
    bool has(RemedyKind remedy) const;
};

inline Error makeError(ErrorKind kind, std::string message)
{
    Error e;
    e.kind = kind;
    e.message = std::move(message);
    return e;
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
