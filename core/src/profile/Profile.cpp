// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/Profile.h"

#include "base/Text.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/base/Spelling.h"
#include "berth/core/base/Units.h"
#include "berth/core/profile/Jsonc.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <regex>

namespace berth::core {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxEnvironments = 64;
constexpr std::size_t kMaxProfileFiles = 64;

/// The devcontainer.json keys Berth knows, by what it does with them.
const std::vector<std::string> kUsedKeys = {"$schema",  "name",     "image",           "containerEnv", "mounts",
                                            "runArgs",  "hostRequirements", "customizations", "privileged",
                                            "capAdd",   "securityOpt", "init", "onCreateCommand",
                                            "updateContentCommand", "postCreateCommand", "postStartCommand"};
/// Build an image or run on the host: Berth runs images, and nothing of a profile runs outside its container.
const std::map<std::string, std::string> kRefusedKeys = {
    {"initializeCommand", "it runs a command on your computer, outside any container; Berth never does"},
    {"build", "Berth runs images, it does not build them"},
    {"dockerFile", "Berth runs images, it does not build them"},
    {"context", "Berth runs images, it does not build them"},
    {"dockerComposeFile", "Berth runs one image per environment, not a Compose project"},
    {"service", "Berth runs one image per environment, not a Compose project"},
    {"runServices", "Berth runs one image per environment, not a Compose project"},
    {"features", "features are built into an image on the host; Berth runs images, it does not build them"},
    {"overrideFeatureInstallOrder", "features are built into an image; Berth runs images, it does not build them"},
};
const char* kPinAdvice = " Build the image once (devcontainer build, docker build), push it or save it, and name it "
                         "in \"image\", pinned by its digest.";
/// Settings for editors (VS Code attaching to the container): read, not used, and said so.
const std::map<std::string, std::string> kEditorKeys = {
    {"forwardPorts", "Berth publishes only Jupyter's port, on 127.0.0.1"},
    {"appPort", "Berth publishes only Jupyter's port, on 127.0.0.1"},
    {"portsAttributes", "Berth publishes only Jupyter's port, on 127.0.0.1"},
    {"otherPortsAttributes", "Berth publishes only Jupyter's port, on 127.0.0.1"},
    {"postAttachCommand", "it runs when an editor attaches; no editor attaches to a Berth environment"},
    {"remoteEnv", "it is for an editor's processes; use containerEnv for the notebook's"},
    {"remoteUser", "it is for an editor's processes; the image's user runs Jupyter"},
    {"containerUser", "the image's own user runs Jupyter"},
    {"updateRemoteUserUID", "the image's own user runs Jupyter"},
    {"userEnvProbe", "it is for an editor's processes"},
    {"workspaceFolder", "the notebook folder is customizations.berth.notebookFolder"},
    {"workspaceMount", "the notebook folder is customizations.berth.notebookFolder"},
    {"overrideCommand", "Berth runs the image's own command (Jupyter)"},
    {"shutdownAction", "Berth stops an environment when you say so"},
    {"waitFor", "Berth waits for Jupyter"},
    {"secrets", "Berth does not ask for secrets"},
};
const std::vector<std::string> kBerthKeys = {"title", "author",       "description", "environments",   "image",    "gpu",
                                             "caps",  "containerEnv", "mounts",      "notebookFolder", "openPage", "locked"};
const std::vector<std::string> kEnvironmentKeys = {"name", "description",    "image",    "gpu",   "caps",
                                                   "containerEnv", "mounts", "notebookFolder", "openPage", "locked"};
const std::vector<std::string> kCapKeys = {"memory", "cpus", "shmSize", "gpus"};
/// What `locked` may name: LaunchChoices' fields, as the launch form and berthctl name them.
const std::vector<std::string> kLockable = {"image", "mounts", "env", "memory", "shm-size", "cpus", "gpus", "workspace"};

std::string inQuotes(const std::string& s)
{
    return "\"" + s + "\"";
}

/// A pointer as a person reads it: "/customizations/berth/caps/memory" -> customizations.berth.caps.memory.
std::string keyName(const std::string& pointer)
{
    std::string out;
    for (const auto& step : text::split(pointer, '/')) {
        if (step.empty()) {
            continue;
        }
        std::string s = std::regex_replace(std::regex_replace(step, std::regex("~1"), "/"), std::regex("~0"), "~");
        const bool index = std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
        out += index ? "[" + s + "]" : (out.empty() ? "" : ".") + s;
    }
    return out.empty() ? "the file" : out;
}

/// Environment ids and container names: lower case letters, digits, '-', '_' and '.'.
std::string slug(const std::string& name)
{
    std::string out;
    for (const char c : name) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '_' || c == '.' || c == '-') {
            out += static_cast<char>(std::tolower(u));
        } else if (!out.empty() && out.back() != '-') {
            out += '-';
        }
    }
    while (!out.empty() && !std::isalnum(static_cast<unsigned char>(out.front()))) {
        out.erase(out.begin());
    }
    while (!out.empty() && out.back() == '-') {
        out.pop_back();
    }
    return out.substr(0, 64);
}

/// Reads one file: where it says and what, collecting every problem rather than stopping at the first.
class Reader
{
public:
    Reader(const JsoncDocument& doc, std::string file, std::string workspace, const EnvironmentLookup& env)
        : m_doc(doc), m_file(std::move(file)), m_workspace(std::move(workspace)), m_env(env)
    {
    }

    std::vector<std::string> problems;
    std::vector<std::string> warnings;

    std::string at(const std::string& pointer) const
    {
        const TextPosition p = m_doc.positionOf(pointer);
        return m_file + ", line " + std::to_string(p.line) + ", column " + std::to_string(p.column) + ": " +
               keyName(pointer) + ": ";
    }
    void problem(const std::string& pointer, const std::string& what) { problems.push_back(at(pointer) + what); }
    void warn(const std::string& pointer, const std::string& what) { warnings.push_back(at(pointer) + what); }

    /// Checks an object's keys against the known ones; an unknown key is a problem, with the closest known one.
    void onlyKeys(const json& object, const std::string& pointer, const std::vector<std::string>& known)
    {
        for (const auto& [key, _] : object.items()) {
            if (std::find(known.begin(), known.end(), key) == known.end()) {
                const std::string close = closestName(key, known);
                problem(pointer + pointerStep(key),
                        "not a setting Berth knows here." + (close.empty() ? std::string(" It knows: " + join(known))
                                                                             : " Did you mean " + inQuotes(close) + "?"));
            }
        }
    }

    static std::string join(const std::vector<std::string>& names)
    {
        std::string out;
        for (const auto& n : names) {
            out += (out.empty() ? "" : ", ") + n;
        }
        return out + ".";
    }

    /// ${localWorkspaceFolder}, ${localWorkspaceFolderBasename}, ${localEnv:VAR[:default]} replaced, as the spec
    /// says; any other ${...} is a problem (Berth cannot know what it means, so it does not guess).
    std::optional<std::string> substitute(const std::string& text, const std::string& pointer)
    {
        std::string out;
        std::size_t pos = 0;
        while (pos < text.size()) {
            const std::size_t open = text.find("${", pos);
            if (open == std::string::npos) {
                out.append(text, pos);
                break;
            }
            out.append(text, pos, open - pos);
            const std::size_t close = text.find('}', open);
            if (close == std::string::npos) {
                problem(pointer, "a ${ is never closed with }");
                return std::nullopt;
            }
            const std::string var = text.substr(open + 2, close - open - 2);
            if (var == "localWorkspaceFolder") {
                out += m_workspace;
            } else if (var == "localWorkspaceFolderBasename") {
                out += fs::path(m_workspace).filename().string();
            } else if (var.starts_with("localEnv:") || var.starts_with("env:")) {
                const std::string rest = var.substr(var.find(':') + 1);
                const std::size_t colon = rest.find(':');
                const std::string name = rest.substr(0, colon);
                auto value = m_env ? m_env(name) : std::nullopt;
                out += value ? *value : (colon == std::string::npos ? std::string() : rest.substr(colon + 1));
            } else {
                problem(pointer, "${" + var + "} is not a variable Berth can fill in here (it knows "
                                 "${localWorkspaceFolder}, ${localWorkspaceFolderBasename} and ${localEnv:NAME})");
                return std::nullopt;
            }
            pos = close + 1;
        }
        return out;
    }

    std::optional<std::string> str(const json& v, const std::string& pointer, bool substituted = true)
    {
        if (!v.is_string()) {
            problem(pointer, "should be a string in \"double quotes\"");
            return std::nullopt;
        }
        return substituted ? substitute(v.get<std::string>(), pointer) : v.get<std::string>();
    }

    const JsoncDocument& m_doc;
    std::string m_file;
    std::string m_workspace;
    const EnvironmentLookup& m_env;
};

/// What one environment is made of while the file is read: the file's settings, then its own over them.
struct Draft
{
    ProfileEnvironment env;
    std::string imagePointer;
    std::map<std::string, std::string> at; ///< a choice's name ("memory", "mounts") -> where it was written
    bool imageWritten = false;             ///< an "image" was there, good or not (its own problem is said)
};

void readImage(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    d.imageWritten = true;
    auto image = r.str(v, pointer, false);
    if (!image) {
        return;
    }
    if (image->find("${") != std::string::npos) {
        r.problem(pointer, "an image is named in full, without variables: every student must get the same one");
        return;
    }
    auto ref = ImageReference::parse(*image);
    if (!ref) {
        r.problem(pointer, ref.error().message);
        return;
    }
    d.env.choices.image = *image;
    d.imagePointer = pointer;
}

void readEnv(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_object()) {
        r.problem(pointer, "should be an object of names and values: { \"NAME\": \"value\" }");
        return;
    }
    for (const auto& [key, value] : v.items()) {
        const std::string p = pointer + pointerStep(key);
        auto text = r.str(value, p);
        if (!text) {
            continue;
        }
        if (key == "JUPYTER_TOKEN" || key == "JUPYTER_TOKEN_FILE" || key == "JUPYTER_PASSWORD") {
            r.problem(p, "a profile cannot set the notebook's token or password: Berth makes a fresh token for "
                         "every environment and signs the window in with it, so no one else's token or an empty one "
                         "ever opens a student's notebook");
            continue;
        }
        auto parsed = parseEnv(key + "=" + *text);
        if (!parsed) {
            r.problem(p, parsed.error().message);
            continue;
        }
        auto& list = d.env.choices.env;
        const std::string prefix = key + "=";
        list.erase(std::remove_if(list.begin(), list.end(), [&](const std::string& e) { return e.starts_with(prefix); }),
                   list.end());
        list.push_back(key + "=" + *text);
        d.at["env"] = p;
    }
}

/// A mount as the spec writes it ("source=A,target=B,type=bind[,readonly]" or an object), as "A:B[:ro]".
void readMounts(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_array()) {
        r.problem(pointer, "should be an array of mounts: [\"source=${localWorkspaceFolder}/data,target=/data,"
                           "type=bind\"]");
        return;
    }
    d.env.choices.mounts.clear();
    d.at["mounts"] = pointer;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string p = pointer + pointerStep(i);
        std::map<std::string, std::string> fields;
        bool readOnly = false;
        if (v[i].is_string()) {
            auto text = r.substitute(v[i].get<std::string>(), p);
            if (!text) {
                continue;
            }
            for (const auto& part : text::split(*text, ',')) {
                const auto eq = part.find('=');
                const std::string k = text::lower(text::trim(part.substr(0, eq)));
                if (eq == std::string::npos && (k == "readonly" || k == "ro")) {
                    readOnly = true;
                } else if (eq != std::string::npos) {
                    fields[k == "src" ? "source" : (k == "dst" || k == "destination") ? "target" : k] =
                        part.substr(eq + 1);
                } else {
                    r.problem(p, inQuotes(part) + " is not KEY=VALUE");
                }
            }
        } else if (v[i].is_object()) {
            for (const auto& [k, value] : v[i].items()) {
                if (k != "source" && k != "target" && k != "type") {
                    r.problem(p + pointerStep(k), "a mount object has source, target and type");
                    continue;
                }
                if (auto text = r.str(value, p + pointerStep(k))) {
                    fields[k] = *text;
                }
            }
        } else {
            r.problem(p, "should be a string (\"source=...,target=...,type=bind\") or an object");
            continue;
        }
        for (const auto& [k, _] : fields) {
            if (k != "source" && k != "target" && k != "type" && k != "readonly") {
                r.problem(p, inQuotes(k) + " is not a mount option Berth models (source, target, type, readonly)");
            }
        }
        if (fields.count("readonly") && fields["readonly"] != "false" && fields["readonly"] != "0") {
            readOnly = true;
        }
        const std::string type = fields.count("type") ? fields["type"] : "bind";
        if (type != "bind") {
            r.problem(p, "Berth mounts host folders (type=bind); a " + type + " mount is not one");
            continue;
        }
        const std::string source = fields["source"];
        const std::string target = fields["target"];
        if (source.empty() || target.empty()) {
            r.problem(p, "a mount needs a source (a folder on your computer) and a target (a path in the container)");
            continue;
        }
        if (source.find(':') != std::string::npos || target.find(':') != std::string::npos) {
            r.problem(p, "a path with ':' in it cannot be mounted by Berth");
            continue;
        }
        if (!target.starts_with("/")) {
            r.problem(p, "the target must be an absolute path in the container, such as /data");
            continue;
        }
        d.env.choices.mounts.push_back(source + ":" + target + (readOnly ? ":ro" : ""));
    }
}

std::optional<std::int64_t> readSize(Reader& r, const json& v, const std::string& pointer, bool specForm)
{
    std::string text;
    if (v.is_number_integer() && v.get<std::int64_t>() > 0) {
        text = std::to_string(v.get<std::int64_t>());
    } else if (v.is_string()) {
        text = v.get<std::string>();
    } else {
        r.problem(pointer, "should be a size such as \"4gb\" or \"512mb\"");
        return std::nullopt;
    }
    if (specForm && !std::regex_match(text, std::regex(R"(^\d+([tgmk]b)?$)"))) {
        r.problem(pointer, inQuotes(text) + " is not a size as devcontainer.json writes them: digits and tb, gb, mb "
                                          "or kb (\"8gb\")");
        return std::nullopt;
    }
    std::string parseable = text;
    if (specForm && parseable.ends_with("b")) {
        parseable.pop_back(); // "8gb": the spec's units are the same powers of 1024 as "8g"
    }
    auto size = parseSize(parseable);
    if (!size) {
        r.problem(pointer, size.error().message);
        return std::nullopt;
    }
    return *size;
}

void readGpuNeed(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (v.is_boolean()) {
        d.env.gpu = v.get<bool>() ? GpuNeed::Required : GpuNeed::None;
    } else if (v.is_string() && v.get<std::string>() == "optional") {
        d.env.gpu = GpuNeed::Optional;
    } else if (v.is_object()) {
        d.env.gpu = GpuNeed::Required;
        r.onlyKeys(v, pointer, {"cores", "memory"});
        if (v.contains("cores")) {
            const json& c = v["cores"];
            if (c.is_number_integer() && c.get<std::int64_t>() >= 1 && c.get<std::int64_t>() <= 1'000'000) {
                d.env.minGpuCores = static_cast<int>(c.get<std::int64_t>());
            } else {
                r.problem(pointer + "/cores", "should be a whole number of GPU cores, 1 or more");
            }
        }
        if (v.contains("memory")) {
            d.env.minGpuMemory = readSize(r, v["memory"], pointer + "/memory", true);
        }
    } else {
        r.problem(pointer, "should be true, false, \"optional\" or { \"cores\": N, \"memory\": \"8gb\" }");
    }
}

void readHostRequirements(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_object()) {
        r.problem(pointer, "should be an object: { \"cpus\": 2, \"memory\": \"8gb\", \"gpu\": \"optional\" }");
        return;
    }
    r.onlyKeys(v, pointer, {"cpus", "memory", "storage", "gpu"});
    if (v.contains("cpus")) {
        const json& c = v["cpus"];
        if (c.is_number_integer() && c.get<std::int64_t>() >= 1 && c.get<std::int64_t>() <= 100000) {
            d.env.minCpus = static_cast<int>(c.get<std::int64_t>());
        } else {
            r.problem(pointer + "/cpus", "should be a whole number of CPUs, 1 or more");
        }
    }
    if (v.contains("memory")) {
        d.env.minMemory = readSize(r, v["memory"], pointer + "/memory", true);
    }
    if (v.contains("storage")) {
        if (readSize(r, v["storage"], pointer + "/storage", true)) {
            r.warn(pointer + "/storage", "Berth does not check free disk space against it; a pull says how much room "
                                         "is left");
        }
    }
    if (v.contains("gpu")) {
        readGpuNeed(r, v["gpu"], pointer + "/gpu", d);
    }
}

void addConsent(Draft& d, HostConsent::Kind kind, const std::string& detail = {})
{
    HostConsent c{kind, detail};
    if (std::find(d.env.consents.begin(), d.env.consents.end(), c) == d.env.consents.end()) {
        d.env.consents.push_back(c);
    }
}

/// runArgs: the docker CLI options Berth models, and those it asks consent for; any other is refused by name.
void readRunArgs(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_array()) {
        r.problem(pointer, "should be an array of strings, one docker run option or value each");
        return;
    }
    std::vector<std::pair<std::string, std::string>> args; // (text, pointer)
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (auto text = r.str(v[i], pointer + pointerStep(i))) {
            args.emplace_back(*text, pointer + pointerStep(i));
        }
    }
    const std::map<std::string, std::string> aliases = {
        {"-m", "--memory"}, {"-e", "--env"}, {"--net", "--network"}};
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& [arg, p] = args[i];
        std::string option = arg;
        std::optional<std::string> value;
        if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
            option = arg.substr(0, eq);
            value = arg.substr(eq + 1);
        }
        if (auto a = aliases.find(option); a != aliases.end()) {
            option = a->second;
        }
        if (option == "--privileged") {
            addConsent(d, HostConsent::Kind::Privileged);
            continue;
        }
        static const std::vector<std::string> kValued = {"--memory",  "--cpus",    "--shm-size", "--gpus",
                                                         "--env",     "--cap-add", "--device",   "--network",
                                                         "--pid",     "--ipc",     "--security-opt"};
        if (std::find(kValued.begin(), kValued.end(), option) == kValued.end()) {
            r.problem(p, inQuotes(arg) + " is not a run option Berth takes. It takes the options memory, cpus, "
                                       "shm-size, gpus and env; and, if you allow them, privileged, cap-add, device, "
                                       "network=host, pid=host, ipc=host and security-opt");
            if (!value && i + 1 < args.size() && !args[i + 1].first.starts_with("-")) {
                ++i; // its value, not another option
            }
            continue;
        }
        if (!value) {
            if (i + 1 >= args.size()) {
                r.problem(p, inQuotes(arg) + " needs a value after it");
                continue;
            }
            value = args[++i].first;
        }
        auto& c = d.env.choices;
        if (option == "--memory") {
            c.memory = *value;
            d.at["memory"] = p;
        } else if (option == "--cpus") {
            c.cpus = *value;
            d.at["cpus"] = p;
        } else if (option == "--shm-size") {
            c.shmSize = *value;
            d.at["shm-size"] = p;
        } else if (option == "--gpus") {
            c.gpus = *value;
            d.at["gpus"] = p;
        } else if (option == "--env") {
            if (value->find('=') == std::string::npos) {
                r.problem(p, "the env option takes NAME=value here (a profile does not pass your own variables on)");
            } else {
                readEnv(r, json{{value->substr(0, value->find('=')), value->substr(value->find('=') + 1)}}, p, d);
            }
        } else if (option == "--cap-add") {
            addConsent(d, HostConsent::Kind::Capability, text::trim(*value));
        } else if (option == "--device") {
            addConsent(d, HostConsent::Kind::Device, value->substr(0, value->find(':')));
        } else if (option == "--security-opt") {
            addConsent(d, HostConsent::Kind::SecurityOption, *value);
        } else if (*value == "host") {
            addConsent(d, option == "--network" ? HostConsent::Kind::HostNetwork
                          : option == "--pid"   ? HostConsent::Kind::HostPid
                                                : HostConsent::Kind::HostIpc);
        } else if (!(option == "--network" && (*value == "bridge" || *value == "default"))) {
            r.problem(p, option + " " + *value + " is not one Berth models (it takes " + option + "=host, if you "
                                                                                                   "allow it)");
        }
    }
}

void readCommand(Reader& r, const json& v, const std::string& key, const std::string& pointer,
                 LifecycleCommand::When when, Draft& d)
{
    auto one = [&](const json& c, const std::string& name, const std::string& p) {
        LifecycleCommand cmd{when, name, {}};
        if (c.is_string()) {
            cmd.argv = {"/bin/sh", "-c", c.get<std::string>()};
        } else if (c.is_array() && !c.empty() && std::all_of(c.begin(), c.end(), [](const json& a) { return a.is_string(); })) {
            for (const auto& a : c) {
                cmd.argv.push_back(a.get<std::string>());
            }
        } else {
            r.problem(p, "should be a command: a string for the shell, or an array of the program and its arguments");
            return;
        }
        d.env.commands.push_back(std::move(cmd));
    };
    if (v.is_object()) {
        for (const auto& [name, c] : v.items()) {
            one(c, key + "." + name, pointer + pointerStep(name)); // the spec runs these in parallel; Berth, in order
        }
    } else {
        one(v, key, pointer);
    }
}

void readCaps(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_object()) {
        r.problem(pointer, "should be an object: { \"memory\": \"4g\", \"cpus\": 2, \"shmSize\": \"1g\" }");
        return;
    }
    r.onlyKeys(v, pointer, kCapKeys);
    auto text = [&](const char* key) -> std::optional<std::string> {
        if (!v.contains(key)) {
            return std::nullopt;
        }
        const json& x = v[key];
        if (x.is_number()) {
            return x.is_number_integer() ? std::to_string(x.get<std::int64_t>()) : json(x).dump();
        }
        return r.str(x, pointer + "/" + key);
    };
    if (auto m = text("memory")) {
        d.env.choices.memory = *m;
        d.at["memory"] = pointer + "/memory";
    }
    if (auto c = text("cpus")) {
        d.env.choices.cpus = *c;
        d.at["cpus"] = pointer + "/cpus";
    }
    if (auto s = text("shmSize")) {
        d.env.choices.shmSize = *s;
        d.at["shm-size"] = pointer + "/shmSize";
    }
    if (auto g = text("gpus")) {
        d.env.choices.gpus = *g;
        d.at["gpus"] = pointer + "/gpus";
    }
}

void readLocked(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (!v.is_array()) {
        r.problem(pointer, "should be an array of the settings students may not change: [\"image\", \"memory\"]");
        return;
    }
    d.env.locked.clear();
    for (std::size_t i = 0; i < v.size(); ++i) {
        auto name = r.str(v[i], pointer + pointerStep(i), false);
        if (!name) {
            continue;
        }
        if (std::find(kLockable.begin(), kLockable.end(), *name) == kLockable.end()) {
            const std::string close = closestName(*name, kLockable);
            r.problem(pointer + pointerStep(i), inQuotes(*name) + " is not a setting that can be locked." +
                                                    (close.empty() ? " These can: " + Reader::join(kLockable)
                                                                   : " Did you mean " + inQuotes(close) + "?"));
            continue;
        }
        d.env.locked.insert(*name);
    }
}

/// The settings customizations.berth and each of its environments share.
void readBerthCommon(Reader& r, const json& v, const std::string& pointer, Draft& d)
{
    if (v.contains("description")) {
        if (auto s = r.str(v["description"], pointer + "/description", false)) {
            d.env.description = *s;
        }
    }
    if (v.contains("image")) {
        readImage(r, v["image"], pointer + "/image", d);
    }
    if (v.contains("gpu")) {
        readGpuNeed(r, v["gpu"], pointer + "/gpu", d);
    }
    if (v.contains("caps")) {
        readCaps(r, v["caps"], pointer + "/caps", d);
    }
    if (v.contains("containerEnv")) {
        readEnv(r, v["containerEnv"], pointer + "/containerEnv", d);
    }
    if (v.contains("mounts")) {
        readMounts(r, v["mounts"], pointer + "/mounts", d);
    }
    if (v.contains("notebookFolder")) {
        if (auto s = r.str(v["notebookFolder"], pointer + "/notebookFolder")) {
            d.env.choices.workspace = *s;
            d.at["workspace"] = pointer + "/notebookFolder";
        }
    }
    if (v.contains("openPage")) {
        if (auto s = r.str(v["openPage"], pointer + "/openPage", false)) {
            if (s->starts_with("/") || s->find("..") != std::string::npos || s->find("://") != std::string::npos) {
                r.problem(pointer + "/openPage", "should be a path inside the notebook folder, such as "
                                                 "\"lessons/01.ipynb\"");
            } else {
                d.env.openPage = *s;
            }
        }
    }
    if (v.contains("locked")) {
        readLocked(r, v["locked"], pointer + "/locked", d);
    }
}

/// One devcontainer.json: its environments, or every problem found in it.
Result<Profile> readFile(const JsoncDocument& doc, const std::string& file, const std::string& workspace,
                         const std::string& defaultId, const EnvironmentLookup& lookup)
{
    Reader r(doc, file, workspace, lookup);
    Profile profile;
    profile.files = {file};
    const json& root = doc.value;
    if (!root.is_object()) {
        return makeError(ErrorKind::BadInput, file + ": a profile is a JSON object: { \"image\": \"...\" }");
    }
    Draft base;
    base.env.file = file;
    base.env.choices.baseDir = fs::path(file).parent_path().string();
    base.env.choices.profile = file;
    std::string name;
    bool buildRefused = false;
    for (const auto& [key, value] : root.items()) {
        const std::string p = pointerStep(key);
        if (auto refused = kRefusedKeys.find(key); refused != kRefusedKeys.end()) {
            buildRefused = buildRefused || key != "initializeCommand";
            r.problem(p, "refused: " + refused->second + "." +
                             (key == "initializeCommand" ? std::string() : std::string(kPinAdvice)));
        } else if (auto editor = kEditorKeys.find(key); editor != kEditorKeys.end()) {
            r.warn(p, "not used: " + editor->second + ".");
        } else if (std::find(kUsedKeys.begin(), kUsedKeys.end(), key) == kUsedKeys.end()) {
            std::vector<std::string> known = kUsedKeys;
            for (const auto& [k, _] : kRefusedKeys) {
                known.push_back(k);
            }
            for (const auto& [k, _] : kEditorKeys) {
                known.push_back(k);
            }
            const std::string close = closestName(key, known);
            r.problem(p, "not a devcontainer.json setting." +
                             (close.empty() ? std::string() : " Did you mean " + inQuotes(close) + "?"));
        }
    }
    if (root.contains("name")) {
        if (auto s = r.str(root["name"], "/name", false)) {
            name = *s;
        }
    }
    if (root.contains("image")) {
        readImage(r, root["image"], "/image", base);
    }
    if (root.contains("containerEnv")) {
        readEnv(r, root["containerEnv"], "/containerEnv", base);
    }
    if (root.contains("mounts")) {
        readMounts(r, root["mounts"], "/mounts", base);
    }
    if (root.contains("hostRequirements")) {
        readHostRequirements(r, root["hostRequirements"], "/hostRequirements", base);
    }
    if (root.contains("runArgs")) {
        readRunArgs(r, root["runArgs"], "/runArgs", base);
    }
    if (root.contains("privileged")) {
        if (!root["privileged"].is_boolean()) {
            r.problem("/privileged", "should be true or false");
        } else if (root["privileged"].get<bool>()) {
            addConsent(base, HostConsent::Kind::Privileged);
        }
    }
    for (const char* key : {"capAdd", "securityOpt"}) {
        if (!root.contains(key)) {
            continue;
        }
        const json& list = root[key];
        if (!list.is_array()) {
            r.problem(pointerStep(key), "should be an array of strings");
            continue;
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (auto s = r.str(list[i], pointerStep(key) + pointerStep(i), false)) {
                addConsent(base, std::string(key) == "capAdd" ? HostConsent::Kind::Capability
                                                              : HostConsent::Kind::SecurityOption,
                           *s);
            }
        }
    }
    if (root.contains("init") && !(root["init"].is_boolean() && root["init"].get<bool>())) {
        r.warn("/init", "Berth always runs an init process in the container (it reaps the kernels' children)");
    }
    const std::pair<const char*, LifecycleCommand::When> lifecycle[] = {
        {"onCreateCommand", LifecycleCommand::When::Create},
        {"updateContentCommand", LifecycleCommand::When::Create},
        {"postCreateCommand", LifecycleCommand::When::Create},
        {"postStartCommand", LifecycleCommand::When::Start}};
    for (const auto& [key, when] : lifecycle) {
        if (root.contains(key)) {
            readCommand(r, root[key], key, pointerStep(key), when, base);
        }
    }

    json berth = json::object();
    if (root.contains("customizations")) {
        const json& c = root["customizations"];
        if (!c.is_object()) {
            r.problem("/customizations", "should be an object of tools' settings: { \"berth\": { ... } }");
        } else if (c.contains("berth")) {
            berth = c["berth"];
            if (!berth.is_object()) {
                r.problem("/customizations/berth", "should be an object");
                berth = json::object();
            }
        }
    }
    const std::string bp = "/customizations/berth";
    r.onlyKeys(berth, bp, kBerthKeys);
    for (const char* key : {"title", "author"}) {
        if (berth.contains(key)) {
            if (auto s = r.str(berth[key], bp + "/" + key, false)) {
                (std::string(key) == "title" ? profile.title : profile.author) = *s;
            }
        }
    }
    readBerthCommon(r, berth, bp, base);

    std::vector<Draft> drafts;
    if (berth.contains("environments")) {
        const json& list = berth["environments"];
        if (!list.is_array() || list.empty()) {
            r.problem(bp + "/environments", "should be an array of environments, each { \"name\": ..., \"image\": ... }");
        } else if (list.size() > kMaxEnvironments) {
            r.problem(bp + "/environments", "more than " + std::to_string(kMaxEnvironments) + " environments");
        } else {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string p = bp + "/environments" + pointerStep(i);
                if (!list[i].is_object()) {
                    r.problem(p, "should be an object: { \"name\": \"cpu\", \"image\": \"...\" }");
                    continue;
                }
                r.onlyKeys(list[i], p, kEnvironmentKeys);
                Draft d = base;
                if (!list[i].contains("name")) {
                    r.problem(p, "an environment needs a \"name\" (what students pick it by)");
                    continue;
                }
                auto id = r.str(list[i]["name"], p + "/name", false);
                if (!id) {
                    continue;
                }
                if (auto ok = checkName(*id); !ok || *id != slug(*id)) {
                    r.problem(p + "/name", inQuotes(*id) + " cannot name an environment: use lower-case letters, "
                                                         "digits, '-', '_' and '.', such as \"tf-cpu\"");
                    continue;
                }
                const bool taken = std::any_of(drafts.begin(), drafts.end(),
                                               [&](const Draft& other) { return other.env.id == *id; });
                if (taken) {
                    r.problem(p + "/name", "another environment is named " + inQuotes(*id) + "; give each its own name");
                    continue;
                }
                d.env.id = *id;
                readBerthCommon(r, list[i], p, d);
                drafts.push_back(std::move(d));
            }
        }
    } else {
        Draft d = base;
        d.env.id = slug(defaultId.empty() ? name : defaultId);
        if (d.env.id.empty()) {
            d.env.id = slug(fs::path(workspace).filename().string());
        }
        if (d.env.id.empty()) {
            d.env.id = "notebook";
        }
        if (d.env.description.empty()) {
            d.env.description = name;
        }
        drafts.push_back(std::move(d));
    }
    if (profile.title.empty()) {
        profile.title = name;
    }
    for (auto& d : drafts) {
        if (d.env.choices.image.empty()) {
            if (d.imageWritten || buildRefused) {
                continue; // what is wrong with it, or the refused build, was said
            }
            r.problem(d.imagePointer.empty() ? "" : d.imagePointer,
                      "no \"image\" for environment " + inQuotes(d.env.id) +
                          ": name the image to run, such as \"jupyter/scipy-notebook:2023-10-20\"");
            continue;
        }
        // Whether the choices make a spec is checked now, on paths and sizes alike, so a profile that validates
        // launches (the host folders are judged again at launch, where they may have changed).
        if (auto spec = buildLaunchSpec(d.env.choices); !spec) {
            auto where = d.at.find(spec.error().field == "mount" ? "mounts" : spec.error().field);
            r.problem(where != d.at.end() ? where->second : d.imagePointer,
                      (drafts.size() > 1 ? "environment " + inQuotes(d.env.id) + ": " : std::string()) +
                          spec.error().message);
            continue;
        }
        d.env.imagePointer = d.imagePointer;
        d.env.warnings = r.warnings;
        profile.environments.push_back(std::move(d.env));
    }
    if (!r.problems.empty()) {
        std::string message;
        for (const auto& p : r.problems) {
            message += (message.empty() ? "" : "\n") + p;
        }
        Error e = makeError(ErrorKind::BadInput, message);
        e.field = "profile";
        return e;
    }
    return profile;
}

Result<std::string> readText(const std::string& path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return makeError(errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                         path + ": cannot be read (" + std::strerror(errno) + ")");
    }
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorKind::BadInput, path + ": not a file");
    }
    const JsoncLimits limits;
    std::string text;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        text.append(buf, static_cast<std::size_t>(n));
        if (text.size() > limits.maxBytes) {
            break; // parseJsonc says how large is too large
        }
    }
    ::close(fd);
    return text;
}

} // namespace

std::string HostConsent::allowName() const
{
    switch (kind) {
    case Kind::Privileged:
        return "privileged";
    case Kind::Capability:
        return "cap-add=" + detail;
    case Kind::Device:
        return "device=" + detail;
    case Kind::HostNetwork:
        return "network=host";
    case Kind::HostPid:
        return "pid=host";
    case Kind::HostIpc:
        return "ipc=host";
    case Kind::SecurityOption:
        return "security-opt=" + detail;
    }
    return {};
}

std::string HostConsent::consequence() const
{
    switch (kind) {
    case Kind::Privileged:
        return "runs privileged: the container gets every device and capability of your computer and can take it "
               "over";
    case Kind::Capability:
        return "adds the Linux capability " + detail + " to the container";
    case Kind::Device:
        return "gives the container your computer's device " + detail;
    case Kind::HostNetwork:
        return "uses your computer's network: the notebook and anything the container opens listens on every "
               "address your computer has, and it can reach services only your computer should";
    case Kind::HostPid:
        return "sees and can signal every process on your computer";
    case Kind::HostIpc:
        return "shares your computer's shared memory with its processes";
    case Kind::SecurityOption:
        return "changes the container's confinement: " + detail;
    }
    return {};
}

const std::vector<std::string>& berthCustomizationKeys()
{
    return kBerthKeys;
}

const std::vector<std::string>& berthEnvironmentKeys()
{
    return kEnvironmentKeys;
}

EnvironmentLookup systemEnvironment()
{
    return [](const std::string& name) -> std::optional<std::string> {
        const char* v = std::getenv(name.c_str());
        return v ? std::optional<std::string>(v) : std::nullopt;
    };
}

Result<Profile> parseProfile(std::string_view text, const std::string& file, const std::string& workspaceFolder,
                             const EnvironmentLookup& env)
{
    auto doc = parseJsonc(text);
    if (!doc) {
        Error e = doc.error();
        e.message = file + ", " + e.message;
        e.field = "profile";
        return e;
    }
    std::string defaultId;
    const fs::path parent = fs::path(file).parent_path();
    if (parent.parent_path().filename() == ".devcontainer") {
        defaultId = parent.filename().string(); // .devcontainer/NAME/devcontainer.json
    }
    return readFile(*doc, file, workspaceFolder, defaultId, env);
}

Result<Profile> loadProfile(const std::string& path, const EnvironmentLookup& env)
{
    std::error_code ec;
    const fs::path given = fs::absolute(path, ec).lexically_normal();
    std::vector<fs::path> files;
    fs::path workspace;
    if (fs::is_directory(given, ec)) {
        const fs::path dir = given.filename() == ".devcontainer" ? given : given / ".devcontainer";
        workspace = dir.parent_path();
        if (fs::is_regular_file(dir / "devcontainer.json", ec)) {
            files.push_back(dir / "devcontainer.json");
        }
        std::vector<fs::path> named;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->is_directory(ec) && fs::is_regular_file(it->path() / "devcontainer.json", ec)) {
                named.push_back(it->path() / "devcontainer.json");
            }
        }
        std::sort(named.begin(), named.end());
        files.insert(files.end(), named.begin(), named.end());
        if (files.empty() && fs::is_regular_file(given / ".devcontainer.json", ec)) {
            files.push_back(given / ".devcontainer.json");
            workspace = given;
        }
        if (files.empty()) {
            return makeError(ErrorKind::NotFound, given.string() + ": no devcontainer.json in it (Berth looks for "
                                                                   ".devcontainer/devcontainer.json and "
                                                                   ".devcontainer/NAME/devcontainer.json)");
        }
        if (files.size() > kMaxProfileFiles) {
            return makeError(ErrorKind::BadInput, given.string() + ": more than " + std::to_string(kMaxProfileFiles) +
                                                      " configurations");
        }
    } else {
        files.push_back(given);
        const fs::path parent = given.parent_path();
        if (parent.filename() == ".devcontainer") {
            workspace = parent.parent_path();
        } else if (parent.parent_path().filename() == ".devcontainer") {
            workspace = parent.parent_path().parent_path();
        } else {
            workspace = parent;
        }
    }

    Profile profile;
    profile.path = given.string();
    std::vector<std::string> problems;
    for (const auto& f : files) {
        auto text = readText(f.string());
        if (!text) {
            problems.push_back(text.error().message);
            continue;
        }
        auto one = parseProfile(*text, f.string(), workspace.string(), env);
        if (!one) {
            problems.push_back(one.error().message);
            continue;
        }
        if (profile.title.empty()) {
            profile.title = one->title;
        }
        if (profile.author.empty()) {
            profile.author = one->author;
        }
        profile.files.push_back(f.string());
        for (auto& e : one->environments) {
            for (const auto& known : profile.environments) {
                if (known.id == e.id) {
                    problems.push_back(f.string() + ": an environment named \"" + e.id + "\" is already in " +
                                       known.file + "; give each its own name");
                }
            }
            profile.environments.push_back(std::move(e));
        }
    }
    if (!problems.empty()) {
        std::string message;
        for (const auto& p : problems) {
            message += (message.empty() ? "" : "\n") + p;
        }
        Error e = makeError(problems.size() == 1 && files.size() == 1 && !fs::exists(files.front(), ec)
                                ? ErrorKind::NotFound
                                : ErrorKind::BadInput,
                            message);
        e.field = "profile";
        return e;
    }
    return profile;
}

Result<const ProfileEnvironment*> chooseEnvironment(const Profile& profile, const std::string& id)
{
    std::string names;
    for (const auto& e : profile.environments) {
        if (e.id == id || (id.empty() && profile.environments.size() == 1)) {
            return &e;
        }
        names += (names.empty() ? "" : ", ") + e.id;
    }
    Error e = makeError(ErrorKind::BadInput,
                        id.empty() ? "This profile has several environments: " + names + ". Choose one."
                                   : "This profile has no environment \"" + id + "\"; it has " + names + ".");
    e.field = "env";
    return e;
}

Result<LaunchChoices> mergeChoices(const ProfileEnvironment& environment, const LaunchChoices& person)
{
    LaunchChoices out = environment.choices;
    auto locked = [&](const std::string& name) -> Result<void> {
        if (environment.locked.count(name)) {
            Error e = makeError(ErrorKind::BadInput, "the profile locks " + name +
                                                         " for this environment: its author chose it for the class");
            e.field = name;
            return e;
        }
        return {};
    };
    const std::pair<const std::string*, std::string*> single[] = {{&person.image, &out.image},
                                                                   {&person.memory, &out.memory},
                                                                   {&person.shmSize, &out.shmSize},
                                                                   {&person.cpus, &out.cpus},
                                                                   {&person.gpus, &out.gpus},
                                                                   {&person.workspace, &out.workspace}};
    const char* names[] = {"image", "memory", "shm-size", "cpus", "gpus", "workspace"};
    for (std::size_t i = 0; i < std::size(single); ++i) {
        if (!single[i].first->empty()) {
            if (auto ok = locked(names[i]); !ok) {
                return ok.error();
            }
            *single[i].second = *single[i].first;
            const std::string& typed = *single[i].first;
            if (std::string(names[i]) == "workspace" && !typed.starts_with("/") && !typed.starts_with("~") &&
                !person.baseDir.empty()) {
                // The person's folder is read from where they are; the profile's own paths stay its folder's.
                out.workspace = person.baseDir + "/" + typed;
            }
        }
    }
    if (person.noWorkspace) {
        if (auto ok = locked("workspace"); !ok) {
            return ok.error();
        }
        out.noWorkspace = true;
    }
    if (!person.mounts.empty()) {
        if (auto ok = locked("mounts"); !ok) {
            return ok.error();
        }
        // The profile's relative paths start at its folder, the person's at theirs: made absolute here.
        for (auto m : person.mounts) {
            if (!m.starts_with("/") && !m.starts_with("~") && !person.baseDir.empty()) {
                m = person.baseDir + "/" + m;
            }
            out.mounts.push_back(m);
        }
    }
    if (!person.env.empty()) {
        if (auto ok = locked("env"); !ok) {
            return ok.error();
        }
        out.env.insert(out.env.end(), person.env.begin(), person.env.end());
    }
    if (!person.name.empty()) {
        out.name = person.name;
    }
    if (out.name.empty()) {
        out.name = environment.id;
    }
    out.port = person.port;
    return out;
}

Result<HostAccess> grantConsents(const ProfileEnvironment& environment, const std::vector<std::string>& allowed)
{
    HostAccess access;
    std::string missing;
    std::vector<std::string> names;
    for (const auto& c : environment.consents) {
        const std::string name = c.allowName();
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            missing += "\n  - " + name + ": it " + c.consequence() + ".";
            names.push_back(name);
            continue;
        }
        switch (c.kind) {
        case HostConsent::Kind::Privileged:
            access.privileged = true;
            break;
        case HostConsent::Kind::Capability:
            access.capAdd.push_back(c.detail);
            break;
        case HostConsent::Kind::Device:
            access.devices.push_back(c.detail);
            break;
        case HostConsent::Kind::HostNetwork:
            access.hostNetwork = true;
            break;
        case HostConsent::Kind::HostPid:
            access.hostPid = true;
            break;
        case HostConsent::Kind::HostIpc:
            access.hostIpc = true;
            break;
        case HostConsent::Kind::SecurityOption:
            access.securityOpt.push_back(c.detail);
            break;
        }
    }
    if (!missing.empty()) {
        Error e = makeError(ErrorKind::BadInput, "Environment \"" + environment.id +
                                                     "\" asks for more of your computer than a notebook needs:" +
                                                     missing);
        e.field = "allow";
        return e.with(RemedyKind::AllowHostAccess, names);
    }
    for (const auto& a : allowed) {
        const bool asked = std::any_of(environment.consents.begin(), environment.consents.end(),
                                       [&](const HostConsent& c) { return c.allowName() == a; });
        if (!asked) {
            Error e = makeError(ErrorKind::BadInput, "\"" + a + "\": environment \"" + environment.id +
                                                         "\" does not ask for it; nothing more is given than asked");
            e.field = "allow";
            return e;
        }
    }
    return access;
}

Result<LaunchSpec> profileLaunchSpec(const ProfileEnvironment& environment, const LaunchChoices& person,
                                     const std::vector<std::string>& allowed)
{
    auto choices = mergeChoices(environment, person);
    if (!choices) {
        return choices.error();
    }
    auto access = grantConsents(environment, allowed);
    if (!access) {
        return access.error();
    }
    auto spec = buildLaunchSpec(*choices);
    if (!spec) {
        return spec.error();
    }
    spec->hostAccess = *access;
    for (const auto& c : environment.commands) {
        if (c.when == LifecycleCommand::When::Start) {
            spec->startCommands.push_back({c.key, c.argv});
        }
    }
    return spec;
}

} // namespace berth::core
