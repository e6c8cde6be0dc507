// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

// Qt Linguist files as the translation tests read them: each message with its context, and lupdate run over
// today's sources into a copy, so that a string the file lacks shows up unfinished.

#include <QFile>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>
#include <QXmlStreamReader>

namespace berth::test {

struct TsMessage
{
    QString source;
    QString translation; ///< a numerus message's forms joined
    QString type;        ///< "unfinished", "vanished"...: empty when done
};

/// The messages of a Qt Linguist file, each with the context it is filed under; empty when it does not parse.
inline QList<QPair<QString, TsMessage>> readTs(const QString& path)
{
    QList<QPair<QString, TsMessage>> found;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        return found;
    }
    QXmlStreamReader xml(&f);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"message") {
            m = {};
        } else if (xml.isStartElement() && xml.name() == u"source") {
            m.source = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == u"translation") {
            m.type = xml.attributes().value(QStringLiteral("type")).toString();
            m.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        } else if (xml.isEndElement() && xml.name() == u"message") {
            found.append({context, m});
        }
    }
    return xml.hasError() ? QList<QPair<QString, TsMessage>>{} : found;
}

/// The %1..%9 (and %n) a message fills in.
inline QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression kPlaceholder(QStringLiteral("%[1-9n]"));
    QSet<QString> set;
    for (auto it = kPlaceholder.globalMatch(text); it.hasNext();) {
        set.insert(it.next().captured());
    }
    return set;
}

/// lupdate over `sources` (files, or -project FILE.json) into a copy of `ts`: the sources of the messages it leaves without a translation (each
/// a string today's code says that the file has no words for), or an error line when lupdate failed.
inline QStringList untranslatedAfterLupdate(const QString& lupdate, const QString& ts, const QStringList& sources,
                                            int* messages = nullptr)
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("copy.ts"));
    if (!QFile::copy(ts, copy)) {
        return {QStringLiteral("cannot copy ") + ts};
    }
    QProcess p;
    p.start(lupdate, QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none")}
                         << sources << QStringLiteral("-ts") << copy);
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        return {QStringLiteral("lupdate failed: ") + QString::fromUtf8(p.readAllStandardError())};
    }
    QStringList missing;
    const auto found = readTs(copy);
    for (const auto& [context, m] : found) {
        if (!m.type.isEmpty() || m.translation.isEmpty()) {
            missing << context + QStringLiteral(": ") + m.source;
        }
    }
    if (messages) {
        *messages = static_cast<int>(found.size());
    }
    return missing;
}

} // namespace berth::test
