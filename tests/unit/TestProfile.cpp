// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// Classroom profiles: the JSON-with-comments reader, the devcontainer.json fields, what is refused and what needs
// consent, locks, pinning (against recorded engine answers), and the corpus of bad and hostile profiles.
#include "FakeTransport.h"

#include "berth/core/base/ImageReference.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/launch/ContainerBody.h"
#include "berth/core/launch/ContainerCommands.h"
#include "berth/core/profile/Jsonc.h"
#include "berth/core/profile/Pinning.h"
#include "berth/core/profile/Profile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace berth::core;
using berth::test::FakeTransport;

namespace {
const std::string kId = "sha256:7a284d62a8335e38e39fd266433fb406bb24b8b7cf074e80729c995be88dbad5";
const std::string kManifest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
const std::string kOther = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

Profile parsed(const std::string& text, const std::string& workspace = "/work/course",
               const EnvironmentLookup& env = systemEnvironment())
{
    auto p = parseProfile(text, "/work/course/course.berth.json", workspace, env);
    if (!p) {
        qWarning("%s", p.error().message.c_str());
        return {};
    }
    return *p;
}

Error refused(const std::string& text)
{
    auto p = parseProfile(text, "/work/course/course.berth.json", "/work/course");
    return p ? Error{} : p.error();
}

void writeFile(const QString& path, const std::string& text)
{
    QDir().mkpath(QFileInfo(path).path());
    std::ofstream(path.toStdString()) << text;
}
} // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsoncReadsCommentsAndTrailingCommasAndKeepsPlaces()
    {
        const std::string text = "// a comment\n{\n  /* block\n  comment */ \"name\": \"caf\xc3\xa9\", \"n\": [1, 2.5, -3e2,],\n"
                                 "  \"deep\": { \"k\": true, },\n}\n";
        auto doc = parseJsonc(text);
        QVERIFY2(doc, doc ? "" : doc.error().message.c_str());
        QCOMPARE(doc->value["name"].get<std::string>(), std::string("caf\xc3\xa9"));
        QCOMPARE(doc->value["n"][1].get<double>(), 2.5);
        QCOMPARE(doc->value["n"][2].get<double>(), -300.0);
        QCOMPARE(doc->value["n"][0].get<std::int64_t>(), std::int64_t(1));
        QCOMPARE(doc->positionOf("/name").line, 4);
        QCOMPARE(doc->positionOf("/name").column, 14);
        // "n" comes after "café", whose é is one character though two bytes.
        QCOMPARE(doc->positionOf("/n").column, 30);
        QCOMPARE(doc->positionOf("/deep/k").line, 5);
        QCOMPARE(doc->positionOf("/deep/missing").line, 5); // a key not written: its parent's place
        const auto span = doc->spans.at("/name");
        QCOMPARE(text.substr(span.begin, span.end - span.begin), std::string("\"caf\xc3\xa9\""));
    }

    void jsoncRefusesWhatJsonRefuses()
    {
        for (const char* bad : {"{\"a\": 1 \"b\": 2}", "{\"a\": 01}", "{\"a\": 'x'}", "{\"a\": tru}", "[1,,2]", "{,}",
                                "{\"a\": \"\\x\"}", "{\"a\": 1} 2", "", "{\"a\": \"\x01\"}", "{\"a\": \"\xff\"}",
                                "{\"a\": \"\xc0\xaf\"}", "{\"a\": 1e400}", "{\"a\":1,\"a\":2}"}) {
            auto doc = parseJsonc(bad);
            QVERIFY2(!doc, bad);
            QVERIFY2(doc.error().message.starts_with("line ") || doc.error().message.starts_with("the file"),
                     doc.error().message.c_str());
        }
        auto big = parseJsonc(std::string(2u << 20, ' '));
        QVERIFY(!big);
        QVERIFY(big.error().message.find("a profile is a few kilobytes") != std::string::npos);
        std::string deep(200, '[');
        QVERIFY(!parseJsonc(deep));
        QVERIFY(!parseJsonc(std::string("{\"a\": \"b\0c\"}", 12)));
    }

    void badProfilesSayFileLineColumnAndKey_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        const QDir dir(QStringLiteral(BERTH_TEST_DATA "/profiles/bad"));
        const auto files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
        QVERIFY(files.size() >= 40);
        for (const auto& f : files) {
            QFile expected(dir.filePath(QString(f).replace(".json", ".expected")));
            QVERIFY2(expected.open(QIODevice::ReadOnly), qPrintable(f + " has no .expected"));
            QTest::newRow(qPrintable(f)) << dir.filePath(f) << QString::fromUtf8(expected.readAll()).trimmed();
        }
    }
    void badProfilesSayFileLineColumnAndKey()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        auto p = loadProfile(file.toStdString());
        QVERIFY2(!p, "a bad profile was accepted");
        QVERIFY(p.error().kind == ErrorKind::BadInput);
        const QString message = QString::fromStdString(p.error().message);
        QVERIFY2(message.startsWith(QDir(file).absolutePath()), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message + "\n  expected: " + expected));
    }

    void examplesValidate()
    {
        const QDir dir(QStringLiteral(BERTH_SOURCE_DIR "/resources/profiles"));
        const auto files = dir.entryList({"*.json"}, QDir::Files, QDir::Name);
        QCOMPARE(files.size(), 3);
        std::vector<std::string> ids;
        for (const auto& f : files) {
            auto p = loadProfile(dir.filePath(f).toStdString());
            QVERIFY2(p, p ? "" : p.error().message.c_str());
            for (const auto& e : p->environments) {
                ids.push_back(e.id);
                QVERIFY(e.consents.empty());
                QVERIFY(buildLaunchSpec(mergeChoices(e, {}).valueOr({})).ok());
            }
        }
        QCOMPARE(ids, (std::vector<std::string>{"pytorch-cpu", "pytorch-cuda", "scientific-python", "tf-cpu", "tf-gpu"}));
        auto tf = loadProfile(dir.filePath("tensorflow-2.9.berth.json").toStdString());
        QCOMPARE(tf->environments[1].gpu, GpuNeed::Required);
        QCOMPARE(tf->environments[1].choices.memory, std::string("8g"));
        QCOMPARE(tf->environments[1].choices.cpus, std::string("2")); // the file's caps, under its own
        QCOMPARE(tf->environments[0].locked, (std::set<std::string>{"image"}));
        QCOMPARE(*tf->environments[0].minMemory, std::int64_t(4) << 30);
        auto pt = loadProfile(dir.filePath("pytorch.berth.json").toStdString());
        QCOMPARE(pt->environments[1].gpu, GpuNeed::Optional);
        QCOMPARE(pt->environments[0].gpu, GpuNeed::None);
        QCOMPARE(pt->environments[0].choices.shmSize, std::string("2g"));
        auto sci = loadProfile(dir.filePath("scipy-notebook.berth.json").toStdString());
        QCOMPARE(sci->environments[0].commands.size(), std::size_t(1));
        QCOMPARE(sci->environments[0].commands[0].argv[0], std::string("/bin/sh"));
    }

    void whatGivesMoreOfTheHostNeedsConsentByName()
    {
        const Profile p = parsed(R"({
            "image": "python:3.12",
            "privileged": true,
            "capAdd": ["NET_ADMIN"],
            "securityOpt": ["seccomp=unconfined"],
            "runArgs": ["--cap-add", "SYS_PTRACE", "--device=/dev/fuse", "--network=host", "--pid", "host",
                        "--ipc=host", "--privileged"]
        })");
        QCOMPARE(p.environments.size(), std::size_t(1));
        const auto& e = p.environments[0];
        std::vector<std::string> names;
        for (const auto& c : e.consents) {
            names.push_back(c.allowName());
            QVERIFY(!c.consequence().empty());
        }
        QCOMPARE(names, (std::vector<std::string>{"cap-add=SYS_PTRACE", "device=/dev/fuse", "network=host",
                                                  "pid=host", "ipc=host", "privileged", "cap-add=NET_ADMIN",
                                                  "security-opt=seccomp=unconfined"}));
        auto none = profileLaunchSpec(e, {}, {});
        QVERIFY(!none);
        QCOMPARE(none.error().field, std::string("allow"));
        for (const auto& n : names) {
            QVERIFY2(none.error().message.find("  - " + n + ": it ") != std::string::npos, none.error().message.c_str());
        }
        QCOMPARE(none.error().remedies.size(), std::size_t(1));
        QCOMPARE(none.error().remedies[0].kind, RemedyKind::AllowHostAccess);
        QCOMPARE(none.error().remedies[0].args, names); // what to grant, each by name
        std::vector<std::string> some(names.begin(), names.end() - 1);
        QVERIFY(!profileLaunchSpec(e, {}, some)); // every one, or nothing
        auto extra = names;
        extra.push_back("cap-add=SYS_ADMIN");
        auto tooMuch = profileLaunchSpec(e, {}, extra);
        QVERIFY(!tooMuch);
        QVERIFY(tooMuch.error().message.find("does not ask for it") != std::string::npos);

        auto spec = profileLaunchSpec(e, {}, names);
        QVERIFY2(spec, spec ? "" : spec.error().message.c_str());
        const auto body = containerCreateBody(*spec, NotebookLayout{}, "x", "t", "");
        const auto& host = body["HostConfig"];
        QCOMPARE(host["Privileged"].get<bool>(), true);
        QVERIFY(host["CapAdd"] == nlohmann::json({"SYS_PTRACE", "NET_ADMIN"}));
        QCOMPARE(host["Devices"][0]["PathOnHost"].get<std::string>(), std::string("/dev/fuse"));
        QCOMPARE(host["NetworkMode"].get<std::string>(), std::string("host"));
        QCOMPARE(host["PidMode"].get<std::string>(), std::string("host"));
        QCOMPARE(host["IpcMode"].get<std::string>(), std::string("host"));
        QVERIFY(host["SecurityOpt"] == nlohmann::json({"seccomp=unconfined"}));

        // Without a profile nothing of it is ever set.
        const auto plain = containerCreateBody(*buildLaunchSpec({.image = "python:3.12"}), NotebookLayout{}, "x", "t", "");
        QCOMPARE(plain["HostConfig"]["Privileged"].get<bool>(), false);
        QVERIFY(!plain["HostConfig"].contains("CapAdd"));
        QVERIFY(!plain["HostConfig"].contains("NetworkMode"));
    }

    void lockedSettingsRefuseAStudentsChange()
    {
        const Profile p = parsed(R"({
            "image": "python:3.12",
            "runArgs": ["--memory=2g"],
            "customizations": { "berth": { "locked": ["image", "memory", "mounts"] } }
        })");
        const auto& e = p.environments.at(0);
        LaunchChoices student;
        student.memory = "16g";
        auto r = mergeChoices(e, student);
        QVERIFY(!r);
        QCOMPARE(r.error().field, std::string("memory"));
        student = {};
        student.image = "evil/miner:latest";
        QCOMPARE(mergeChoices(e, student).error().field, std::string("image"));
        student = {};
        student.mounts = {"/tmp:/tmp"};
        QCOMPARE(mergeChoices(e, student).error().field, std::string("mounts"));
        student = {};
        student.cpus = "1";
        student.name = "mine";
        auto ok = mergeChoices(e, student);
        QVERIFY(ok);
        QCOMPARE(ok->cpus, std::string("1"));
        QCOMPARE(ok->memory, std::string("2g"));
        QCOMPARE(ok->name, std::string("mine"));
        QCOMPARE(mergeChoices(e, {})->name, e.id); // the environment's own name by default
        // A student's own notebook folder is read from where they are; the profile's paths stay its folder's.
        student = {};
        student.workspace = "mine";
        student.baseDir = "/home/student";
        auto own = mergeChoices(e, student);
        QVERIFY(own);
        QCOMPARE(own->workspace, std::string("/home/student/mine"));
        QCOMPARE(own->baseDir, std::string("/work/course"));
    }

    void variablesAreFilledAsTheSpecSays()
    {
        const QTemporaryDir dir;
        QDir(dir.path()).mkpath("data");
        const auto env = [](const std::string& name) -> std::optional<std::string> {
            return name == "COURSE_DATA" ? std::optional<std::string>("data") : std::nullopt;
        };
        const Profile p = parsed(R"({
            "image": "python:3.12",
            "mounts": ["source=${localWorkspaceFolder}/${localEnv:COURSE_DATA},target=/data,type=bind,readonly",
                       { "type": "bind", "source": "${localWorkspaceFolder}", "target": "/course" }],
            "containerEnv": { "COURSE": "${localWorkspaceFolderBasename}", "LEVEL": "${localEnv:NOT_SET:beginner}",
                              "EMPTY": "${localEnv:NOT_SET}" }
        })",
                                 dir.path().toStdString(), env);
        QCOMPARE(p.environments.size(), std::size_t(1));
        const auto& c = p.environments[0].choices;
        QCOMPARE(c.mounts, (std::vector<std::string>{dir.path().toStdString() + "/data:/data:ro",
                                                     dir.path().toStdString() + ":/course"}));
        const std::string base = QFileInfo(dir.path()).fileName().toStdString();
        QCOMPARE(c.env, (std::vector<std::string>{"COURSE=" + base, "EMPTY=", "LEVEL=beginner"}));
    }

    void editorSettingsAreWarnedNotSilentlyDropped()
    {
        const Profile p = parsed(R"({ "image": "python:3.12", "forwardPorts": [8888], "remoteUser": "vscode",
                                      "postAttachCommand": "echo hi", "hostRequirements": { "storage": "32gb" } })");
        const auto& w = p.environments.at(0).warnings;
        QCOMPARE(w.size(), std::size_t(4));
        const std::string all = w[0] + w[1] + w[2] + w[3];
        QVERIFY(all.find("forwardPorts: not used") != std::string::npos);
        QVERIFY(all.find("remoteUser: not used") != std::string::npos);
        QVERIFY(all.find("postAttachCommand: not used") != std::string::npos);
        QVERIFY(all.find("hostRequirements.storage") != std::string::npos);
        QVERIFY(w[0].starts_with("/work/course/course.berth.json, line 1, column "));
    }

    void lifecycleCommandsRunInTheContainerInOrder()
    {
        const Profile p = parsed(R"({ "image": "python:3.12",
            "postStartCommand": ["python3", "-V"],
            "postCreateCommand": { "deps": "pip list", "data": ["ls", "/data"] },
            "onCreateCommand": "echo created" })");
        const auto& cmds = p.environments.at(0).commands;
        QCOMPARE(cmds.size(), std::size_t(4));
        QCOMPARE(cmds[0].key, std::string("onCreateCommand"));
        QCOMPARE(cmds[0].argv, (std::vector<std::string>{"/bin/sh", "-c", "echo created"}));
        QCOMPARE(cmds[1].key, std::string("postCreateCommand.data"));
        QCOMPARE(cmds[2].key, std::string("postCreateCommand.deps"));
        QCOMPARE(cmds[3].key, std::string("postStartCommand"));
        QCOMPARE(cmds[3].when, LifecycleCommand::When::Start);
        QCOMPARE(cmds[3].argv, (std::vector<std::string>{"python3", "-V"}));
    }

    void startCommandsAreKeptOnTheContainer()
    {
        const Profile p = parsed(R"({ "image": "python:3.12", "postStartCommand": ["python3", "-V"],
                                      "postCreateCommand": "true" })");
        auto spec = profileLaunchSpec(p.environments.at(0), {}, {});
        QVERIFY(spec);
        QCOMPARE(spec->startCommands.size(), std::size_t(1)); // the create command runs once, at the launch
        const auto body = containerCreateBody(*spec, NotebookLayout{}, "x", "t", "");
        const std::string label = body["Labels"]["berth.start-commands"].get<std::string>();
        const auto back = startCommandsFromLabel(label);
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].key, std::string("postStartCommand"));
        QCOMPARE(back[0].argv, (std::vector<std::string>{"python3", "-V"}));
        // A label someone else wrote: read only when it is what Berth writes.
        for (const char* hostile : {"", "x", "{}", "[1]", "[{\"key\":\"\",\"argv\":[\"a\"]}]",
                                    "[{\"key\":\"k\",\"argv\":[]}]", "[{\"key\":\"k\",\"argv\":\"sh\"}]"}) {
            QVERIFY2(startCommandsFromLabel(hostile).empty(), hostile);
        }
        QVERIFY(!containerCreateBody(*buildLaunchSpec({.image = "python:3.12"}), NotebookLayout{}, "x", "t", "")["Labels"]
                     .contains("berth.start-commands"));
    }

    void hostRequirementsAreRead()
    {
        const Profile p = parsed(R"({ "image": "python:3.12",
            "hostRequirements": { "cpus": 4, "memory": "8gb", "gpu": { "cores": 1000, "memory": "16gb" } } })");
        const auto& e = p.environments.at(0);
        QCOMPARE(*e.minCpus, 4);
        QCOMPARE(*e.minMemory, std::int64_t(8) << 30);
        QCOMPARE(e.gpu, GpuNeed::Required);
        QCOMPARE(*e.minGpuCores, 1000);
        QCOMPARE(*e.minGpuMemory, std::int64_t(16) << 30);
        QCOMPARE(parsed(R"({ "image": "python:3.12", "hostRequirements": { "gpu": "optional" } })").environments[0].gpu,
                 GpuNeed::Optional);
        QCOMPARE(parsed(R"({ "image": "python:3.12", "hostRequirements": { "gpu": false } })").environments[0].gpu,
                 GpuNeed::None);
    }

    void severalEnvironmentsInheritTheFilesSettings()
    {
        const Profile p = parsed(R"({
            "image": "python:3.12",
            "containerEnv": { "A": "1", "B": "2" },
            "runArgs": ["--memory=4g"],
            "customizations": { "berth": { "title": "T", "author": "Ada", "environments": [
                { "name": "cpu" },
                { "name": "gpu", "image": "python:3.12-cuda", "gpu": true, "caps": { "memory": "8g" },
                  "containerEnv": { "B": "3" }, "openPage": "lessons/01.ipynb" }
            ] } }
        })");
        QCOMPARE(p.title, std::string("T"));
        QCOMPARE(p.author, std::string("Ada"));
        QCOMPARE(p.environments.size(), std::size_t(2));
        QCOMPARE(p.environments[0].choices.image, std::string("python:3.12"));
        QCOMPARE(p.environments[0].imagePointer, std::string("/image"));
        QCOMPARE(p.environments[1].imagePointer, std::string("/customizations/berth/environments/1/image"));
        QCOMPARE(p.environments[1].choices.memory, std::string("8g"));
        QCOMPARE(p.environments[0].choices.memory, std::string("4g"));
        QCOMPARE(p.environments[1].choices.env, (std::vector<std::string>{"A=1", "B=3"}));
        QCOMPARE(p.environments[1].openPage, std::string("lessons/01.ipynb"));
        QVERIFY(chooseEnvironment(p, "gpu").ok());
        QVERIFY(!chooseEnvironment(p, ""));
        QVERIFY(chooseEnvironment(p, "").error().message.find("cpu, gpu") != std::string::npos);
        QVERIFY(!chooseEnvironment(p, "tpu"));
    }

    void aDevcontainerFolderIsSeveralEnvironments()
    {
        const QTemporaryDir dir;
        writeFile(dir.filePath(".devcontainer/cpu/devcontainer.json"),
                  "{ \"name\": \"CPU\", \"image\": \"python:3.12\", \"mounts\": "
                  "[\"source=${localWorkspaceFolder},target=/course,type=bind\"] }");
        writeFile(dir.filePath(".devcontainer/gpu/devcontainer.json"),
                  "// the GPU one\n{ \"name\": \"GPU\", \"image\": \"python:3.12\", \"hostRequirements\": "
                  "{ \"gpu\": true } }");
        auto p = loadProfile(dir.path().toStdString());
        QVERIFY2(p, p ? "" : p.error().message.c_str());
        QCOMPARE(p->environments.size(), std::size_t(2));
        QCOMPARE(p->environments[0].id, std::string("cpu"));
        QCOMPARE(p->environments[1].id, std::string("gpu"));
        QCOMPARE(p->environments[0].choices.mounts[0], dir.path().toStdString() + ":/course");
        QCOMPARE(p->files.size(), std::size_t(2));
        auto one = loadProfile(dir.filePath(".devcontainer/gpu/devcontainer.json").toStdString());
        QVERIFY(one);
        QCOMPARE(one->environments[0].id, std::string("gpu"));
        // A broken one names its file; nothing of the others is taken either.
        writeFile(dir.filePath(".devcontainer/bad/devcontainer.json"), "{ \"image\": 3 }");
        auto bad = loadProfile(dir.path().toStdString());
        QVERIFY(!bad);
        QVERIFY(bad.error().message.find("bad/devcontainer.json, line 1, column 3: image:") != std::string::npos);
        QVERIFY(loadProfile(dir.filePath("nothing-here").toStdString()).error().kind == ErrorKind::NotFound);
    }

    void thePublishedSchemaIsWhatTheReaderTakes()
    {
        QFile f(QStringLiteral(BERTH_SOURCE_DIR "/resources/schema/berth-customizations.schema.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const auto schema = nlohmann::json::parse(f.readAll().toStdString());
        QCOMPARE(schema.value("additionalProperties", true), false);
        auto keys = [](const nlohmann::json& properties) {
            std::set<std::string> out;
            for (const auto& [k, _] : properties.items()) {
                out.insert(k);
            }
            return out;
        };
        const auto& envSchema = schema["properties"]["environments"]["items"];
        QCOMPARE(keys(schema["properties"]),
                 std::set<std::string>(berthCustomizationKeys().begin(), berthCustomizationKeys().end()));
        QCOMPARE(keys(envSchema["properties"]),
                 std::set<std::string>(berthEnvironmentKeys().begin(), berthEnvironmentKeys().end()));
        // Each setting's example, as the schema gives it, reads.
        auto example = [&](const nlohmann::json& property) {
            const auto& p = property.contains("$ref")
                                ? schema["definitions"][property["$ref"].get<std::string>().substr(14)]
                                : property;
            return p["examples"][0];
        };
        for (const auto& [k, property] : schema["properties"].items()) {
            nlohmann::json profile = {{"image", "python:3.12"}, {"customizations", {{"berth", {{k, example(property)}}}}}};
            auto p = parseProfile(profile.dump(), "/work/course/p.json", "/work/course");
            const std::string why = p ? std::string() : k + ": " + p.error().message;
            QVERIFY2(p, why.c_str());
        }
        for (const auto& [k, property] : envSchema["properties"].items()) {
            nlohmann::json env = {{"name", "cpu"}, {k, example(property)}};
            if (k == "name") {
                env = {{"name", example(property)}};
            }
            nlohmann::json profile = {{"image", "python:3.12"},
                                      {"customizations", {{"berth", {{"environments", {env}}}}}}};
            auto p = parseProfile(profile.dump(), "/work/course/p.json", "/work/course");
            const std::string why = p ? std::string() : k + ": " + p.error().message;
            QVERIFY2(p, why.c_str());
        }
    }

    void pinReplacesOnlyTheImageString()
    {
        const std::string text = "// keep me\n{\n    \"image\": \"python:3.12\", // and me\n    \"name\":\"x\"\n}\n";
        auto out = replaceString(text, "/image", "python:3.12@" + kId);
        QVERIFY(out);
        QCOMPARE(*out, "// keep me\n{\n    \"image\": \"python:3.12@" + kId + "\", // and me\n    \"name\":\"x\"\n}\n");
        QVERIFY(!replaceString(text, "/nothing", "x"));
    }

    void pinnedImagesAreCheckedAgainstTheEngine()
    {
        auto fake = std::make_shared<FakeTransport>();
        nlohmann::json image = {{"Id", kOther},
                                {"RepoTags", {"tensorflow/tensorflow:2.9.1-jupyter"}},
                                {"RepoDigests", {"tensorflow/tensorflow@" + kManifest}}};
        const std::string path = "/images/tensorflow%2Ftensorflow%3A2.9.1-jupyter/json";
        for (int i = 0; i < 4; ++i) {
            fake->expect("GET", path, FakeTransport::ok(image.dump()));
        }
        EngineClient engine(fake);
        // The registry digest matches: run it by its name.
        auto same = resolvePinnedImage(engine, "tensorflow/tensorflow:2.9.1-jupyter@" + kManifest);
        QVERIFY(same);
        QCOMPARE(*same, std::string("tensorflow/tensorflow:2.9.1-jupyter"));
        // The image ID matches (an image loaded from a bundle has no registry digest).
        QVERIFY(resolvePinnedImage(engine, "tensorflow/tensorflow:2.9.1-jupyter@" + kOther).ok());
        // Another image under the pinned name: refused, with both digests.
        auto other = resolvePinnedImage(engine, "tensorflow/tensorflow:2.9.1-jupyter@" + kId);
        QVERIFY(!other);
        QVERIFY(other.error().kind == ErrorKind::Conflict);
        QVERIFY(other.error().message.find(kId) != std::string::npos);
        QVERIFY(other.error().message.find(kManifest) != std::string::npos);
        // Pin: the registry digest, written with the tag.
        auto digest = localPinDigest(engine, "tensorflow/tensorflow:2.9.1-jupyter");
        QVERIFY(digest);
        QCOMPARE(*digest, kManifest);

        auto absent = std::make_shared<FakeTransport>();
        absent->expect("GET", "/images/", FakeTransport::ok("{\"message\":\"No such image\"}", 404));
        EngineClient empty(absent);
        auto pull = resolvePinnedImage(empty, "python:3.12@" + kId);
        QVERIFY(pull);
        QCOMPARE(*pull, "python@" + kId); // pulled by digest: exactly that image or nothing
        QCOMPARE(*resolvePinnedImage(empty, "python:3.12"), std::string("python:3.12")); // unpinned: as written
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "TestProfile.moc"
