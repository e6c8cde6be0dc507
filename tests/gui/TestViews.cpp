// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The window's views on the real engine, under Xvfb: the lists match the engine and follow what anyone does
// (a container made outside Berth appears and goes by itself, from the events stream); the remove dialog lists
// a file written outside the mounts and keeps it unless told; the log view follows a container's output;
// an engine that cannot be reached gets its page. Screenshots of each view go to docs/screenshots/.
#include "../integration/LiveEngine.h"
#include "berth/core/engine/Endpoint.h"
#include "berth/core/launch/DiskSpace.h"
#include "berth/core/launch/Environment.h"
#include "ui/EngineStatus.h"
#include "ui/ListPage.h"
#include "ui/MainWindow.h"
#include "ui/containers/ContainersPage.h"
#include "ui/containers/LogView.h"
#include "ui/engine/EngineWatcher.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/environments/LaunchDialog.h"
#include "ui/environments/UsageChart.h"
#include "ui/environments/UsageSampler.h"
#include "ui/gpu/GpusPage.h"
#include "ui/environments/RemoveDialog.h"
#include "ui/images/ImagesPage.h"
#include "ui/models/ContainerModel.h"
#include "ui/models/EnvironmentModel.h"
#include "ui/models/ImageModel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QPushButton>
#include <QTableView>
#include <QLineEdit>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QPointer>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QSignalSpy>
#include <QTest>

#include <mutex>
#include <optional>
#include <thread>

using namespace berth;
using nlohmann::json;

namespace {

/// A container of this run's, created (and started when asked) through the engine, as another tool would.
std::string makeContainer(core::EngineClient& engine, const std::string& name, std::vector<std::string> cmd,
                          bool start, json labels = json::object())
{
    labels["berth.test"] = test::runLabelValue();
    auto created = engine.createContainer(name, {{"Image", "berth-test/notebook:6"}, {"Cmd", cmd}, {"Labels", labels}});
    if (!created) {
        qFatal("create: %s", created.error().message.c_str());
    }
    if (start) {
        (void)engine.startContainer(created->id);
    }
    return created->id;
}

/// An engine the way Docker is: it says a container died (one event, streamed at once) while its list still says
/// "running" for `lag` more. Everything else answers 200 with nothing.
class LaggingEngine final : public core::Transport
{
public:
    explicit LaggingEngine(std::chrono::milliseconds lag) : m_lag(lag) {}

    core::Result<core::HttpResponse> send(const core::HttpRequest& request) override
    {
        core::HttpResponse r;
        r.status = 200;
        if (request.target.find("/version") != std::string::npos) {
            r.body = R"({"Version":"24.0.0","ApiVersion":"1.43"})";
        } else if (request.target.find("/containers/json") != std::string::npos) {
            std::lock_guard lock(m_mutex);
            const bool exited = m_diedAt && std::chrono::steady_clock::now() >= *m_diedAt + m_lag;
            r.body = json::array({{{"Id", "c1"}, {"Names", {"/lagging"}}, {"Image", "x"},
                                   {"State", exited ? "exited" : "running"}, {"Status", ""}}})
                         .dump();
            ++lists;
        } else {
            r.body = "{}";
        }
        return r;
    }
    core::Result<core::HttpResponse> stream(const core::HttpRequest& request, const core::ChunkHandler& onChunk,
                                            const std::atomic<bool>* cancel) override
    {
        if (request.target.find("/events") != std::string::npos) {
            {
                std::lock_guard lock(m_mutex);
                m_diedAt = std::chrono::steady_clock::now();
            }
            const auto now = std::chrono::duration_cast<std::chrono::nanoseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
            onChunk(json{{"Type", "container"}, {"Action", "die"}, {"Actor", {{"ID", "c1"}}}, {"timeNano", now}}
                        .dump() +
                    "\n");
            while (!(cancel && cancel->load())) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            return core::makeError(core::ErrorKind::Cancelled, "Cancelled.");
        }
        return send(request);
    }
    std::string describe() const override { return "lagging"; }
    std::atomic<int> lists{0};

private:
    std::mutex m_mutex;
    std::chrono::milliseconds m_lag;
    std::optional<std::chrono::steady_clock::time_point> m_diedAt;
};

/// Selects the row whose id is `id` in a page's table.
bool select(ui::ListPage* page, const QString& id)
{
    auto* model = page->table()->model();
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, 0).data(Qt::UserRole).toString() == id) {
            page->table()->selectRow(r);
            return true;
        }
    }
    return false;
}

QAction* action(QWidget* page, const char* name)
{
    return page->findChild<QAction*>(QString::fromLatin1(name));
}

} // namespace

class TestViews : public QObject
{
    Q_OBJECT

    std::shared_ptr<core::EngineClient> engine = test::liveEngine();
    QDir shots{QStringLiteral(BERTH_SOURCE_DIR "/docs/screenshots")};
    QTemporaryDir podmanShots; ///< the Podman run's screenshots: the README shows Docker's

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(engine->negotiate().ok());
        if (engine->version().ok() && engine->version()->podman) {
            shots.setPath(podmanShots.path()); // both runs go at once: one writes docs/screenshots
        }
        QVERIFY(shots.mkpath(QStringLiteral(".")));
    }

    void cleanupTestCase() { test::removeLabelled(*engine); }

    void listsMatchTheEngineAndFollowItsEvents()
    {
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        status.refresh();
        // The lists as the engine has them (rows of this run's and an environment-labelled one).
        const std::string plain = test::uniqueName("views-plain");
        const std::string envName = test::uniqueName("views-env");
        const std::string plainId = makeContainer(*engine, plain, {"sleep", "300"}, true);
        const std::string envId =
            makeContainer(*engine, envName, {"sleep", "300"}, false,
                          {{core::labels::kEnvironment, envName}, {core::labels::kMemory, "1073741824"}});
        // Made by another tool, shown within moments, from the events stream alone (nothing polls).
        QTRY_VERIFY_WITH_TIMEOUT(window.containers()->find(plainId) >= 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.environments()->find(envId) >= 0, 5000);
        QVERIFY(window.environments()->find(plainId) < 0); // not Berth's: not an environment
        const auto* env = window.environments()->row(window.environments()->find(envId));
        QCOMPARE(env->state, core::EnvironmentState::Created);
        QCOMPARE(ui::capsText(*env), QStringLiteral("1.0 GiB"));
        // Every container the engine lists is a row, and no other.
        auto listed = engine->listContainers(true, {{"label", {"berth.test=" + test::runLabelValue()}}});
        QVERIFY(listed.ok());
        int ours = 0;
        for (const auto& c : window.containers()->rows()) {
            ours += c.labels.count("berth.test") && c.labels.at("berth.test") == test::runLabelValue();
        }
        QCOMPARE(ours, static_cast<int>(listed->size()));
        // Images: each tag a row, with a verdict decided on a worker.
        window.showView(1);
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() > 0, 10000);
        // As many rows as the engine has tags now (other tests pull and remove images meanwhile: asked afresh).
        const auto engineTags = [this] {
            std::size_t tags = 0;
            if (auto images = engine->listImages()) {
                for (const auto& i : *images) {
                    tags += std::max<std::size_t>(i.repoTags.size(), 1);
                }
            }
            return tags;
        };
        QTRY_VERIFY_WITH_TIMEOUT(static_cast<std::size_t>(window.images()->rowCount()) == engineTags(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rows().front().verdict.has_value(), 20000);
        int notebook = -1;
        for (int r = 0; r < window.images()->rowCount(); ++r) {
            const auto& row = window.images()->rows()[static_cast<std::size_t>(r)];
            // Podman names local images under localhost/.
            if ((row.repository == "berth-test/notebook" || row.repository == "localhost/berth-test/notebook") &&
                row.tag == "6") {
                notebook = r;
            }
        }
        QVERIFY(notebook >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(window.images()->rows()[static_cast<std::size_t>(notebook)].verdict.has_value(), 20000);
        QCOMPARE(window.images()->index(notebook, ui::ImageModel::Verdict).data().toString(), QStringLiteral("CPU only"));
        QVERIFY(window.images()->index(notebook, ui::ImageModel::UsedBy).data().toString().contains("container"));
        window.grab().save(shots.filePath(QStringLiteral("images.png")));
        window.showView(2);
        QVERIFY(select(window.containersPage(), QString::fromStdString(plainId)));
        window.grab().save(shots.filePath(QStringLiteral("containers.png")));
        window.showView(0);
        QVERIFY(select(window.environmentsPage(), QString::fromStdString(envId)));
        QVERIFY(action(window.environmentsPage(), "remove")->isEnabled());
        window.grab().save(shots.filePath(QStringLiteral("environments.png")));

        // Removed by another tool: gone from the lists by itself.
        QVERIFY(engine->removeContainer(plainId, true, true).ok());
        QVERIFY(engine->removeContainer(envId, true, true).ok());
        QTRY_VERIFY_WITH_TIMEOUT(window.containers()->find(plainId) < 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(window.environments()->find(envId) < 0, 5000);
        QVERIFY(window.environmentsPage()->currentId() != QString::fromStdString(envId)); // its row went with it
    }

    void aPullSaysTheRoomLeftAndFollowsEachLayer()
    {
        // An image of its own in the test registry (TestEngineLive and TestBerthctl pull others meanwhile).
        const std::string ref = test::registryAddress() + "/berth-test/pullme-gui:1";
        test::removeImageEverywhere(*engine, ref);
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        window.showView(1);
        auto* page = window.imagesPage();
        // The layers as they were last shown, whenever they changed (the list hides once the pull ends).
        int mostLayers = 0;
        QStringList lines;
        connect(page->layers()->model(), &QAbstractItemModel::dataChanged, this, [&] {
            for (int i = 0; i < page->layers()->count(); ++i) {
                lines << page->layers()->item(i)->text();
            }
            mostLayers = std::max(mostLayers, page->layers()->count());
        });
        connect(page->layers()->model(), &QAbstractItemModel::rowsInserted, this,
                [&] { mostLayers = std::max(mostLayers, page->layers()->count()); });
        page->pull(QString::fromStdString(ref));
        QVERIFY(page->progress()->isVisible());
        // The room left where this engine keeps its images, shown before the download.
        const auto space = core::imageStoreSpace(*engine->info());
        QVERIFY(space);
        QTRY_VERIFY_WITH_TIMEOUT(page->diskSpace()->text().startsWith("Room for images: "), 10000);
        QVERIFY2(page->diskSpace()->text().contains(QString::fromStdString(" at " + space->path)),
                 qPrintable(page->diskSpace()->text()));
        QTRY_VERIFY_WITH_TIMEOUT(!page->progress()->isVisible(), 60000);
        QVERIFY2(page->findChild<QLabel*>("note")->text() == QString::fromStdString("Pulled " + ref + "."),
                 qPrintable(page->findChild<QLabel*>("note")->text()));
        // Each layer had a line: its short id, then the engine's word for where it is.
        QVERIFY2(mostLayers >= 1, qPrintable(lines.join('\n')));
        const QString line = page->layers()->item(0)->text();
        QVERIFY2(QRegularExpression("^[0-9a-f]{12}  (Pull|Download) complete$").match(line).hasMatch(), qPrintable(line));
        QVERIFY(engine->inspectImage(ref).ok());
        test::removeImageEverywhere(*engine, ref);
    }

    void theRemoveDialogListsAFileWrittenOutsideTheMounts()
    {
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        const std::string name = test::uniqueName("views-rm");
        const std::string id = makeContainer(*engine, name,
                                             {"sh", "-c", "mkdir -p /root/run && echo '{}' > /root/run/model.ipynb"}, true);
        window.showView(2);
        QTRY_VERIFY_WITH_TIMEOUT(select(window.containersPage(), QString::fromStdString(id)), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(window.containers()->row(window.containers()->find(id))->state, std::string("exited"),
                                  10000);
        // The dialog comes up (modal) once core has listed what would be lost; the test looks, keeps it all.
        ui::RemoveDialog* seen = nullptr;
        QStringList files;
        QTimer poll;
        connect(&poll, &QTimer::timeout, this, [&] {
            if (auto* d = qobject_cast<ui::RemoveDialog*>(QApplication::activeModalWidget())) {
                seen = d;
                for (int i = 0; i < d->files()->count(); ++i) {
                    files << d->files()->item(i)->text();
                }
                d->grab().save(shots.filePath(QStringLiteral("remove-dialog.png")));
                d->reject();
            }
        });
        poll.start(50);
        action(window.containersPage(), "remove")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(seen != nullptr, 10000);
        poll.stop();
        QCOMPARE(files, QStringList{QStringLiteral("/root/run/model.ipynb")});
        QTRY_VERIFY_WITH_TIMEOUT(window.containersPage()->note()->text().contains("Kept"), 5000);
        QVERIFY(engine->inspectContainer(id).ok()); // nothing was removed

        // The window closed while the dialog is up: the dialog goes with it, nothing is removed, nothing crashes.
        auto* second = new ui::MainWindow(&status);
        second->show();
        second->showView(2);
        QTRY_VERIFY_WITH_TIMEOUT(select(second->containersPage(), QString::fromStdString(id)), 5000);
        action(second->containersPage(), "remove")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<ui::RemoveDialog*>(QApplication::activeModalWidget()) != nullptr, 10000);
        QPointer<QWidget> dialog = QApplication::activeModalWidget();
        delete second;
        QVERIFY(dialog.isNull());
        QTest::qWait(200);
        QVERIFY(engine->inspectContainer(id).ok());
    }

    void theLogViewFollowsAContainer()
    {
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        const std::string name = test::uniqueName("views-log");
        const std::string id = makeContainer(
            *engine, name, {"sh", "-c", "echo first line; echo to stderr >&2; sleep 1; echo later line; sleep 300"}, true);
        window.showView(2);
        QTRY_VERIFY_WITH_TIMEOUT(select(window.containersPage(), QString::fromStdString(id)), 5000);
        action(window.containersPage(), "log")->trigger();
        auto* view = window.containersPage()->findChild<ui::LogView*>();
        QVERIFY(view);
        QTRY_VERIFY_WITH_TIMEOUT(view->text()->toPlainText().contains("later line"), 10000); // followed, not read once
        QVERIFY(view->text()->toPlainText().contains("first line"));
        QVERIFY(view->text()->toPlainText().contains("to stderr"));
        view->grab().save(shots.filePath(QStringLiteral("log.png")));
        view->close(); // ends the stream
        (void)engine->removeContainer(id, true, true);
    }

    void theLaunchFormMakesWhatTheCommandLineMakes()
    {
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        QTemporaryDir data(QDir::homePath() + QStringLiteral("/berth-views-XXXXXX"));
        QVERIFY(data.isValid());
        const QString formName = QString::fromStdString(test::uniqueName("form"));
        const QString cliName = QString::fromStdString(test::uniqueName("formcli"));
        auto* form = window.environmentsPage()->openLaunchForm();
        QVERIFY(QTest::qWaitForWindowExposed(form));
        form->image()->setEditText(QStringLiteral("berth-test/notebook:6"));
        // The verdict comes before anything is pulled or made.
        QTRY_VERIFY_WITH_TIMEOUT(form->verdict()->text().startsWith("CPU only"), 15000);
        QVERIFY(!form->verdict()->text().contains("Toolkit"));
        form->name()->setText(formName);
        form->noWorkspace()->setChecked(true);
        form->addMount(data.path(), QStringLiteral("/data/in"), true);
        form->memory()->setValue(1.5);
        form->cpus()->setValue(1);
        form->shm()->setValue(256);
        // A wrong choice is pointed at, and nothing is made.
        form->env()->setPlainText(QStringLiteral("A=1\n1X=2"));
        form->launch();
        QVERIFY2(form->problem()->text().contains("'1X=2'"), qPrintable(form->problem()->text()));
        QVERIFY(form->env()->hasFocus() || !form->isActiveWindow());
        QCOMPARE(engine->inspectContainer(formName.toStdString()).error().kind, core::ErrorKind::NotFound);
        form->env()->setPlainText(QStringLiteral("A=1\nB=two words"));
        // A folder whose name has a ':' cannot be a mount: said, not misread as HOST:CONTAINER.
        form->addMount(data.path() + QStringLiteral("/a:b"), QStringLiteral("/data/ab"), false);
        form->launch();
        QVERIFY2(form->problem()->text().contains("has a ':'"), qPrintable(form->problem()->text()));
        form->mounts()->removeRow(1);
        form->grab().save(shots.filePath(QStringLiteral("launch-form.png")));
        // Launched, the form closes itself (and goes); what it said is kept here.
        QPointer<ui::LaunchDialog> open(form);
        std::optional<core::EnvironmentInfo> launched;
        QString problem;
        connect(form, &ui::LaunchDialog::launchedEnvironment, this, [&] { launched = form->launched(); });
        connect(form, &ui::LaunchDialog::failed, this, [&] { problem = form->problem()->text(); });
        form->launch();
        QTRY_VERIFY_WITH_TIMEOUT(launched.has_value() || !problem.isEmpty(), 120000);
        QVERIFY2(launched.has_value(), qPrintable(problem));
        QVERIFY(launched->ready);
        QTRY_VERIFY_WITH_TIMEOUT(open.isNull(), 5000);
        // The same choices on the command line.
        const auto cli = test::berthctl({"launch", "berth-test/notebook:6", "--name", cliName, "--no-workspace",
                                         "--mount", data.path() + ":/data/in:ro", "--memory", "1.5g", "--cpus", "1",
                                         "--shm-size", "256m", "--env", "A=1", "--env", "B=two words", "--no-wait"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        auto a = engine->inspectContainer(formName.toStdString());
        auto b = engine->inspectContainer(cliName.toStdString());
        (void)engine->removeContainer(formName.toStdString(), true, true);
        (void)engine->removeContainer(cliName.toStdString(), true, true);
        QVERIFY(a.ok() && b.ok());
        for (const char* key : {"Memory", "NanoCpus", "ShmSize", "Init", "Privileged", "Binds", "RestartPolicy"}) {
            QVERIFY2(a->raw["HostConfig"][key] == b->raw["HostConfig"][key], key);
        }
        // The same port bindings but for the host port each was given (Podman lists the one it picked).
        auto bindings = [](nlohmann::json j) {
            for (auto& [port, list] : j.items()) {
                for (auto& binding : list) {
                    binding.erase("HostPort");
                }
            }
            return QString::fromStdString(j.dump());
        };
        QCOMPARE(bindings(a->raw["HostConfig"]["PortBindings"]), bindings(b->raw["HostConfig"]["PortBindings"]));
        QCOMPARE(QString::fromStdString(a->raw["Mounts"].dump()), QString::fromStdString(b->raw["Mounts"].dump()));
        auto withoutToken = [](std::vector<std::string> env) {
            // Each its own token; Podman also sets HOSTNAME to each container's own.
            std::erase_if(env, [](const std::string& e) {
                return e.starts_with("JUPYTER_TOKEN=") || e.starts_with("HOSTNAME=");
            });
            std::sort(env.begin(), env.end()); // Podman lists them in an order of its own

            return env;
        };
        QVERIFY2(withoutToken(a->env) == withoutToken(b->env),
                 qPrintable(QString::fromStdString(nlohmann::json(withoutToken(a->env)).dump() + " vs " +
                                                   nlohmann::json(withoutToken(b->env)).dump())));
        auto labels = [](std::map<std::string, std::string> l) {
            l.erase(core::labels::kEnvironment); // the names differ
            return l;
        };
        QCOMPARE(QString::fromStdString(nlohmann::json(labels(a->labels)).dump()),
                 QString::fromStdString(nlohmann::json(labels(b->labels)).dump()));
        QVERIFY(withoutToken(a->env) != a->env); // each has its own token...
        QVERIFY(a->env != b->env);               // ...and not the same one
    }

    void liveUsageIsChartedOnlyWhileShown()
    {
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        const std::string name = test::uniqueName("views-usage");
        const std::string id = makeContainer(*engine, name, {"sh", "-c", "while :; do :; done"}, true,
                                             {{core::labels::kEnvironment, name}});
        window.showView(0);
        auto* page = window.environmentsPage();
        QTRY_VERIFY_WITH_TIMEOUT(select(page, QString::fromStdString(id)), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(page->chart()->points() >= 2, 15000);
        const int r = window.environments()->find(id);
        QTRY_VERIFY_WITH_TIMEOUT(window.environments()->index(r, ui::EnvironmentModel::Cpu).data().toString().endsWith("%"),
                                 5000);
        // A busy loop: clearly busy.
        const double cpu = window.environments()->index(r, ui::EnvironmentModel::Cpu).data().toString().section(' ', 0, 0).toDouble();
        QVERIFY2(cpu > 10, qPrintable(QString::number(cpu))); // shared CPUs under a parallel test run: well above idle
        window.grab().save(shots.filePath(QStringLiteral("environments-usage.png")));
        QVERIFY(page->sampler()->following() >= 1);
        window.showView(1);
        QCOMPARE(page->sampler()->following(), 0); // nobody looks: no stream
        (void)engine->removeContainer(id, true, true);
    }

    void theGpuViewShowsEachGpuAndItsLoadWhileShown()
    {
        // A machine with two NVIDIA GPUs, faked at NVML's C ABI; this engine has no NVIDIA toolkit.
        qputenv("BERTH_NVML_LIBRARY", FAKE_NVML_PATH);
        qputenv("FAKE_NVML_DRIVER", "550.54.14");
        qputenv("FAKE_NVML_CUDA", "12040");
        qputenv("FAKE_NVML_GPUS", "NVIDIA GeForce RTX 3090|GPU-e1924eea-b9bb-d537-39f2-b345087fa145|24576|8.6|5;"
                                  "Tesla T4|GPU-0b9c0a8e-1111-2222-3333-444455556666|15360|7.5|2");
        qputenv("FAKE_NVML_UTIL", "37");
        qputenv("FAKE_NVML_USED_MIB", "2048");
        ui::EngineStatus status(engine, {});
        ui::MainWindow window(&status);
        window.show();
        auto* gpus = window.gpusPage();
        QVERIFY(!gpus->isVisible());
        QCOMPARE(gpus->samples(), 0); // nothing is sampled while the view is not shown
        window.showView(3);
        QTRY_COMPARE_WITH_TIMEOUT(gpus->table()->rowCount(), 2, 10000);
        QVERIFY2(gpus->driver()->text().contains("550.54.14") && gpus->driver()->text().contains("12.4"),
                 qPrintable(gpus->driver()->text()));
        QVERIFY2(gpus->engineSupport()->text().contains("cannot hand GPUs") &&
                     gpus->engineSupport()->text().contains("Install the NVIDIA Container Toolkit"),
                 qPrintable(gpus->engineSupport()->text()));
        QCOMPARE(gpus->table()->item(1, 1)->text(), QStringLiteral("Tesla T4"));
        QTRY_COMPARE_WITH_TIMEOUT(gpus->table()->item(0, 4)->text(), QStringLiteral("37 %"), 10000);
        QCOMPARE(gpus->table()->item(0, 5)->text(), QStringLiteral("2.0 GiB"));
        // Samples follow the view: more while shown, none after it is hidden.
        qputenv("FAKE_NVML_UTIL", "81");
        QTRY_COMPARE_WITH_TIMEOUT(gpus->table()->item(0, 4)->text(), QStringLiteral("81 %"), 10000);
        window.grab().save(shots.filePath(QStringLiteral("gpus.png")));
        window.showView(0);
        const int taken = gpus->samples();
        QTest::qWait(4500);
        QCOMPARE(gpus->samples(), taken);
        for (const char* v : {"BERTH_NVML_LIBRARY", "FAKE_NVML_DRIVER", "FAKE_NVML_CUDA", "FAKE_NVML_GPUS",
                              "FAKE_NVML_UTIL", "FAKE_NVML_USED_MIB"}) {
            qunsetenv(v);
        }
    }

    void healthChecksAndExecsDoNotRelist()
    {
        // A docker-stacks image checks its health every few seconds: that is no reason to list anything again.
        auto event = [](const char* type, const char* action) {
            core::Event e;
            e.type = type;
            e.action = action;
            return e;
        };
        using W = ui::EngineWatcher;
        QVERIFY(!W::changesContainers(event("container", "health_status: healthy")));
        QVERIFY(!W::changesContainers(event("container", "exec_start: sh -c true")));
        QVERIFY(!W::changesContainers(event("container", "exec_die")));
        QVERIFY(!W::changesContainers(event("container", "top")));
        QVERIFY(W::changesContainers(event("container", "die")) && W::changesContainers(event("container", "destroy")));
        QVERIFY(W::changesImages(event("container", "create"))); // what uses an image changed
        QVERIFY(!W::changesImages(event("container", "start")));
        QVERIFY(W::changesImages(event("image", "pull")));
        QVERIFY(W::listsLagBehind(event("container", "die")) && !W::listsLagBehind(event("container", "start")));
    }

    void aContainerThatDiedSettlesOnExitedThoughTheListLagsTheEvent()
    {
        // Docker's list says "running" for a while after its "die" event (50 to 100 ms here, longer on a loaded
        // machine): the refresh after the event can still see it running, and the row must not stay so.
        auto transport = std::make_shared<LaggingEngine>(std::chrono::milliseconds(300));
        auto lagging = std::make_shared<core::EngineClient>(transport);
        ui::EngineWatcher watcher(lagging);
        ui::ContainerModel model(lagging);
        connect(&watcher, &ui::EngineWatcher::containersChanged, &model, &ui::ContainerModel::refresh);
        watcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(model.find("c1") >= 0, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(model.row(model.find("c1"))->state, std::string("exited"), 5000);
        // A few lists, not a poll: the one on connecting, the one after the event, the two that settle it.
        QTest::qWait(2500);
        QVERIFY2(transport->lists <= 5, qPrintable(QString::number(transport->lists)));
    }

    void whatTheFirstFrameNeedsNotWaitsForIt()
    {
        // Held, the list comes at once and the verdicts wait; released, they are decided.
        {
            ui::ImageModel model(engine);
            QSignalSpy decided(&model, &ui::ImageModel::verdictsDecided);
            model.holdVerdicts();
            model.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(model.rowCount() > 0, 10000);
            QTest::qWait(1500);
            QCOMPARE(decided.count(), 0);
            for (const auto& row : model.rows()) {
                QVERIFY(!row.verdict);
            }
            QCOMPARE(model.index(0, ui::ImageModel::Verdict).data().toString(), QStringLiteral("checking..."));
            model.releaseVerdicts();
            QTRY_VERIFY_WITH_TIMEOUT(decided.count() == 1, 20000);
            QVERIFY(model.rows().front().verdict);
        }
        // A window holds them until its first frame, and so the Containers view's list and the status line's
        // question to the engine (nobody calls status.refresh() here): shown, they come.
        const std::string id = makeContainer(*engine, test::uniqueName("first-frame"), {"sleep", "300"}, false);
        const auto listed = [](ui::MainWindow& window, const std::string& wanted) {
            return window.containers()->find(wanted) >= 0;
        };
        {
            ui::EngineStatus status(engine, {});
            ui::MainWindow window(&status);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() > 0 && window.images()->rows().front().verdict, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(listed(window, id), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(status.snapshot().connected, 10000);
        }
        // A window never shown (a second window opened behind a dialog, a test): a second later, they come all the same.
        {
            ui::EngineStatus status(engine, {});
            ui::MainWindow window(&status);
            QTRY_VERIFY_WITH_TIMEOUT(window.images()->rowCount() > 0 && window.images()->rows().front().verdict, 20000);
            QTRY_VERIFY_WITH_TIMEOUT(listed(window, id), 10000);
            QTRY_VERIFY_WITH_TIMEOUT(status.snapshot().connected, 10000);
        }
        (void)engine->removeContainer(id, true, true);
    }

    void anEngineThatCannotBeReachedGetsItsPage()
    {
        auto ep = core::parseEndpoint("unix:///tmp/berth-views-nothing.sock");
        QVERIFY(ep.ok());
        ui::EngineStatus status(std::make_shared<core::EngineClient>(std::make_shared<core::CurlTransport>(*ep)), {});
        ui::MainWindow window(&status);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.showingEngineDown(), 5000);
        auto* text = window.findChild<QLabel*>(QStringLiteral("engineDownText"));
        QVERIFY(text->text().contains("No engine answers at unix:///tmp/berth-views-nothing.sock"));
        QVERIFY(text->text().contains("Start Docker"));
        // The page is made when first needed: its layout settles (the wrapped text whole) before it is shown.
        QTRY_VERIFY(text->height() >= text->heightForWidth(text->width()));
        window.grab().save(shots.filePath(QStringLiteral("engine-down.png")));
    }
};

QTEST_MAIN(TestViews)
#include "TestViews.moc"
