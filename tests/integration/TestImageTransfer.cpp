// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Image archives between two real engines, as an offline bundle carries them: Docker (DOCKER_HOST) and Podman
// (BERTH_TEST_PODMAN_HOST) at once, both ways, through a file. The images are made here, two small ones with
// tags of this run's own: the test bed's images are shared with tests that remove and pull them while this runs.
#include "LiveEngine.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <set>
#include <thread>

using namespace berth;
using namespace berth::core;
using namespace std::chrono_literals;

namespace {

std::string sha256(const std::string& bytes)
{
    return QCryptographicHash::hash(QByteArray::fromRawData(bytes.data(), static_cast<qsizetype>(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

/// A ustar header for a regular file of `size` bytes.
std::string tarHeader(const std::string& name, std::uint64_t size)
{
    std::string h(512, '\0');
    auto put = [&h](std::size_t offset, const std::string& value) {
        std::memcpy(&h[offset], value.data(), value.size());
    };
    char octal[16];
    put(0, name);
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    std::snprintf(octal, sizeof octal, "%011llo", static_cast<unsigned long long>(size));
    put(124, octal);
    put(136, "00000000000");
    put(148, "        ");
    h[156] = '0';
    put(257, std::string("ustar\0" "00", 8));
    unsigned sum = 0;
    for (unsigned char c : h) {
        sum += c;
    }
    std::snprintf(octal, sizeof octal, "%06o", sum);
    put(148, std::string(octal, 7)); // six digits and a NUL; the space after them stays
    return h;
}

std::string tarEntry(const std::string& name, const std::string& data)
{
    return tarHeader(name, data.size()) + data + std::string((512 - data.size() % 512) % 512, '\0');
}

/// A one-layer image as `docker save` lays it out; its id is the digest of its config.
struct MadeImage
{
    std::string tag;
    std::string id;
    std::string config;
    std::string layer;
    std::string layerDigest;
};

MadeImage makeImage(const std::string& tag, const std::string& content, const std::string& arch)
{
    MadeImage m;
    m.tag = tag;
    m.layer = tarEntry("hello.txt", content) + std::string(1024, '\0');
    m.layerDigest = sha256(m.layer);
    const nlohmann::json labels = {{"berth.test", test::runLabelValue()}};
    m.config = nlohmann::json{{"architecture", arch},
                              {"os", "linux"},
                              {"config", {{"Cmd", {"/hello.txt"}}, {"Labels", labels}}},
                              {"rootfs", {{"type", "layers"}, {"diff_ids", {"sha256:" + m.layerDigest}}}}}
                   .dump();
    m.id = "sha256:" + sha256(m.config);
    return m;
}

std::string archiveOf(const std::vector<MadeImage>& images)
{
    std::string out;
    nlohmann::json manifest = nlohmann::json::array();
    for (const auto& m : images) {
        const std::string configName = m.id.substr(7) + ".json";
        out += tarEntry(m.layerDigest + "/layer.tar", m.layer) + tarEntry(configName, m.config);
        manifest.push_back({{"Config", configName}, {"RepoTags", {m.tag}}, {"Layers", {m.layerDigest + "/layer.tar"}}});
    }
    return out + tarEntry("manifest.json", manifest.dump()) + std::string(1024, '\0');
}

std::shared_ptr<EngineClient> podmanEngine()
{
    const QByteArray host = qgetenv("BERTH_TEST_PODMAN_HOST");
    if (host.isEmpty()) {
        qFatal("BERTH_TEST_PODMAN_HOST is not set: start Podman with tests/testbed/podman.sh up (tests/run.sh does)");
    }
    auto ep = parseEndpoint(host.toStdString());
    if (!ep) {
        qFatal("BERTH_TEST_PODMAN_HOST: %s", ep.error().message.c_str());
    }
    return std::make_shared<EngineClient>(std::make_shared<CurlTransport>(*ep));
}

/// Names in `dir` that start with `prefix`.
std::set<std::string> entries(const std::string& dir, const std::string& prefix)
{
    std::set<std::string> out;
    const auto names = QDir(QString::fromStdString(dir)).entryList(QDir::AllEntries | QDir::Hidden | QDir::System);
    for (const auto& n : names) {
        if (n.startsWith(QString::fromStdString(prefix))) {
            out.insert(n.toStdString());
        }
    }
    return out;
}

BodySource sourceOf(const std::string& data, std::size_t* offset)
{
    return [&data, offset](char* buffer, std::size_t max) -> Result<std::size_t> {
        const std::size_t n = std::min(max, data.size() - *offset);
        std::memcpy(buffer, data.data() + *offset, n);
        *offset += n;
        return n;
    };
}

} // namespace

class TestImageTransfer : public QObject
{
    Q_OBJECT

    std::shared_ptr<EngineClient> docker = test::liveEngine();
    std::shared_ptr<EngineClient> podman = podmanEngine();
    QTemporaryDir dir;
    std::vector<MadeImage> made;
    std::vector<std::string> loadedIntoPodman;

    EngineClient& engineNamed(const QString& name) { return name == "docker" ? *docker : *podman; }

    /// Where each engine of the test bed keeps an upload while it loads it (Docker 20.10: its root's tmp,
    /// docker-import-*; Podman 4.3: /var/tmp, api_load.tar*). Both run on this machine.
    std::pair<std::string, std::string> uploadFolder(const QString& name)
    {
        if (name == "docker") {
            auto info = docker->info();
            return {(info ? info->raw.value("DockerRootDir", std::string("/var/lib/docker")) : "/var/lib/docker") +
                        std::string("/tmp"),
                    "docker-import-"};
        }
        return {"/var/tmp", "api_load.tar"};
    }

    Result<void> saveToFile(EngineClient& engine, const std::vector<std::string>& refs, const QString& path)
    {
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly)) {
            return makeError(ErrorKind::Io, "cannot write " + path.toStdString());
        }
        return engine.saveImages(refs, [&](std::string_view chunk) {
            return out.write(chunk.data(), static_cast<qint64>(chunk.size())) == static_cast<qint64>(chunk.size());
        });
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        auto dv = docker->version();
        auto pv = podman->version();
        QVERIFY2(dv.ok(), dv.ok() ? "" : dv.error().message.c_str());
        QVERIFY2(pv.ok(), pv.ok() ? "" : pv.error().message.c_str());
        QVERIFY2(!dv->podman, "DOCKER_HOST must be the Docker engine: this test carries images from it to Podman");
        QVERIFY(pv->podman);
        const std::string repo = "berth-test/transfer-" + test::runLabelValue();
        made.push_back(makeImage(repo + ":a", "a " + test::runLabelValue() + "\n", dv->arch));
        made.push_back(makeImage(repo + ":b", "b " + test::runLabelValue() + "\n", dv->arch));
    }

    void cleanupTestCase()
    {
        for (const auto& m : made) {
            (void)docker->removeImage(m.id, true);
            (void)podman->removeImage(m.id, true);
        }
    }

    void loadsAnArchiveIntoDockerWithProgress()
    {
        const std::string archive = archiveOf(made);
        std::size_t offset = 0;
        std::int64_t lastSent = 0, lastTotal = 0;
        bool monotonic = true;
        auto r = docker->loadImages(sourceOf(archive, &offset), static_cast<std::int64_t>(archive.size()),
                                    [&](std::int64_t sent, std::int64_t total) {
                                        monotonic = monotonic && sent > lastSent;
                                        lastSent = sent;
                                        lastTotal = total;
                                    });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->loaded, (std::vector<std::string>{made[0].tag, made[1].tag}));
        QVERIFY(monotonic);
        QCOMPARE(lastSent, static_cast<std::int64_t>(archive.size()));
        QCOMPARE(lastTotal, static_cast<std::int64_t>(archive.size()));
        for (const auto& m : made) {
            auto d = docker->inspectImage(m.tag);
            QVERIFY2(d.ok(), m.tag.c_str());
            QCOMPARE(d->id, m.id); // the config's digest, as made here
        }
    }

    void carriesImagesFromDockerToPodmanThroughAFile()
    {
        const QString file = dir.filePath("bundle-from-docker.tar");
        auto saved = saveToFile(*docker, {made[0].tag, made[1].tag}, file);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().describe().c_str());
        const qint64 size = QFileInfo(file).size();
        QVERIFY(size > 4096);

        std::int64_t lastSent = 0;
        auto r = podman->loadImagesFromFile(file.toStdString(),
                                            [&](std::int64_t sent, std::int64_t) { lastSent = sent; });
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(lastSent, static_cast<std::int64_t>(size));
        QCOMPARE(r->loaded.size(), std::size_t(2)); // Podman says both on one line: "localhost/x:a,localhost/x:b"
        std::set<std::string> ids;
        for (const auto& name : r->loaded) {
            QVERIFY2(name.find("berth-test/transfer-" + test::runLabelValue()) != std::string::npos, name.c_str());
            auto d = podman->inspectImage(name);
            QVERIFY2(d.ok(), name.c_str());
            ids.insert(d->id);
        }
        // The same images: Podman's ids (config digests) are Docker's.
        std::set<std::string> dockerIds;
        for (const auto& m : made) {
            auto d = docker->inspectImage(m.tag);
            QVERIFY2(d.ok(), m.tag.c_str());
            dockerIds.insert(d->id);
        }
        QCOMPARE(ids, dockerIds);
        QCOMPARE(ids, (std::set<std::string>{made[0].id, made[1].id}));
        loadedIntoPodman = r->loaded;
    }

    void carriesImagesFromPodmanToDocker()
    {
        QCOMPARE(loadedIntoPodman.size(), std::size_t(2));
        for (const auto& m : made) {
            QVERIFY(docker->removeImage(m.id, true).ok());
        }
        const QString file = dir.filePath("bundle-from-podman.tar");
        // Several names in one request: Podman 4.3 writes one docker-archive with all of them.
        auto saved = saveToFile(*podman, loadedIntoPodman, file);
        QVERIFY2(saved.ok(), saved.ok() ? "" : saved.error().describe().c_str());
        auto r = docker->loadImagesFromFile(file.toStdString(), {});
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r->loaded, loadedIntoPodman); // Docker keeps the names Podman wrote
        for (const auto& m : made) {
            auto d = docker->inspectImage(m.id);
            QVERIFY2(d.ok(), m.id.c_str());
            QCOMPARE(d->id, m.id);
        }
    }

    void savingAnImageThatIsNotThereSaysSo_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("docker") << "docker";
        QTest::newRow("podman") << "podman";
    }

    void savingAnImageThatIsNotThereSaysSo()
    {
        QFETCH(QString, engine);
        bool wrote = false;
        auto r = engineNamed(engine).saveImages({made[0].tag, "berth-test/not-there:0"}, [&](std::string_view) {
            return wrote = true;
        });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
        QVERIFY(!wrote);
    }

    void somethingThatIsNoArchiveIsRefusedInTheEnginesWords_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<QString>("says");
        QTest::newRow("docker") << "docker" << "invalid tar header";
        QTest::newRow("podman") << "podman" << "payload does not match";
    }

    void somethingThatIsNoArchiveIsRefusedInTheEnginesWords()
    {
        // Docker says so inside a 200 stream, Podman in a 500: either way in the engine's own words.
        QFETCH(QString, engine);
        QFETCH(QString, says);
        std::string junk(1u << 20, '\0');
        for (std::size_t i = 0; i < junk.size(); ++i) {
            junk[i] = static_cast<char>((i * 2654435761u) >> 13);
        }
        std::size_t offset = 0;
        auto r = engineNamed(engine).loadImages(sourceOf(junk, &offset), -1, {});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().kind == ErrorKind::BadInput, r.error().describe().c_str());
        QVERIFY2(r.error().engineMessage.find(says.toStdString()) != std::string::npos, r.error().describe().c_str());
    }

    void anUploadCutShortEndsWithItsOwnReason()
    {
        // A file that gets shorter than the length announced: a clear error, not an engine waiting for the rest.
        const std::string archive = archiveOf(made);
        std::size_t offset = 0;
        const auto started = std::chrono::steady_clock::now();
        const auto announced = static_cast<std::int64_t>(archive.size()) + 4096;
        auto shorter = docker->loadImages(sourceOf(archive, &offset), announced, {});
        QVERIFY(!shorter.ok());
        QCOMPARE(shorter.error().kind, ErrorKind::Io);
        QVERIFY2(shorter.error().message.find("got shorter") != std::string::npos, shorter.error().message.c_str());
        QVERIFY(std::chrono::steady_clock::now() - started < 10s);
        // A source that fails to read: its own words.
        offset = 0;
        BodySource failing = [&](char* buffer, std::size_t max) -> Result<std::size_t> {
            if (offset > archive.size() / 2) {
                return makeError(ErrorKind::Io, "Reading the USB stick failed (Input/output error).");
            }
            return sourceOf(archive, &offset)(buffer, std::min<std::size_t>(max, 1024));
        };
        auto broken = podman->loadImages(failing, -1, {});
        QVERIFY(!broken.ok());
        QCOMPARE(broken.error().message, std::string("Reading the USB stick failed (Input/output error)."));
        QVERIFY(docker->ping().ok() && podman->ping().ok());
    }

    void cancelMidUploadStopsAndLeavesNoFilesBehind_data()
    {
        QTest::addColumn<QString>("engine");
        QTest::newRow("docker") << "docker";
        QTest::newRow("podman") << "podman";
    }

    void cancelMidUploadStopsAndLeavesNoFilesBehind()
    {
        QFETCH(QString, engine);
        EngineClient& target = engineNamed(engine);
        const auto [folder, prefix] = uploadFolder(engine);
        QVERIFY2(QDir(QString::fromStdString(folder)).exists(), folder.c_str());
        const auto before = entries(folder, prefix);

        // An archive of one 1 GiB file, sent without a length, cancelled once the engine holds part of it.
        const std::string header = tarHeader("big.bin", 1ull << 30);
        std::int64_t offset = 0;
        std::set<std::string> appeared;
        std::atomic<bool> cancel{false};
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        BodySource source = [&](char* buffer, std::size_t max) -> Result<std::size_t> {
            if (offset >= (1 << 20)) {
                std::set<std::string> now = entries(folder, prefix);
                for (const auto& b : before) {
                    now.erase(b);
                }
                if (!now.empty() || std::chrono::steady_clock::now() > deadline) {
                    appeared = now;
                    cancel = true;
                }
                std::this_thread::sleep_for(2ms); // no gigabytes before the engine's file shows
            }
            const std::size_t n = std::min<std::size_t>(max, 65536);
            for (std::size_t i = 0; i < n; ++i) {
                const auto at = static_cast<std::size_t>(offset) + i;
                buffer[i] = at < header.size() ? header[at] : '\0';
            }
            offset += static_cast<std::int64_t>(n);
            return n;
        };
        const auto started = std::chrono::steady_clock::now();
        auto r = target.loadImages(source, -1, {}, &cancel);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Cancelled);
        QVERIFY2(std::chrono::steady_clock::now() - started < 40s, "cancel did not end the upload");
        QVERIFY2(!appeared.empty(), ("no upload file showed in " + folder).c_str());
        QVERIFY(offset < (1ll << 30)); // it stopped in the middle

        // The engine drops what it had received, and still answers.
        bool gone = false;
        for (int i = 0; i < 100 && !gone; ++i) {
            auto now = entries(folder, prefix);
            gone = std::none_of(appeared.begin(), appeared.end(), [&](const auto& a) { return now.count(a) > 0; });
            if (!gone) {
                std::this_thread::sleep_for(200ms);
            }
        }
        QVERIFY2(gone, ("the engine kept its upload file in " + folder).c_str());
        QVERIFY(target.ping().ok());
    }
};

QTEST_APPLESS_MAIN(TestImageTransfer)
#include "TestImageTransfer.moc"
