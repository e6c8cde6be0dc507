// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// What a launch asks the engine for, without an engine: option parsing, the notebook layout read from an
// image, and the container create body.
#include "berth/core/launch/Launcher.h"
#include "berth/core/base/Token.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace berth::core;
using nlohmann::json;

#define JSON_EQ(a, b) QVERIFY2(json(a) == json(b), (json(a).dump() + " != " + json(b).dump()).c_str())

namespace {
ImageDetails image(const json& config)
{
    return ImageDetails::fromJson({{"Id", "sha256:abc"}, {"Config", config}});
}
} // namespace

class TestLaunchPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parsesMounts()
    {
        auto m = parseMount("data:/data:ro", "/home/u");
        QVERIFY(m.ok());
        QCOMPARE(m->source, std::string("/home/u/data"));
        QCOMPARE(m->target, std::string("/data"));
        QVERIFY(m->readOnly);
        m = parseMount("/srv/x/../y/:/mnt/y/,create", "/");
        QVERIFY(m.ok());
        QCOMPARE(m->source, std::string("/srv/y"));
        QCOMPARE(m->target, std::string("/mnt/y"));
        QVERIFY(m->create && !m->readOnly);
        for (const char* bad : {"", "/a", "/a:", ":/b", "/a:b", "/a:/b:rx", "/a:/b:ro:x"}) {
            QVERIFY2(!parseMount(bad, "/").ok(), bad);
        }
    }

    void parsesGpusLikeDocker()
    {
        QCOMPARE(parseGpus("all")->mode, GpuRequest::Mode::All);
        QCOMPARE(parseGpus("none")->mode, GpuRequest::Mode::None);
        auto g = parseGpus("2");
        QCOMPARE(g->mode, GpuRequest::Mode::Count);
        QCOMPARE(g->count, 2);
        g = parseGpus("device=0,1");
        QCOMPARE(g->mode, GpuRequest::Mode::Devices);
        QCOMPARE(g->deviceIds, (std::vector<std::string>{"0", "1"}));
        g = parseGpus("GPU-e1924eea-b9bb-d537-39f2-b345087fa145");
        QCOMPARE(g->deviceIds.size(), std::size_t(1));
        for (const char* bad : {"", "some", "device=", "1,x", "GPU-", "GPU-zz", "-1"}) {
            QVERIFY2(!parseGpus(bad).ok(), bad);
        }
    }

    void refusesDangerousOrBrokenSpecs()
    {
        auto spec = [] {
            LaunchSpec s;
            s.image = "img:1";
            return s;
        };
        LaunchSpec s = spec();
        QVERIFY(validate(s).ok());
        s.mounts = {{"/", "/host", false, false}};
        QVERIFY(validate(s).error().message.find("whole file system") != std::string::npos);
        s.mounts = {{"/var/run/docker.sock", "/var/run/docker.sock", false, false}};
        QVERIFY(validate(s).error().message.find("full control") != std::string::npos);
        s.mounts = {{"/home/u/x", "/etc", false, false}};
        QVERIFY(!validate(s).ok());
        s.mounts = {{"/a", "/data", false, false}, {"/b", "/data", false, false}};
        QVERIFY(!validate(s).ok());
        s = spec();
        s.memory = 1024;
        QVERIFY(!validate(s).ok());
        s = spec();
        s.env = {{"JUPYTER_TOKEN", "mine"}};
        QVERIFY(validate(s).error().message.find("fresh token") != std::string::npos);
        s = spec();
        s.name = "-bad name";
        QVERIFY(!validate(s).ok());
        s = spec();
        s.image = "two words";
        QVERIFY(!validate(s).ok());
    }

    void refusesEngineSocketsHoweverTheyAreSpelt()
    {
        QTemporaryDir dir;
        const std::string link = (dir.path() + "/innocent").toStdString();
        QVERIFY(QFile::link("/var/run/docker.sock", QString::fromStdString(link)));
        const std::string runLink = (dir.path() + "/also-innocent").toStdString();
        QVERIFY(QFile::link("/run", QString::fromStdString(runLink)));
        for (const std::string& source : {std::string("/var/run"), std::string("/run"), std::string("/run/user/1000/podman"),
                                          std::string("/var/run/docker.sock"), std::string("/home/u/x/../../../run"),
                                          link, runLink + "/podman", std::string("/srv/engine.sock")}) {
            LaunchSpec s;
            s.image = "img:1";
            s.mounts = {{source, "/mnt/x", false, false}};
            auto r = validate(s);
            QVERIFY2(!r.ok(), source.c_str());
            QVERIFY(r.error().message.find("full control") != std::string::npos);
        }
        LaunchSpec fine;
        fine.image = "img:1";
        fine.mounts = {{dir.path().toStdString(), "/data", false, false}};
        QVERIFY(validate(fine).ok());
    }

    void expandsTheHomeTilde()
    {
        qputenv("HOME", "/home/ada");
        auto m = parseMount("~/data:/data", "/elsewhere");
        QVERIFY(m.ok());
        QCOMPARE(m->source, std::string("/home/ada/data"));
    }

    void hidesTokensInEveryForm()
    {
        const std::string t = "0123456789abcdef0123456789abcdef0123456789abcdef";
        const std::string text = "[I NotebookApp] http://h:8888/?token=" + t + "\n--NotebookApp.token=s3cr3t-x_y run\n"
                                 "JUPYTER_TOKEN=abc-def\n{\"token\": \"zzz-1\", \"port\": 8888}\nplain " + t + " end";
        const std::string out = redactTokens(text, t);
        QVERIFY2(out.find(t) == std::string::npos, out.c_str());
        QVERIFY2(out.find("s3cr3t") == std::string::npos, out.c_str());
        QVERIFY(out.find("abc-def") == std::string::npos);
        QVERIFY(out.find("zzz-1") == std::string::npos);
        QVERIFY(out.find("?token=...") != std::string::npos);
        QVERIFY(out.find("\"port\": 8888") != std::string::npos); // the rest stays readable
    }

    void knowsWhichEnginesAreLocal()
    {
        QVERIFY(engineIsLocal("unix:///var/run/docker.sock"));
        QVERIFY(engineIsLocal("tcp://127.0.0.1:2375"));
        QVERIFY(engineIsLocal("tcp://localhost:2375"));
        QVERIFY(engineIsLocal("tcp://[::1]:2375"));
        QVERIFY(!engineIsLocal("tcp://10.0.0.5:2376"));
        QVERIFY(!engineIsLocal("tcp://127.example.org:2376")); // a host name that merely starts with 127.
        QVERIFY(!engineIsLocal("tcp://lab.example.org:2376"));
    }

    void readsWhereEachShapeKeepsNotebooks_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("root");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("shape");
        QTest::addColumn<QString>("port");
        // tensorflow/tensorflow:*-jupyter: WORKDIR /tf, bash -c "... --notebook-dir=/tf ..."
        QTest::newRow("tensorflow") << QByteArray(R"({"WorkingDir":"/tf","Cmd":["bash","-c","source /etc/bash.bashrc && jupyter notebook --notebook-dir=/tf --ip 0.0.0.0 --no-browser --allow-root"],"ExposedPorts":{"8888/tcp":{}}})")
                                    << "/tf" << "/tf" << "tensorflow" << "8888/tcp";
        // quay.io/jupyter/*: USER jovyan (1000), NB_USER, JUPYTER_PORT, start-notebook.py
        QTest::newRow("docker-stacks") << QByteArray(R"({"User":"1000","Env":["NB_USER=jovyan","JUPYTER_PORT=8888"],"WorkingDir":"/home/jovyan","Entrypoint":["tini","-g","--","start.sh"],"Cmd":["start-notebook.py"]})")
                                       << "/home/jovyan" << "/home/jovyan/work" << "docker-stacks" << "8888/tcp";
        QTest::newRow("root home") << QByteArray(R"({"WorkingDir":"/root","Cmd":["jupyter","notebook"]})")
                                   << "/root" << "/root/work" << "generic" << "8888/tcp";
        QTest::newRow("server root_dir") << QByteArray(R"({"Cmd":["jupyter","lab","--ServerApp.root_dir","/workspace"],"ExposedPorts":{"9999/tcp":{}}})")
                                         << "/workspace" << "/workspace" << "generic" << "9999/tcp";
        QTest::newRow("user without workdir") << QByteArray(R"({"User":"ada:ada","Cmd":["jupyter","notebook"]})")
                                              << "/home/ada" << "/home/ada/work" << "generic" << "8888/tcp";
    }

    void readsWhereEachShapeKeepsNotebooks()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, root);
        QFETCH(QString, target);
        QFETCH(QString, shape);
        QFETCH(QString, port);
        const auto l = notebookLayout(image(json::parse(config.toStdString())));
        QCOMPARE(QString::fromStdString(l.root), root);
        QCOMPARE(QString::fromStdString(l.workspaceTarget), target);
        QCOMPARE(QString::fromStdString(l.shape), shape);
        QCOMPARE(QString::fromStdString(l.port), port);
    }

    void createBodyIsSafeByDefault()
    {
        LaunchSpec spec;
        spec.image = "berth-test/notebook:6";
        spec.env = {{"COURSE", "ml101"}};
        spec.mounts = {{"/data", "/data", true, false}};
        spec.profile = "ml101.berth";
        const auto img = image({{"WorkingDir", "/root"}});
        const json b = Launcher::createBody(spec, notebookLayout(img), "env1", "t0ken", "/home/u/Documents/Berth/env1");
        JSON_EQ(b["Image"], json("berth-test/notebook:6"));
        JSON_EQ(b["Env"], json({"JUPYTER_TOKEN=t0ken", "COURSE=ml101"}));
        const auto& hc = b["HostConfig"];
        JSON_EQ(hc["PortBindings"]["8888/tcp"], json::parse(R"([{"HostIp":"127.0.0.1","HostPort":""}])"));
        JSON_EQ(b["ExposedPorts"], json::parse(R"({"8888/tcp":{}})"));
        JSON_EQ(hc["Init"], json(true));
        JSON_EQ(hc["Privileged"], json(false));
        JSON_EQ(hc["ShmSize"], json(1LL << 30));
        QVERIFY(!hc.contains("Memory") && !hc.contains("NanoCpus") && !hc.contains("DeviceRequests"));
        JSON_EQ(hc["Mounts"][0], json::parse(R"({"Type":"bind","Source":"/home/u/Documents/Berth/env1","Target":"/root/work","ReadOnly":false})"));
        JSON_EQ(hc["Mounts"][1]["ReadOnly"], json(true));
        JSON_EQ(b["Labels"]["berth.env"], json("env1"));
        JSON_EQ(b["Labels"]["berth.profile"], json("ml101.berth"));
        JSON_EQ(b["Labels"]["berth.workspace-target"], json("/root/work"));
        QVERIFY(b.dump().find("t0ken") == b.dump().rfind("t0ken")); // only in Env, nowhere else (not a label)
    }

    void capsAndGpusGoWhereTheEngineReadsThem()
    {
        const auto img = image({});
        const auto layout = notebookLayout(img);
        LaunchSpec spec;
        spec.image = "x";
        spec.memory = 512LL << 20;
        spec.nanoCpus = 1500000000;
        spec.gpus.mode = GpuRequest::Mode::Count;
        spec.gpus.count = 2;
        json hc = Launcher::createBody(spec, layout, "n", "t", "")["HostConfig"];
        JSON_EQ(hc["Memory"], json(512LL << 20));
        JSON_EQ(hc["NanoCpus"], json(1500000000LL));
        JSON_EQ(hc["ShmSize"], json(256LL << 20)); // half of a small memory cap
        JSON_EQ(hc["DeviceRequests"], json::parse(R"([{"Driver":"","Count":2,"Capabilities":[["gpu"]]}])"));
        QVERIFY(hc["Mounts"].empty()); // no workspace asked
        spec.gpus = *parseGpus("all");
        hc = Launcher::createBody(spec, layout, "n", "t", "")["HostConfig"];
        JSON_EQ(hc["DeviceRequests"][0]["Count"], json(-1));
        spec.gpus = *parseGpus("device=1,GPU-e1924eea");
        spec.shmSize = 2LL << 30;
        hc = Launcher::createBody(spec, layout, "n", "t", "")["HostConfig"];
        JSON_EQ(hc["DeviceRequests"][0]["DeviceIDs"], json({"1", "GPU-e1924eea"}));
        QVERIFY(!hc["DeviceRequests"][0].contains("Count")); // exclusive with DeviceIDs
        JSON_EQ(hc["ShmSize"], json(2LL << 30));
    }

    void workspacesGoToTheDocumentsFolder()
    {
        QTemporaryDir home;
        qputenv("HOME", home.path().toUtf8());
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(QString::fromStdString(defaultWorkspaceRoot()), home.path() + "/Documents/Berth");
        QDir(home.path()).mkpath(".config");
        QFile dirs(home.path() + "/.config/user-dirs.dirs");
        QVERIFY(dirs.open(QIODevice::WriteOnly));
        dirs.write("# written by xdg-user-dirs-update\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n");
        dirs.close();
        QCOMPARE(QString::fromStdString(defaultWorkspaceRoot()), home.path() + "/Dokumente/Berth");
    }
};

QTEST_APPLESS_MAIN(TestLaunchPlan)
#include "TestLaunchPlan.moc"
