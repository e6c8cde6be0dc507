// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Offline bundles against recorded engine answers: what an export writes (the manifest, the profile pinned by
// image ID, the engine's archive, in a tar that tar itself reads), what an import checks before it touches the
// engine and after it loads, and hostile bundles: names that climb out of the folder, links, foreign or cut tars,
// a profile that does not read, an image whose ID is not the bundle's.
#include "FakeTransport.h"

#include "berth/core/engine/EngineClient.h"
#include "berth/core/profile/Bundle.h"
#include "berth/core/profile/Profile.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <sstream>

using namespace berth::core;
using berth::test::FakeTransport;

namespace {
const std::string kId = "sha256:36b5f2019687b6fe8978a0ead5995cce2efc0cff59cdca5b3aecfc1b826bf360";
const std::string kOtherId = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
std::string kArchive; // what the engine's save sends (a real tar, made by tar); the bundle keeps it byte for byte

std::string imageJson(const std::string& id)
{
    return nlohmann::json({{"Id", id}, {"RepoTags", {"berth-test/notebook:6"}}, {"Size", 3000}}).dump();
}

std::string readAll(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeAll(const QString& path, const std::string& data)
{
    std::ofstream(path.toStdString(), std::ios::binary | std::ios::trunc) << data;
}

/// Renames the tar entry at header offset `at` and fixes its checksum, as a hostile author would.
std::string renamed(std::string tar, std::size_t at, const std::string& name, char type = '0')
{
    std::fill(tar.begin() + static_cast<long>(at), tar.begin() + static_cast<long>(at) + 100, '\0');
    std::copy(name.begin(), name.end(), tar.begin() + static_cast<long>(at));
    tar[at + 156] = type;
    std::fill(tar.begin() + static_cast<long>(at) + 148, tar.begin() + static_cast<long>(at) + 156, ' ');
    unsigned sum = 0;
    for (std::size_t i = 0; i < 512; ++i) {
        sum += static_cast<unsigned char>(tar[at + i]);
    }
    char field[8];
    std::snprintf(field, sizeof field, "%06o", sum);
    std::copy(field, field + 7, tar.begin() + static_cast<long>(at) + 148);
    return tar;
}
} // namespace

class TestBundle : public QObject
{
    Q_OBJECT

    QTemporaryDir dir;
    QString bundle;

    QString profileFile()
    {
        const QString path = dir.filePath("course.berth.json");
        writeAll(path, "// keep this comment\n{ \"image\": \"berth-test/notebook:6\", \"postCreateCommand\": \"echo hi\" }\n");
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QTemporaryDir src;
        writeAll(src.filePath("manifest.json"), "[]\n");
        writeAll(src.filePath("layer.tar"), std::string(2500, 'x'));
        const QString archive = dir.filePath("save.tar");
        QCOMPARE(QProcess::execute("tar", {"-cf", archive, "-C", src.path(), "manifest.json", "layer.tar"}), 0);
        kArchive = readAll(archive);
        QVERIFY(kArchive.size() >= 4096);
    }

    void exportWritesManifestProfilePinnedByIdAndTheArchive()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/images/berth-test%2Fnotebook%3A6/json", FakeTransport::ok(imageJson(kId)));
        fake->expect("GET", "/images/get?names=berth-test%2Fnotebook%3A6", FakeTransport::ok(kArchive), 700);
        EngineClient engine(fake);
        auto profile = loadProfile(profileFile().toStdString());
        QVERIFY(profile);
        bundle = dir.filePath("course.tar");
        std::vector<BundleProgress> seen;
        auto out = exportBundle(engine, *profile, bundle.toStdString(), [&](const BundleProgress& p) { seen.push_back(p); });
        QVERIFY2(out, out ? "" : out.error().message.c_str());
        QCOMPARE(out->images.size(), std::size_t(1));
        QCOMPARE(out->images[0].id, kId);
        QCOMPARE(seen.size(), (kArchive.size() + 699) / 700); // a step per chunk the engine sent
        QCOMPARE(seen.back().done, static_cast<std::int64_t>(kArchive.size()));
        QCOMPARE(out->bytes % 512, std::int64_t(0));

        // tar itself reads it: three entries, the archive byte for byte, the profile pinned with its comment.
        QProcess tar;
        tar.start("tar", {"-tf", bundle});
        QVERIFY(tar.waitForFinished());
        QCOMPARE(QString::fromUtf8(tar.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts),
                 (QStringList{"berth-bundle.json", "profile/course.berth.json", "images.tar"}));
        QTemporaryDir x;
        QCOMPARE(QProcess::execute("tar", {"-xf", bundle, "-C", x.path()}), 0);
        QCOMPARE(readAll(x.filePath("images.tar")), kArchive);
        const std::string pinnedProfile = readAll(x.filePath("profile/course.berth.json"));
        QVERIFY2(pinnedProfile.find("\"berth-test/notebook:6@" + kId + "\"") != std::string::npos, pinnedProfile.c_str());
        QVERIFY(pinnedProfile.starts_with("// keep this comment"));
        const auto manifest = nlohmann::json::parse(readAll(x.filePath("berth-bundle.json")));
        QCOMPARE(manifest["format"].get<int>(), 1);
        QCOMPARE(manifest["images"][0]["id"].get<std::string>(), kId);
        QCOMPARE(manifest["profile"].get<std::string>(), std::string("course.berth.json"));

        // Never over an existing file; a failed save leaves no half bundle.
        auto again = exportBundle(engine, *profile, bundle.toStdString());
        QVERIFY(!again);
        QVERIFY(again.error().kind == ErrorKind::Conflict);
        auto broken = std::make_shared<FakeTransport>();
        broken->expect("GET", "/images/berth-test%2Fnotebook%3A6/json", FakeTransport::ok(imageJson(kId)));
        broken->expect("GET", "/images/get", FakeTransport::ok("{\"message\":\"disk full\"}", 500));
        EngineClient failing(broken);
        const QString half = dir.filePath("half.tar");
        QVERIFY(!exportBundle(failing, *profile, half.toStdString()));
        QVERIFY(!QFile::exists(half));
    }

    void aFileUnderDevcontainerKeepsItsPlace()
    {
        // .devcontainer/NAME/devcontainer.json: its ${localWorkspaceFolder} is the folder above .devcontainer,
        // so the bundle keeps the file there and opens it from there.
        const QString file = dir.filePath("repo/.devcontainer/cpu/devcontainer.json");
        QVERIFY(QDir().mkpath(QFileInfo(file).path()));
        writeAll(file, "{ \"image\": \"berth-test/notebook:6\" }\n");
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/images/berth-test%2Fnotebook%3A6/json", FakeTransport::ok(imageJson(kId)));
        fake->expect("GET", "/images/get", FakeTransport::ok(kArchive));
        EngineClient engine(fake);
        auto profile = loadProfile(file.toStdString());
        QVERIFY(profile);
        const QString out = dir.filePath("repo.tar");
        QVERIFY(exportBundle(engine, *profile, out.toStdString()));
        QTemporaryDir x;
        QCOMPARE(QProcess::execute("tar", {"-xf", out, "-C", x.path()}), 0);
        QVERIFY(QFile::exists(x.filePath("profile/.devcontainer/cpu/devcontainer.json")));
        const auto manifest = nlohmann::json::parse(readAll(x.filePath("berth-bundle.json")));
        QCOMPARE(manifest["profile"].get<std::string>(), std::string(".devcontainer/cpu/devcontainer.json"));
    }

    void importLoadsChecksAndWritesTheProfile()
    {
        QVERIFY(!bundle.isEmpty());
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/_ping", berth::test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok("{\"stream\":\"Loaded image: berth-test/notebook:6\\n\"}\n"));
        fake->expect("GET", "/images/berth-test%2Fnotebook%3A6/json", FakeTransport::ok(imageJson(kId)));
        EngineClient engine(fake);
        const QString dest = dir.filePath("imported");
        auto out = importBundle(engine, bundle.toStdString(), dest.toStdString());
        QVERIFY2(out, out ? "" : out.error().message.c_str());
        QCOMPARE(fake->uploads().size(), std::size_t(1));
        QCOMPARE(fake->uploads()[0], kArchive); // only the archive goes to the engine, streamed from the bundle
        QCOMPARE(QString::fromStdString(out->path), dest + "/course.berth.json");
        auto profile = loadProfile(out->path);
        QVERIFY(profile);
        QCOMPARE(profile->environments[0].choices.image, "berth-test/notebook:6@" + kId);
        QCOMPARE(QDir(dir.path()).entryList({"*.berth-import-*"}, QDir::AllEntries | QDir::Hidden).size(), 0);
        // The folder is not written over.
        auto again = importBundle(engine, bundle.toStdString(), dest.toStdString());
        QVERIFY(!again);
        QVERIFY(again.error().kind == ErrorKind::Conflict);
    }

    void anImageThatIsNotTheBundlesWritesNoProfile()
    {
        auto fake = std::make_shared<FakeTransport>();
        fake->expect("GET", "/_ping", berth::test::pingResponse());
        fake->expect("POST", "/images/load", FakeTransport::ok("{\"stream\":\"Loaded image: berth-test/notebook:6\\n\"}\n"));
        fake->expect("GET", "/images/berth-test%2Fnotebook%3A6/json", FakeTransport::ok(imageJson(kOtherId)));
        EngineClient engine(fake);
        const QString dest = dir.filePath("wrong");
        auto out = importBundle(engine, bundle.toStdString(), dest.toStdString());
        QVERIFY(!out);
        QVERIFY(out.error().kind == ErrorKind::Conflict);
        QVERIFY(out.error().message.find(kId) != std::string::npos);
        QVERIFY(out.error().message.find(kOtherId) != std::string::npos);
        QVERIFY(!QFile::exists(dest));
        QCOMPARE(QDir(dir.path()).entryList({"*.berth-import-*"}, QDir::AllEntries | QDir::Hidden).size(), 0);
    }

    void hostileBundlesAreRefusedBeforeTheEngine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        const std::string good = readAll(bundle);
        if (good.size() < 4096) {
            QFAIL("no bundle from the export test");
        }
        // Entry offsets: the manifest at 0, the profile after it (each a header and one data block here).
        const std::size_t profileAt = 1024;
        QTest::newRow("climbs out") << QByteArray::fromStdString(renamed(good, profileAt, "profile/../../x.json"))
                                    << "a profile file Berth would not write";
        QTest::newRow("absolute") << QByteArray::fromStdString(renamed(good, profileAt, "profile//etc/x"))
                                  << "a profile file Berth would not write";
        QTest::newRow("hidden") << QByteArray::fromStdString(renamed(good, profileAt, "profile/.bashrc"))
                                << "a profile file Berth would not write";
        QTest::newRow("a link") << QByteArray::fromStdString(renamed(good, profileAt, "profile/course.berth.json", '2'))
                                << "an entry Berth does not write";
        QTest::newRow("foreign entry") << QByteArray::fromStdString(renamed(good, profileAt, "run-me.sh"))
                                       << "an entry Berth does not write";
        QTest::newRow("no manifest first") << QByteArray::fromStdString(renamed(good, 0, "profile/a.json"))
                                           << "does not start with berth-bundle.json";
        std::string badSum = good;
        badSum[10] = 'Z';
        QTest::newRow("bad checksum") << QByteArray::fromStdString(badSum) << "a damaged or foreign tar header";
        QTest::newRow("cut short") << QByteArray::fromStdString(good.substr(0, 1024 + 100)) << "it ends too soon";
        QTest::newRow("not a tar") << QByteArray("{\"image\": \"x\"}") << "it ends too soon";
        QTest::newRow("empty") << QByteArray() << "it ends too soon";
        std::string noImages = good.substr(0, 2048) + std::string(1024, '\0');
        QTest::newRow("no images") << QByteArray::fromStdString(noImages) << "no images or no profile";
    }
    void hostileBundlesAreRefusedBeforeTheEngine()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const QString path = dir.filePath("hostile.tar");
        writeAll(path, bytes.toStdString());
        auto fake = std::make_shared<FakeTransport>(); // no answer expected: the engine is never asked
        EngineClient engine(fake);
        const QString dest = dir.filePath("hostile-out");
        auto out = importBundle(engine, path.toStdString(), dest.toStdString());
        QVERIFY(!out);
        QVERIFY2(QString::fromStdString(out.error().message).contains(expected), out.error().message.c_str());
        QVERIFY(fake->targets().empty());
        QVERIFY(!QFile::exists(dest));
        QVERIFY(!QFile::exists(dir.filePath("x.json")));
    }

    void aBundledProfileThatDoesNotReadLoadsNothing()
    {
        // A bundle whose profile an attacker edited (checksums fixed): refused before any image is loaded.
        std::string tar = readAll(bundle);
        const std::string from = "\"postCreateCommand\"";
        const auto at = tar.find(from);
        QVERIFY(at != std::string::npos);
        tar.replace(at, from.size(), "\"initializeCommand\"");
        const QString path = dir.filePath("edited.tar");
        writeAll(path, tar);
        auto fake = std::make_shared<FakeTransport>();
        EngineClient engine(fake);
        auto out = importBundle(engine, path.toStdString(), dir.filePath("edited").toStdString());
        QVERIFY(!out);
        QVERIFY2(out.error().message.find("nothing was loaded") != std::string::npos, out.error().message.c_str());
        QVERIFY(out.error().message.find("initializeCommand: refused") != std::string::npos);
        QVERIFY(fake->targets().empty());
    }
};

QTEST_GUILESS_MAIN(TestBundle)
#include "TestBundle.moc"
