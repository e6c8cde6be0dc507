// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
//
// The adversarial review's findings in core, each pinned: the mount policy, token scans over endless
// text, escaping what containers and engines say, the removal guard, caps on what people may ask for.
#include "FakeTransport.h"
#include "berth/core/engine/Archive.h"
#include "berth/core/base/Escape.h"
#include "berth/core/launch/Launcher.h"
#include "berth/core/launch/MountPolicy.h"
#include "berth/core/launch/RemovalGuard.h"
#include "berth/core/base/Token.h"
#include "berth/core/base/Units.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace berth::core;

namespace {
/// A listening unix socket at `path`, as an engine or an agent would leave one.
int makeSocket(const std::string& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        qFatal("bind %s failed", path.c_str());
    }
    return fd;
}

bool refused(const std::string& path, const HostPathPolicy& policy, const char* says = nullptr, bool readOnly = false)
{
    auto r = checkHostPath(path, policy, readOnly);
    if (r.ok()) {
        return false;
    }
    if (says && r.error().message.find(says) == std::string::npos) {
        qWarning("%s: %s", path.c_str(), r.error().message.c_str());
        return false;
    }
    return true;
}
} // namespace

class TestHardening : public QObject
{
    Q_OBJECT

    QTemporaryDir tmp;
    HostPathPolicy policy;
    std::string home;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(tmp.isValid());
        home = (tmp.path() + "/home/ada").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(home + "/data")));
        policy.home = home;
        policy.uid = ::geteuid();
        policy.engineSockets = {"/var/run/docker.sock", (tmp.path() + "/engine/run/docker.sock").toStdString()};
    }

    void redactsTokensInEndlessTextInOnePass()
    {
        // std::regex recursed once per character and overflowed the stack at about 30 KB.
        const std::string endless = "http://127.0.0.1:8888/?token=" + std::string(4 << 20, 'a') + " end";
        const std::string out = redactTokens(endless, "");
        QCOMPARE(out, std::string("http://127.0.0.1:8888/?token=... end"));
        const std::string t = "0123456789abcdef0123456789abcdef0123456789abcdef";
        QCOMPARE(redactTokens("JUPYTER_TOKEN=" + t + "\n{\"token\":  \"x-y\"} and " + t + ".", t),
                 std::string("JUPYTER_TOKEN=...\n{\"token\":  \"...\"} and ...."));
        QCOMPARE(redactTokens("token= nothing"), std::string("token= nothing"));
        // Quoted, spaced and encoded forms, and the Authorization header, as servers and configs write them.
        const std::vector<std::pair<std::string, std::string>> spelt = {
            {"--ServerApp.token='abc123xyz' next", "--ServerApp.token='...' next"},
            {"c.ServerApp.token = \"two words\"\n", "c.ServerApp.token = \"...\"\n"},
            {"{\"token\" : \"s3cret\", \"port\": 1}", "{\"token\" : \"...\", \"port\": 1}"},
            {"{'token': 'abc'}", "{'token': '...'}"},
            {"{\"token\": \n\"zzz-0\"}", "{\"token\": \n\"...\"}"}, // found by fuzz_hostile_text
            {"token: plain", "token: ..."},
            {"/lab?token%3Dabc123&x=1", "/lab?token%3D...&x=1"},
            {"Authorization: token abc123", "Authorization: token ..."},
            {"a tokenizer runs", "a tokenizer runs"}};
        for (const auto& [plain, hidden] : spelt) {
            QCOMPARE(QString::fromStdString(redactTokens(plain)), QString::fromStdString(hidden));
        }
        // A known token and a form that overlap: both stay hidden (found by fuzz_hostile_text).
        QCOMPARE(redactTokens("log: abcdefgtoken=SECRET rest", "abcdefgtoken"), std::string("log: ...=... rest"));
        QCOMPARE(redactTokens("a TOKEN=x&b=1"), std::string("a TOKEN=...&b=1"));
    }

    void findsTheLastLoggedTokenInEndlessText()
    {
        std::string log = "http://h:8888/?token=abcdef12 first\n";
        log += std::string(4 << 20, 'x') + "\n?token=" + std::string(1 << 20, 'b') + "\n";
        log += "http://127.0.0.1:8888/lab?a=1&token=0123456789abcdefXY\n?token=short\ntoken=noprefix12345678\n";
        QCOMPARE(findLogToken(log), std::string("0123456789abcdefXY"));
        QCOMPARE(findLogToken("nothing here"), std::string());
        QCOMPARE(findLogToken(std::string(1 << 20, '?') + "token="), std::string());
    }

    void showsControlsInsteadOfObeyingThem()
    {
        const std::string hostile = "name\x1b]0;pwned\x07\x1b[2J\rroot# \xc2\x9b" "31m\xe2\x80\xae" "cod.exe\xff";
        const std::string out = printable(hostile, false);
        QCOMPARE(out, std::string("name\\x1b]0;pwned\\x07\\x1b[2J\\rroot# \\u009b31m\\u202ecod.exe\\xff"));
        QCOMPARE(printable("a\tb\nc", true), std::string("a\tb\nc"));
        QCOMPARE(printable("a\tb\nc", false), std::string("a\\tb\\nc"));
        QCOMPARE(printable("数据 ü"), std::string("数据 ü")); // text in any language stays as it is
        QCOMPARE(printable("\xe6\x95"), std::string("\\xe6\\x95")); // cut-off UTF-8
        QCOMPARE(printable("\xed\xa0\x80"), std::string("\\xed\\xa0\\x80")); // a surrogate is not UTF-8
    }

    void jsonOutputEscapesWhatJsonItselfLetsThrough()
    {
        const nlohmann::json j = {{"name", "x\x1b[2J\xc2\x9b" "1m\xe2\x80\xae\x7f\xff"}};
        const std::string out = jsonText(j);
        QVERIFY(out.find('\x1b') == std::string::npos);
        QVERIFY(out.find("\xc2\x9b") == std::string::npos);
        QVERIFY(out.find('\x7f') == std::string::npos);
        const auto back = nlohmann::json::parse(out);
        QCOMPARE(back["name"].get<std::string>(), std::string("x\x1b[2J\xc2\x9b" "1m\xe2\x80\xae\x7f\xef\xbf\xbd"));
        // The engine's own text, raw bytes inside its strings: same JSON, nothing a terminal obeys.
        const std::string raw = "[{\"Names\":[\"/a\x1b]0;x\x07\"],\r\"Id\":\"\\u001b\"}]";
        const std::string safe = escapeJsonText(raw);
        QVERIFY(safe.find('\x1b') == std::string::npos && safe.find('\r') == std::string::npos);
        QCOMPARE(nlohmann::json::parse(safe)[0]["Names"][0].get<std::string>(), std::string("/a\x1b]0;x\x07"));
        QCOMPARE(nlohmann::json::parse(safe)[0]["Id"].get<std::string>(), std::string("\x1b"));
    }

    void terminalFilterKeepsColoursOnly()
    {
        TerminalFilter f;
        std::string out = f.feed("\x1b[1;31mred\x1b[");
        out += f.feed("0m plain \x1b]0;title\x07 \x1b[2J\x1b[H\xe6");
        out += f.feed("\x95\xb0\n");
        out += f.finish();
        // Colours pass; at the end a reset, so no colour (black on black, hidden) outlives the stream.
        QCOMPARE(out, std::string("\x1b[1;31mred\x1b[0m plain \\x1b]0;title\\x07 \\x1b[2J\\x1b[H数\n\x1b[0m"));
        QVERIFY(f.finish().empty()); // reset once
        TerminalFilter cut;
        QCOMPARE(cut.feed("end\x1b"), std::string("end"));
        QCOMPARE(cut.finish(), std::string("\\x1b"));
    }

    void mountsAreJudgedByPrinciple()
    {
        // The system's trees, and what holds them.
        for (const char* p : {"/", "/proc", "/proc/1/root", "/sys", "/dev", "/dev/shm/x", "/etc", "/etc/ssh", "/boot",
                              "/usr/lib", "/var", "/var/lib", "/var/lib/docker", "/var/lib/docker/volumes/x",
                              "/var/lib/containers/storage", "/var/log"}) {
            QVERIFY2(refused(p, policy), p);
        }
        // The engine's control: its sockets, what holds them, any socket whatever its name.
        QVERIFY(refused("/run", policy, "full control"));
        QVERIFY(refused("/var/run/docker.sock", policy, "full control"));
        const std::string engineDir = (tmp.path() + "/engine").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(engineDir + "/run")));
        QVERIFY(refused(engineDir, policy, "engine's socket"));
        const std::string agentDir = (tmp.path() + "/agent").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(agentDir + "/deep/er")));
        const int sock = makeSocket(agentDir + "/deep/er/data");
        QVERIFY(refused(agentDir + "/deep/er/data", policy, "is a socket"));
        QVERIFY(refused(agentDir, policy, "holds a socket"));
        ::close(sock);
        // The home folder itself, what holds it, and its hidden settings.
        QVERIFY(refused(home, policy, "home folder"));
        QVERIFY(refused(tmp.path().toStdString() + "/home", policy, "home folder"));
        for (const char* hidden : {"/.ssh", "/.gnupg", "/.local/share/keyrings", "/.config", "/.docker", "/.aws"}) {
            QVERIFY2(refused(home + hidden, policy, "hidden settings"), hidden);
        }
        // A folder of one's own inside the home folder is what mounts are for.
        auto fine = checkHostPath(home + "/data", policy, false);
        QVERIFY2(fine.ok(), fine.ok() ? "" : fine.error().message.c_str());
        // Links are judged where they lead, and the engine is sent where they lead.
        QVERIFY(QFile::link("/etc", QString::fromStdString(home + "/data/etc-link")));
        QVERIFY(refused(home + "/data/etc-link", policy, "part of the system"));
        QVERIFY(QFile::link(QString::fromStdString(home + "/data"), QString::fromStdString(home + "/work-link")));
        QCOMPARE(*checkHostPath(home + "/work-link", policy, false), home + "/data");
    }

    void refusesPathsAnotherUserCouldSwap()
    {
        const std::string shared = (tmp.path() + "/shared").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(shared + "/mine")));
        QVERIFY(::chmod(shared.c_str(), 0777) == 0); // anyone may rename what is in it
        QVERIFY(refused(shared + "/mine", policy, "can be written by other users"));
        QVERIFY(::chmod(shared.c_str(), 01777) == 0); // sticky, like /tmp: only the owner may rename
        QVERIFY(checkHostPath(shared + "/mine", policy, false).ok());
        QVERIFY(refused(shared, policy, "shared with every user"));
        QVERIFY(::chown((shared + "/mine").c_str(), 4242, 4242) == 0 || ::geteuid() != 0);
        if (::geteuid() == 0) {
            QVERIFY(refused(shared + "/mine", policy, "can be written by other users"));
            QVERIFY(refused(shared + "/mine/sub", policy, "user"));
        }
    }

    void grantsNobodyMoreThanTheyHave()
    {
        // Run as another user: the engine (root) would read a folder that user may not.
        const std::string secret = (tmp.path() + "/secret").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(secret)));
        QVERIFY(::chmod(secret.c_str(), 0700) == 0);
        QVERIFY(::chmod(tmp.path().toUtf8().constData(), 0755) == 0);
        const std::string readable = (tmp.path() + "/readable").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(readable)));
        QVERIFY(::chmod(readable.c_str(), 0755) == 0);
        const pid_t child = ::fork();
        if (child == 0) {
            if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
                ::_exit(10);
            }
            HostPathPolicy other;
            other.uid = ::geteuid();
            int code = 0;
            if (checkHostPath(secret, other, true).ok()) {
                code |= 1; // read-only, still not readable by this user
            }
            if (checkHostPath(readable, other, false).ok()) {
                code |= 2; // readable, but not writable: no read-write mount
            }
            if (!checkHostPath(readable, other, true).ok()) {
                code |= 4; // read-only is fine
            }
            ::_exit(code);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
    }

    void theNotebookFolderIsMadeWithoutFollowingLinks()
    {
        const std::string root = home + "/Documents/Berth";
        auto made = prepareFolder(root + "/env1", policy);
        QVERIFY2(made.ok(), made.ok() ? "" : made.error().message.c_str());
        QVERIFY(made->created);
        struct stat st{};
        QVERIFY(::fstat(made->fd, &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));
        QCOMPARE(st.st_uid, ::geteuid());
        ::close(made->fd);
        auto again = prepareFolder(root + "/env1", policy);
        QVERIFY(again.ok() && !again->created);
        ::close(again->fd);

        // A link that another user planted in a folder they may write: refused, and nothing is made where it
        // points (the notebook folder once fell back to /tmp, where anyone can plant one).
        const std::string shared = (tmp.path() + "/plant").toStdString();
        const std::string elsewhere = (tmp.path() + "/elsewhere").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(shared)) && QDir().mkpath(QString::fromStdString(elsewhere)));
        QVERIFY(::chmod(shared.c_str(), 01777) == 0);
        QVERIFY(::symlink(elsewhere.c_str(), (shared + "/planted").c_str()) == 0);
        QVERIFY(::lchown((shared + "/planted").c_str(), 4242, 4242) == 0); // the tests run as root
        auto planted = prepareFolder(shared + "/planted/env2", policy);
        QVERIFY(!planted.ok());
        QVERIFY2(planted.error().message.find("other users") != std::string::npos, planted.error().message.c_str());
        QVERIFY(!QFileInfo::exists(QString::fromStdString(elsewhere + "/env2")));
        // A link of one's own (~/Documents kept on another disk) is followed.
        QVERIFY(QFile::link(QString::fromStdString(elsewhere), QString::fromStdString(home + "/Linked")));
        auto own = prepareFolder(home + "/Linked/env3", policy);
        QVERIFY2(own.ok(), own.ok() ? "" : own.error().message.c_str());
        QCOMPARE(own->path, elsewhere + "/env3");
        ::close(own->fd);

        // No home folder: no default place for notebooks, rather than a world-writable one.
        HostPathPolicy homeless = policy;
        homeless.home.clear();
        auto none = defaultWorkspaceRoot(homeless);
        QVERIFY(!none.ok());
        QVERIFY(none.error().message.find("no home folder") != std::string::npos);
        QCOMPARE(*defaultWorkspaceRoot(policy), home + "/Documents/Berth");
    }

    void removalGuardKnowsWorkFromCaches()
    {
        using K = FileChange::Kind;
        const std::vector<FileChange> changes = {
            {K::Modified, "/root"},
            {K::Added, "/root/results.csv"},
            {K::Added, "/data/model.pt"},
            {K::Deleted, "/root/old.ipynb"},
            {K::Added, "/home/jovyan/.thesis/chapter1.ipynb"},
            {K::Added, "/home/jovyan/.thesis/notes.md"},
            {K::Added, "/home/jovyan/.ipynb_checkpoints/x-checkpoint.ipynb"},
            {K::Added, "/home/jovyan/.cache/pip/wheel"},
            {K::Added, "/home/jovyan/.local/share/jupyter/runtime/kernel-1.json"},
            {K::Added, "/root/.bash_history"},
            {K::Added, "/home/jovyan/work/mounted.ipynb"},
            {K::Added, "/srv/analysis.ipynb"},
            {K::Added, "/srv/other.txt"},
            {K::Added, "/tmp/scratch.csv"},
            {K::Added, "/opt/notebooks/intro.txt"},
        };
        const auto risky = layerFilesAtRisk(changes, {"/home/jovyan/work/"}, "/opt/notebooks"); // Podman keeps the slash
        const std::vector<std::string> expected = {"/data/model.pt", "/home/jovyan/.thesis/chapter1.ipynb",
                                                   "/home/jovyan/.thesis/notes.md", "/opt/notebooks/intro.txt",
                                                   "/root/results.csv", "/srv/analysis.ipynb"};
        QCOMPARE(risky, expected);
    }

    void listsFilesInATarStreamCutAnywhere()
    {
        const QString dir = tmp.path() + "/tarme";
        QVERIFY(QDir().mkpath(dir + "/data/" + QString(120, 'd')));
        for (const QString& f : {QString("/data/a.csv"), "/data/" + QString(120, 'd') + "/long-named.ipynb"}) {
            QFile file(dir + f);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray(700, 'x'));
        }
        QProcess tar;
        tar.start("tar", {"--format=gnu", "-cf", "-", "-C", dir, "data"});
        QVERIFY(tar.waitForFinished());
        const QByteArray bytes = tar.readAllStandardOutput();
        for (int step : {1, 7, 512, 100000}) {
            TarLister lister;
            for (int i = 0; i < bytes.size(); i += step) {
                lister.feed(std::string_view(bytes.constData() + i, std::min<qsizetype>(step, bytes.size() - i)));
            }
            auto files = lister.files();
            std::sort(files.begin(), files.end());
            QCOMPARE(files.size(), std::size_t(2));
            QCOMPARE(QString::fromStdString(files[0]), QString("data/a.csv"));
            QCOMPARE(QString::fromStdString(files[1]), "data/" + QString(120, 'd') + "/long-named.ipynb");
        }
        TarLister few(1);
        few.feed(std::string_view(bytes.constData(), bytes.size()));
        QCOMPARE(few.files().size(), std::size_t(1));
        QVERIFY(few.more());
    }

    void cpuCapsThatWouldMeanNoCapAreRefused()
    {
        QVERIFY(!parseCpus("0.001").ok());
        QVERIFY(!parseCpus("0.004").ok());
        QCOMPARE(*parseCpus("0.01"), std::int64_t(10'000'000));
        LaunchSpec s;
        s.image = "img:1";
        s.nanoCpus = 4'000'000;
        QVERIFY(!validate(s).ok());
        s.nanoCpus = 10'000'000;
        QVERIFY(validate(s).ok());
    }

    void knowsAnEngineOnThisHostFromOneElsewhere()
    {
        char host[256] = {0};
        ::gethostname(host, sizeof host - 1);
        utsname uts{};
        ::uname(&uts);
        EngineInfo here;
        here.name = host;
        here.raw = {{"KernelVersion", uts.release}};
        QVERIFY(engineInfoIsThisHost(here));
        EngineInfo there = here;
        there.name = "lab-gpu-01";
        QVERIFY(!engineInfoIsThisHost(there));
        there = here;
        there.raw["KernelVersion"] = "6.1.0-99-amd64";
        QVERIFY(!engineInfoIsThisHost(there));
        EngineInfo desktop;
        desktop.operatingSystem = "Docker Desktop";
        QVERIFY(engineInfoIsThisHost(desktop));
    }

    void oldDockerExposesLoopbackPorts()
    {
        VersionInfo v;
        v.version = "20.10.24+dfsg1";
        QVERIFY(v.loopbackPortsReachableFromNetwork());
        v.version = "27.5.1";
        QVERIFY(v.loopbackPortsReachableFromNetwork());
        v.version = "28.0.0";
        QVERIFY(!v.loopbackPortsReachableFromNetwork());
        v.version = "4.3.1";
        v.podman = true;
        QVERIFY(!v.loopbackPortsReachableFromNetwork());
    }

    void copiesOutOfAContainerNeverLeaveTheDestination()
    {
        // A hostile archive: names that climb out, an absolute one, a link, a PAX long name, a GNU one.
        QProcess py;
        py.start("python3", {"-c", R"(
import io, sys, tarfile
def add(tar, name, data=b"", kind=tarfile.REGTYPE, link=""):
    info = tarfile.TarInfo(name); info.type = kind; info.linkname = link; info.size = len(data); info.mode = 0o4755
    tar.addfile(info, io.BytesIO(data) if data else None)
pax, gnu = io.BytesIO(), io.BytesIO()
with tarfile.open(fileobj=pax, mode="w", format=tarfile.PAX_FORMAT) as t:
    add(t, "out", kind=tarfile.DIRTYPE)
    add(t, "out/ok.txt", b"fine")
    add(t, "../escape.txt", b"x")
    add(t, "/abs-berth-test.txt", b"x")
    add(t, "out/../../up.txt", b"x")
    add(t, "out/link", kind=tarfile.SYMTYPE, link="/etc/passwd")
    add(t, "out/" + "p" * 150 + ".txt", b"long")
with tarfile.open(fileobj=gnu, mode="w", format=tarfile.GNU_FORMAT) as t:
    add(t, "out/" + "g" * 150 + ".txt", b"gnu")
first = pax.getvalue().rstrip(b"\0")
first += b"\0" * (-len(first) % 512)
sys.stdout.buffer.write(first + gnu.getvalue()))"});
        QVERIFY(py.waitForFinished(20000));
        const QByteArray tar = py.readAllStandardOutput();
        QVERIFY2(tar.size() > 2048, py.readAllStandardError().constData());

        QTemporaryDir where;
        const std::string dest = (where.path() + "/dest").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(dest)));
        auto fake = std::make_shared<berth::test::FakeTransport>();
        fake->expect("GET", "/containers/x/archive", berth::test::FakeTransport::ok(tar.toStdString()), 7);
        EngineClient engine(fake);
        auto r = copyFromContainer(engine, "x", "/out", dest);
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        std::vector<std::string> written = r->written;
        std::sort(written.begin(), written.end());
        const std::vector<std::string> expected = {"out/" + std::string(150, 'g') + ".txt", "out/ok.txt",
                                                   "out/" + std::string(150, 'p') + ".txt"};
        QCOMPARE(written, expected);
        QCOMPARE(r->skipped.size(), std::size_t(4));
        QVERIFY(!QFileInfo::exists(where.path() + "/escape.txt"));
        QVERIFY(!QFileInfo::exists(where.path() + "/up.txt"));
        QVERIFY(!QFileInfo::exists("/abs-berth-test.txt"));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(dest + "/out/link")));
        QFile ok(QString::fromStdString(dest + "/out/ok.txt"));
        QVERIFY(ok.open(QIODevice::ReadOnly));
        QCOMPARE(ok.readAll(), QByteArray("fine"));
        QCOMPARE(QFileInfo(ok).permissions() & QFileDevice::ExeOther, QFileDevice::ExeOther);
        struct stat st{};
        QVERIFY(::stat((dest + "/out/ok.txt").c_str(), &st) == 0);
        QCOMPARE(st.st_mode & 07000, mode_t(0)); // no set-id bit from the archive
        // Again: nothing is replaced.
        fake->expect("GET", "/containers/x/archive", berth::test::FakeTransport::ok(tar.toStdString()), 512);
        auto again = copyFromContainer(engine, "x", "/out", dest);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QVERIFY(again.error().message.find("exists already") != std::string::npos);
    }

    void everyHomeIsAHomeAndEveryWriterCounts()
    {
        // Another person's home (as root, or under sudo) is judged as a home; so is the password
        // database's home when HOME says something else.
        HostPathPolicy p = policy;
        const std::string bob = (tmp.path() + "/home/bob").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(bob + "/data")));
        p.homes = {bob};
        QVERIFY(refused(bob, p, ("the home folder " + bob).c_str()));
        QVERIFY(refused(bob + "/.ssh", p, "hidden settings"));
        QVERIFY(checkHostPath(bob + "/data", p, false).ok());
        const QByteArray savedHome = qgetenv("HOME");
        qputenv("HOME", "/nonexistent");
        const HostPathPolicy mine = HostPathPolicy::forThisUser();
        qputenv("HOME", savedHome);
        QVERIFY(!mine.homes.empty());
        const std::string real = mine.homes.front();
        QVERIFY2(refused(real + "/.ssh", mine, "hidden settings"), real.c_str());

        // The rest of /var is the system's too: caches with others' secrets, databases, mail.
        for (const char* v : {"/var/cache", "/var/lib/postgresql", "/var/mail", "/var/spool/cron", "/var/backups"}) {
            QVERIFY2(refused(v, policy), v);
        }

        // A folder on the way that a group with other people may write: they could swap what is in it.
        const std::string grouped = (tmp.path() + "/grouped").toStdString();
        QVERIFY(QDir().mkpath(QString::fromStdString(grouped + "/mine")));
        QVERIFY(::chown(grouped.c_str(), ::geteuid(), 100) == 0); // "users"
        QVERIFY(::chmod(grouped.c_str(), 0775) == 0);
        QVERIFY(refused(grouped + "/mine", policy, "other users"));
        QVERIFY(::chown(grouped.c_str(), ::geteuid(), ::getegid()) == 0); // the user's own group: fine
        auto own = checkHostPath(grouped + "/mine", policy, false);
        QVERIFY2(own.ok(), own.ok() ? "" : own.error().message.c_str());
        // An access control list letting someone else write: they could swap it too.
        QProcess acl;
        acl.start("setfacl", {"-m", "u:4242:rwx", QString::fromStdString(grouped)});
        QVERIFY(acl.waitForFinished() && acl.exitCode() == 0);
        QVERIFY(refused(grouped + "/mine", policy, "other users"));
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "TestHardening.moc"
