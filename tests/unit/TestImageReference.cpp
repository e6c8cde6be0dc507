// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Image references read by docker's grammar (distribution/reference: reference.go, regexp.go, normalize.go and
// their tests): what it accepts, what it refuses, and the forms written back.
#include "berth/core/base/ImageReference.h"

#include <QTest>

using namespace berth::core;

namespace {
const std::string kHex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const std::string kDigest = "sha256:" + kHex64;

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}
} // namespace

class TestImageReference : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatDockerReads_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("registry");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("digest");
        const QString d = q(kDigest);
        // Docker Hub's short names, with and without library/ and the Hub's host names.
        QTest::newRow("official") << "python" << "" << "python" << "" << "";
        QTest::newRow("official tag") << "python:3.12" << "" << "python" << "3.12" << "";
        QTest::newRow("library/") << "library/python:3.12" << "" << "library/python" << "3.12" << "";
        QTest::newRow("docker.io") << "docker.io/library/python:3.12" << "docker.io" << "library/python" << "3.12"
                                   << "";
        QTest::newRow("index.docker.io") << "index.docker.io/jupyter/base-notebook" << "index.docker.io"
                                         << "jupyter/base-notebook" << "" << "";
        QTest::newRow("user repo") << "jupyter/scipy-notebook:2024-05-27" << "" << "jupyter/scipy-notebook"
                                   << "2024-05-27" << "";
        QTest::newRow("three components") << "a/b/c" << "" << "a/b/c" << "" << "";
        // Other registries: a first component with '.' or ':', or "localhost".
        QTest::newRow("quay") << "quay.io/jupyter/minimal-notebook:latest" << "quay.io" << "jupyter/minimal-notebook"
                              << "latest" << "";
        QTest::newRow("nvcr") << "nvcr.io/nvidia/cuda:11.8.0-cudnn8-devel-ubuntu22.04" << "nvcr.io" << "nvidia/cuda"
                              << "11.8.0-cudnn8-devel-ubuntu22.04" << "";
        QTest::newRow("localhost") << "localhost/x" << "localhost" << "x" << "" << "";
        QTest::newRow("localhost port") << "localhost:5000/x:1" << "localhost:5000" << "x" << "1" << "";
        QTest::newRow("host port no dot") << "test:5000/repo" << "test:5000" << "repo" << "" << "";
        QTest::newRow("ipv4 port") << "127.0.0.1:5000/berth-test/pullme:1" << "127.0.0.1:5000" << "berth-test/pullme"
                                   << "1" << "";
        QTest::newRow("ipv4") << "192.168.1.1/repo" << "192.168.1.1" << "repo" << "" << "";
        QTest::newRow("ipv6") << "[2001:db8::1]/repo:tag" << "[2001:db8::1]" << "repo" << "tag" << "";
        QTest::newRow("ipv6 port") << "[::1]:5000/repo" << "[::1]:5000" << "repo" << "" << "";
        QTest::newRow("subdomains") << "sub-dom1.foo.com/bar/baz/quux:some-long-tag" << "sub-dom1.foo.com"
                                    << "bar/baz/quux" << "some-long-tag" << "";
        QTest::newRow("dots in path") << "b.gcr.io/test.example.com/my-app:test.example.com" << "b.gcr.io"
                                      << "test.example.com/my-app" << "test.example.com" << "";
        QTest::newRow("punycode") << "xn--n3h.com/myimage:xn--n3h.com" << "xn--n3h.com" << "myimage" << "xn--n3h.com"
                                  << "";
        QTest::newRow("upper-case host") << "Example.COM/x" << "Example.COM" << "x" << "" << "";
        // docker's rule: a first component with an upper-case letter is a registry, for paths cannot have one.
        QTest::newRow("upper-case first") << "Foo/bar" << "Foo" << "bar" << "" << "";
        // With no '/', what follows ':' is a tag, whatever it looks like.
        QTest::newRow("host:port alone") << "localhost:5000" << "" << "localhost" << "5000" << "";
        QTest::newRow("dotted name") << "test.com:tag" << "" << "test.com" << "tag" << "";
        // Separators: one '.', one or two '_', any number of '-'.
        QTest::newRow("separators") << "x/a.b/c_d/e__f/g-h/i---j" << "" << "x/a.b/c_d/e__f/g-h/i---j" << "" << "";
        QTest::newRow("hex name") << "0123456789ab" << "" << "0123456789ab" << "" << "";
        // Tags: word characters first, then also '.' and '-', case kept, up to 128.
        QTest::newRow("upper-case tag") << "lowercase:Uppercase" << "" << "lowercase" << "Uppercase" << "";
        QTest::newRow("underscore tag") << "x:_1.0-rc" << "" << "x" << "_1.0-rc" << "";
        QTest::newRow("128-char tag") << "x:" + QString(128, 'a') << "" << "x" << QString(128, 'a') << "";
        // Digests.
        QTest::newRow("digest") << "python@" + d << "" << "python" << "" << d;
        QTest::newRow("tag and digest") << "python:3.12@" + d << "" << "python" << "3.12" << d;
        QTest::newRow("registry tag digest") << "[2001:db8::1]:5000/repo:tag@" + d << "[2001:db8::1]:5000" << "repo"
                                             << "tag" << d;
        QTest::newRow("sha512") << "x@sha512:" + q(kHex64 + kHex64) << "" << "x" << ""
                                << "sha512:" + q(kHex64 + kHex64);
        // Lengths: the path, as docker normalises it, up to 255.
        QTest::newRow("255 path") << "example.com/" + QString(255, 'a') << "example.com" << QString(255, 'a') << ""
                                  << "";
        QTest::newRow("255 deep path") << QString("a/").repeated(127) + "a:t" << "" << QString("a/").repeated(127) + "a"
                                       << "t" << "";
        QTest::newRow("247 official") << QString(247, 'x') << "" << QString(247, 'x') << "" << "";
    }
    void readsWhatDockerReads()
    {
        QFETCH(QString, text);
        QFETCH(QString, registry);
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(QString, digest);
        const auto r = ImageReference::parse(text.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(q(r->registry), registry);
        QCOMPARE(q(r->repository), repository);
        QCOMPARE(q(r->tag), tag);
        QCOMPARE(q(r->digest), digest);
        // Written back as it was written, and read again as the same.
        QCOMPARE(q(r->toString()), text);
        const auto again = ImageReference::parse(r->toString());
        QVERIFY(again.ok());
        QVERIFY(*again == *r);
        QCOMPARE(r->pinned(), !digest.isEmpty());
    }

    void refusesWhatDockerRefuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("why");
        QTest::newRow("empty") << "" << "empty";
        // Whitespace, control characters, bytes outside ASCII.
        QTest::newRow("leading space") << " python" << "space";
        QTest::newRow("trailing space") << "python " << "space";
        QTest::newRow("inner space") << "berth bad ref" << "space";
        QTest::newRow("tab") << "python\t" << "space";
        QTest::newRow("newline") << "python:3\n" << "space";
        QTest::newRow("escape") << "py\x1b[2Jthon" << "control";
        QTest::newRow("nul") << QString::fromLatin1("py\0thon", 7) << "control";
        QTest::newRow("del") << "py\x7fthon" << "control";
        QTest::newRow("not ascii") << QString::fromUtf8("pyth\xc3\xb6n") << "not ASCII";
        // Upper case in the repository.
        QTest::newRow("upper-case name") << "Python:3.12" << "lower-case";
        QTest::newRow("upper-case path") << "jupyter/Base-Notebook" << "lower-case";
        QTest::newRow("upper-case after registry") << "localhost:5000/Foo/bar:1" << "lower-case";
        QTest::newRow("upper-case both") << "TensorFlow/TensorFlow:2.15.0" << "lower-case";
        // Separators.
        QTest::newRow("double dot") << "a..b" << "path component";
        QTest::newRow("triple underscore") << "a___b" << "path component";
        QTest::newRow("dot dash") << "a.-b" << "path component";
        QTest::newRow("leading dash") << "-a" << "path component";
        QTest::newRow("trailing dot") << "a." << "path component";
        QTest::newRow("leading underscore") << "jupyter/_x" << "path component";
        QTest::newRow("symbols") << "aa/asdf$$^/aa" << "path component";
        // Empty components.
        QTest::newRow("double slash") << "a//b" << "empty component";
        QTest::newRow("trailing slash") << "jupyter/" << "empty component";
        QTest::newRow("leading slash") << "/python" << "empty component";
        QTest::newRow("registry only") << "quay.io/" << "empty component";
        QTest::newRow("registry and tag") << "localhost:5000/:1" << "empty component";
        // Registries.
        QTest::newRow("dash host") << "-bad.com/x" << "registry";
        QTest::newRow("host dash") << "bad-.com/x" << "registry";
        QTest::newRow("empty label") << "bad..com/x" << "registry";
        QTest::newRow("empty port") << "localhost:/x" << "registry";
        QTest::newRow("letter port") << "localhost:50a0/x" << "registry";
        QTest::newRow("unclosed ipv6") << "[::1/x" << "registry";
        QTest::newRow("empty ipv6") << "[]:5000/x" << "registry";
        QTest::newRow("brackets, not a host") << "[]/x" << "path component";
        QTest::newRow("ipv6 zone") << "[fe80::1%eth0]:5000/repo" << "registry";
        QTest::newRow("ipv6 alone") << "[2001:db8::1]" << "";
        QTest::newRow("ipv6 port alone") << "[2001:db8::1]:5000" << "";
        // Tags.
        QTest::newRow("only a tag") << ":justtag" << "no name";
        QTest::newRow("empty tag") << "python:" << "tag";
        QTest::newRow("dash tag") << "python:-1" << "tag";
        QTest::newRow("dot tag") << "python:.1" << "tag";
        QTest::newRow("129-char tag") << "x:" + QString(129, 'a') << "tag";
        QTest::newRow("two tags") << "python:3:12" << "";
        QTest::newRow("plus in tag") << "python:3+1" << "tag";
        // Digests.
        QTest::newRow("only a digest") << "@" + q(kDigest) << "no name";
        QTest::newRow("empty digest") << "python@" << "digest";
        QTest::newRow("short digest") << "python@sha256:ab" << "digest";
        QTest::newRow("63 hex") << "python@sha256:" + q(kHex64.substr(1)) << "digest";
        QTest::newRow("65 hex") << "python@sha256:" + q(kHex64 + "0") << "digest";
        QTest::newRow("upper-case hex") << "python@sha256:" + q(kHex64).toUpper() << "digest";
        QTest::newRow("not hex") << "python@sha256:" + QString(64, 'g') << "digest";
        QTest::newRow("no algorithm") << "python@" + q(kHex64) << "digest";
        QTest::newRow("unknown algorithm") << "python@md5:" + q(kHex64) << "digest";
        QTest::newRow("sha512 of sha256 length") << "python@sha512:" + q(kHex64) << "digest";
        QTest::newRow("two digests") << "python@" + q(kDigest) + "@" + q(kDigest) << "digest";
        QTest::newRow("digest before tag") << "python@" + q(kDigest) + ":1" << "digest";
        // Image ids are no references.
        QTest::newRow("id") << q(kHex64) << "image id";
        QTest::newRow("sha256 id") << q(kDigest) << "image id";
        QTest::newRow("short sha256 id") << "sha256:0123" << "image id";
        // Lengths.
        QTest::newRow("256 path") << "domain/" + QString(256, 'a') + ":tag" << "255";
        QTest::newRow("248 official") << QString(248, 'x') << "255";
    }
    void refusesWhatDockerRefuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, why);
        const QByteArray bytes = text.toUtf8();
        const auto r =
            ImageReference::parse(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        QVERIFY2(!r.ok(), r.ok() ? r->toString().c_str() : "");
        QCOMPARE(r.error().kind, ErrorKind::BadInput);
        const std::string& m = r.error().message;
        QVERIFY2(m.find("is not an image reference") != std::string::npos, m.c_str());
        QVERIFY2(m.find("Write it like python:3.12 or quay.io/jupyter/minimal-notebook:latest.") != std::string::npos,
                 m.c_str());
        QVERIFY2(m.find(why.toStdString()) != std::string::npos, m.c_str());
        // The text is shown, never obeyed: no control character reaches a terminal.
        for (const char c : m) {
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, m.c_str());
        }
    }

    void showsALongRefusalShort()
    {
        const auto r = ImageReference::parse(std::string(5000, 'A'));
        QVERIFY(!r.ok());
        QVERIFY(r.error().message.size() < 400);
    }

    void writesTheFormsBack()
    {
        const auto r = *ImageReference::parse("docker.io/library/python:3.12@" + kDigest);
        QCOMPARE(r.name(), std::string("docker.io/library/python"));
        QCOMPARE(r.toString(), "docker.io/library/python:3.12@" + kDigest);
        QCOMPARE(r.familiarRepository(), std::string("python"));
        QCOMPARE(r.familiar(), "python:3.12@" + kDigest);
        QCOMPARE(r.tagOrLatest(), std::string("3.12"));
        QVERIFY(r.onDockerHub());

        QCOMPARE(ImageReference::parse("python")->tagOrLatest(), std::string("latest"));
        QCOMPARE(ImageReference::parse("python")->toString(), std::string("python")); // no tag added
        QCOMPARE(ImageReference::parse("python@" + kDigest)->tagOrLatest(), std::string("latest"));
        QCOMPARE(ImageReference::parse("registry-1.docker.io/library/ubuntu")->familiar(), std::string("ubuntu"));
        QCOMPARE(ImageReference::parse("index.docker.io/jupyter/base-notebook:x")->familiar(),
                 std::string("jupyter/base-notebook:x"));
        QCOMPARE(ImageReference::parse("DOCKER.IO/library/python")->familiar(), std::string("python"));
        // "library/" goes only before an official image's single name, and only on Docker Hub.
        QCOMPARE(ImageReference::parse("library/a/b")->familiar(), std::string("library/a/b"));
        QCOMPARE(ImageReference::parse("quay.io/library/x:1")->familiar(), std::string("quay.io/library/x:1"));
        QCOMPARE(ImageReference::parse("localhost:5000/x:1")->familiar(), std::string("localhost:5000/x:1"));
        // Unless the short form would read as another image.
        QCOMPARE(ImageReference::parse("docker.io/foo.com/x:1")->familiar(), std::string("docker.io/foo.com/x:1"));
        QCOMPARE(ImageReference::parse("docker.io/library/" + kHex64)->familiar(), "docker.io/library/" + kHex64);
        QCOMPARE(ImageReference::parse("docker.io/sha256:0123")->familiar(), std::string("docker.io/sha256:0123"));
        QVERIFY(!ImageReference::parse("localhost:5000/x")->onDockerHub());
        QVERIFY(!ImageReference::parse("docker.io.example.com/x")->onDockerHub());
        QVERIFY(ImageReference::parse("jupyter/base-notebook")->onDockerHub());
    }

    void pinnedMeansAValidDigest()
    {
        QVERIFY(!ImageReference::parse("python:3.12")->pinned());
        QVERIFY(ImageReference::parse("python@" + kDigest)->pinned());
        QVERIFY(ImageReference::parse("quay.io/x:1@" + kDigest)->pinned());
        // Filled by hand rather than parsed: only a digest that is one pins.
        ImageReference byHand;
        byHand.repository = "python";
        byHand.digest = "sha256:ab";
        QVERIFY(!byHand.pinned());
        byHand.digest = "sha256:" + std::string(64, 'A');
        QVERIFY(!byHand.pinned());
        byHand.digest = kDigest;
        QVERIFY(byHand.pinned());

        QVERIFY(ImageReference::isDigest(kDigest));
        QVERIFY(ImageReference::isDigest("sha512:" + kHex64 + kHex64));
        QVERIFY(!ImageReference::isDigest(kHex64));
        QVERIFY(!ImageReference::isDigest("sha256:"));
        QVERIFY(!ImageReference::isDigest("SHA256:" + kHex64));
        QVERIFY(!ImageReference::isDigest("sha384:" + kHex64 + kHex64.substr(0, 32)));
        QVERIFY(!ImageReference::isDigest(kDigest + " "));
    }

    void shortNameIsTheLastPathComponent()
    {
        QCOMPARE(ImageReference::parse("quay.io/lab/notebook:6")->shortName(), std::string("notebook"));
        QCOMPARE(ImageReference::parse("python")->shortName(), std::string("python"));
        QCOMPARE(ImageReference::parse("berth-test/notebook:6")->shortName(), std::string("notebook"));
        QCOMPARE(ImageReference::parse("localhost:5000/a/b/c@" + kDigest)->shortName(), std::string("c"));
        QCOMPARE(ImageReference::parse("localhost:5000")->shortName(), std::string("localhost"));
        QCOMPARE(ImageReference::parse("docker.io/library/my.app_x:1")->shortName(), std::string("my.app_x"));
    }

    void splitsTheEnginesRepoTags()
    {
        // What `berthctl images` shows as REPOSITORY and TAG.
        auto r = ImageReference::parse("localhost:5000/x:1");
        QCOMPARE(r->name(), std::string("localhost:5000/x"));
        QCOMPARE(r->tag, std::string("1"));
        r = ImageReference::parse("docker.io/library/python:3.12"); // Podman names them in full
        QCOMPARE(r->name(), std::string("docker.io/library/python"));
        QCOMPARE(r->tag, std::string("3.12"));
        QVERIFY(!ImageReference::parse("<none>:<none>").ok());
        QVERIFY(!ImageReference::parse("<none>@<none>").ok());
    }
};

QTEST_GUILESS_MAIN(TestImageReference)
#include "TestImageReference.moc"
