// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "berth/core/profile/Bundle.h"

#include "base/JsonAccess.h"
#include "berth/core/base/ImageReference.h"
#include "berth/core/engine/EngineClient.h"
#include "berth/core/profile/Jsonc.h"
#include "berth/core/profile/Pinning.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace berth::core {

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr const char* kManifest = "berth-bundle.json";
constexpr const char* kImages = "images.tar";
constexpr const char* kProfileDir = "profile/";
constexpr std::size_t kBlock = 512;
constexpr std::int64_t kMostProfileBytes = 1 << 20;
constexpr std::size_t kMostProfileFiles = 64;

Error ioError(const std::string& what)
{
    return makeError(ErrorKind::Io, what + ": " + std::strerror(errno));
}

Result<void> writeAllAt(int fd, const char* data, std::size_t size, off_t at)
{
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(fd, data + done, size - done, at + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return ioError("Cannot write the bundle");
        }
        done += static_cast<std::size_t>(n);
    }
    return {};
}

/// A ustar header; sizes of 8 GiB and more in base-256, as GNU tar writes and reads them.
std::string tarHeader(const std::string& name, std::uint64_t size)
{
    std::string h(kBlock, '\0');
    std::memcpy(h.data(), name.data(), std::min<std::size_t>(name.size(), 100));
    std::memcpy(h.data() + 100, "0000644", 7);
    std::memcpy(h.data() + 108, "0000000", 7);
    std::memcpy(h.data() + 116, "0000000", 7);
    if (size < 077777777777ULL) {
        std::snprintf(h.data() + 124, 12, "%011llo", static_cast<unsigned long long>(size));
    } else {
        h[124] = static_cast<char>(0x80);
        for (int i = 11; i >= 1; --i) {
            h[static_cast<std::size_t>(124 + i)] = static_cast<char>(size & 0xff);
            size >>= 8;
        }
    }
    std::memcpy(h.data() + 136, "00000000000", 11);
    h[156] = '0';
    std::memcpy(h.data() + 257, "ustar", 6);
    std::memcpy(h.data() + 263, "00", 2);
    std::memset(h.data() + 148, ' ', 8);
    unsigned sum = 0;
    for (const char c : h) {
        sum += static_cast<unsigned char>(c);
    }
    std::snprintf(h.data() + 148, 8, "%06o", sum);
    h[155] = ' ';
    return h;
}

struct TarHeader
{
    std::string name;
    char type = '0';
    std::uint64_t size = 0;
};

/// Reads a header Berth wrote (ustar, short names); anything else is not a bundle.
std::optional<TarHeader> readHeader(const char* h)
{
    if (std::all_of(h, h + kBlock, [](char c) { return c == '\0'; })) {
        return TarHeader{"", 0, 0}; // the end
    }
    if (std::memcmp(h + 257, "ustar", 5) != 0) {
        return std::nullopt;
    }
    unsigned sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i) {
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(h[i]);
    }
    if (std::strtoul(std::string(h + 148, 8).c_str(), nullptr, 8) != sum) {
        return std::nullopt;
    }
    TarHeader out;
    out.name.assign(h, strnlen(h, 100));
    out.type = h[156] ? h[156] : '0';
    if (static_cast<unsigned char>(h[124]) & 0x80) {
        for (int i = 1; i < 12; ++i) {
            if (out.size >> 56) {
                return std::nullopt;
            }
            out.size = (out.size << 8) | static_cast<unsigned char>(h[124 + i]);
        }
    } else {
        const std::string digits(h + 124, strnlen(h + 124, 12));
        if (digits.empty() || digits.find_first_not_of("01234567 ") != std::string::npos) {
            return std::nullopt;
        }
        out.size = std::strtoull(digits.c_str(), nullptr, 8);
    }
    return out;
}

/// Writes a bundle front to back; the images' entry is written as it streams and its size set after.
class TarOut
{
public:
    explicit TarOut(int fd) : m_fd(fd) {}

    Result<void> file(const std::string& name, const std::string& data)
    {
        const std::string h = tarHeader(name, data.size());
        if (auto r = put(h.data(), h.size()); !r) {
            return r;
        }
        if (auto r = put(data.data(), data.size()); !r) {
            return r;
        }
        return pad();
    }
    Result<void> begin(const std::string& name)
    {
        m_open = m_at;
        m_openName = name;
        const std::string h = tarHeader(name, 0);
        return put(h.data(), h.size());
    }
    Result<void> put(const char* data, std::size_t size)
    {
        if (auto r = writeAllAt(m_fd, data, size, m_at); !r) {
            return r;
        }
        m_at += static_cast<off_t>(size);
        return {};
    }
    Result<void> end()
    {
        const auto size = static_cast<std::uint64_t>(m_at - m_open - static_cast<off_t>(kBlock));
        const std::string h = tarHeader(m_openName, size);
        if (auto r = writeAllAt(m_fd, h.data(), h.size(), m_open); !r) {
            return r;
        }
        return pad();
    }
    Result<void> finish()
    {
        const std::string zeros(2 * kBlock, '\0');
        return put(zeros.data(), zeros.size());
    }
    std::int64_t size() const { return m_at; }

private:
    Result<void> pad()
    {
        const std::size_t extra = static_cast<std::size_t>(m_at % static_cast<off_t>(kBlock));
        if (extra == 0) {
            return {};
        }
        const std::string zeros(kBlock - extra, '\0');
        return put(zeros.data(), zeros.size());
    }

    int m_fd;
    off_t m_at = 0;
    off_t m_open = 0;
    std::string m_openName;
};

/// Where a profile's files are relative to: the folder holding .devcontainer/, else the file's folder.
fs::path profileBase(const Profile& profile)
{
    std::error_code ec;
    const fs::path given(profile.path);
    if (fs::is_directory(given, ec)) {
        return given.filename() == ".devcontainer" ? given.parent_path() : given;
    }
    // A file inside .devcontainer/ keeps its place under it, so ${localWorkspaceFolder} means the same there.
    const fs::path parent = given.parent_path();
    if (parent.filename() == ".devcontainer") {
        return parent.parent_path();
    }
    if (parent.parent_path().filename() == ".devcontainer") {
        return parent.parent_path().parent_path();
    }
    return parent;
}

/// A relative path in a bundle: no '..', no absolute part, nothing hidden but .devcontainer.
bool saneRelative(const std::string& rel)
{
    if (rel.empty() || rel.size() > 90 || rel.front() == '/' || rel.find('\\') != std::string::npos) {
        return false;
    }
    std::stringstream parts(rel);
    std::string part;
    while (std::getline(parts, part, '/')) {
        if (part.empty() || part == "." || part == ".." || (part.front() == '.' && part != ".devcontainer" &&
                                                             part != ".devcontainer.json")) {
            return false;
        }
        if (std::any_of(part.begin(), part.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
            return false;
        }
    }
    return true;
}

Result<std::string> readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return ioError("Cannot read " + path);
    }
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

Result<std::string> preadExactly(int fd, std::size_t size, off_t at)
{
    std::string out(size, '\0');
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, out.data() + done, size - done, at + static_cast<off_t>(done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return makeError(ErrorKind::BadInput, "The bundle ends too soon: it is cut short or not a bundle.");
        }
        done += static_cast<std::size_t>(n);
    }
    return out;
}

Error notABundle(const std::string& path, const std::string& why)
{
    return makeError(ErrorKind::BadInput, path + " is not a Berth bundle (" + why + "); make one with Berth's "
                                                 "bundle export.");
}

} // namespace

Result<Bundle> exportBundle(EngineClient& engine, const Profile& profile, const std::string& outPath,
                            const BundleProgressHandler& onProgress, const std::atomic<bool>* cancel)
{
    std::error_code ec;
    if (fs::exists(outPath, ec) || fs::is_symlink(outPath, ec)) {
        return makeError(ErrorKind::Conflict, outPath + " already exists; nothing was replaced.");
    }
    // Each image: the one the profile runs here (its pin checked), by name:tag, with its ID.
    Bundle out;
    std::map<std::string, std::string> pinnedAs; // the profile's image text -> name:tag@ID
    std::int64_t estimate = 0;
    for (const auto& e : profile.environments) {
        if (pinnedAs.count(e.choices.image)) {
            continue;
        }
        auto ref = ImageReference::parse(e.choices.image);
        if (!ref) {
            return ref.error();
        }
        if (ref->tag.empty()) {
            return makeError(ErrorKind::BadInput, "Environment " + e.id + "'s image " + e.choices.image +
                                                      " has no tag: a bundle loads images under their name:tag. "
                                                      "Write it as name:tag@digest.");
        }
        auto run = resolvePinnedImage(engine, e.choices.image);
        if (!run) {
            return run.error();
        }
        auto image = engine.inspectImage(*run);
        if (!image) {
            if (image.error().kind == ErrorKind::NotFound) {
                Error err = makeError(ErrorKind::NotFound, *run + " (environment " + e.id +
                                                               ") is not on the engine: pull it, then export again.");
                return err.with(RemedyKind::PullImage, {*run});
            }
            return image.error();
        }
        const std::string nameTag = ref->name() + ":" + ref->tag;
        pinnedAs[e.choices.image] = nameTag + "@" + image->id;
        if (std::none_of(out.images.begin(), out.images.end(), [&](const BundleImage& b) { return b.reference == nameTag; })) {
            out.images.push_back({nameTag, image->id});
            estimate += image->size;
        }
        if (*run != nameTag) {
            return makeError(ErrorKind::NotFound, "The pinned image of environment " + e.id + " is on the engine "
                                                  "only by its digest, not as " + nameTag + ": tag it so, then "
                                                  "export again.");
        }
    }

    // The profile's files, each with its images pinned by ID (what the import checks).
    const fs::path base = profileBase(profile);
    std::vector<std::pair<std::string, std::string>> files; // relative path, text
    for (const auto& f : profile.files) {
        auto text = readFile(f);
        if (!text) {
            return text.error();
        }
        std::string rel = fs::path(f).lexically_relative(base).generic_string();
        if (!saneRelative(rel)) {
            return makeError(ErrorKind::BadInput, f + " cannot go in a bundle under the name " + rel + ".");
        }
        std::set<std::string> pointers;
        for (const auto& e : profile.environments) {
            if (e.file == f && !e.imagePointer.empty() && pointers.insert(e.imagePointer).second) {
                auto next = replaceString(*text, e.imagePointer, pinnedAs.at(e.choices.image));
                if (!next) {
                    return next.error();
                }
                *text = *next;
            }
        }
        files.emplace_back(rel, *text);
    }
    std::string opens = fs::path(profile.path) == base ? std::string(".")
                                                       : fs::path(profile.path).lexically_relative(base).generic_string();
    json manifest = {{"format", 1}, {"createdBy", std::string("Berth ") + BERTH_VERSION}, {"profile", opens},
                     {"title", profile.title}, {"images", json::array()}};
    for (const auto& i : out.images) {
        manifest["images"].push_back({{"reference", i.reference}, {"id", i.id}});
    }

    const int fd = ::open(outPath.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        return errno == EEXIST ? makeError(ErrorKind::Conflict, outPath + " already exists; nothing was replaced.")
                               : ioError("Cannot write " + outPath);
    }
    TarOut tar(fd);
    auto fail = [&](Error e) -> Result<Bundle> {
        ::close(fd);
        ::unlink(outPath.c_str()); // no half bundle on a USB stick
        return e;
    };
    if (auto r = tar.file(kManifest, manifest.dump(2) + "\n"); !r) {
        return fail(r.error());
    }
    for (const auto& [rel, text] : files) {
        if (auto r = tar.file(kProfileDir + rel, text); !r) {
            return fail(r.error());
        }
    }
    if (auto r = tar.begin(kImages); !r) {
        return fail(r.error());
    }
    std::vector<std::string> refs;
    for (const auto& i : out.images) {
        refs.push_back(i.reference);
    }
    std::int64_t saved = 0;
    std::optional<Error> writeError;
    auto streamed = engine.saveImages(
        refs,
        [&](std::string_view chunk) {
            if (auto r = tar.put(chunk.data(), chunk.size()); !r) {
                writeError = r.error();
                return false;
            }
            saved += static_cast<std::int64_t>(chunk.size());
            if (onProgress) {
                onProgress({BundleProgress::Phase::Saving, saved, std::max(estimate, saved)});
            }
            return true;
        },
        cancel);
    if (writeError) {
        return fail(*writeError);
    }
    if (!streamed) {
        return fail(streamed.error());
    }
    if (auto r = tar.end(); !r) {
        return fail(r.error());
    }
    if (auto r = tar.finish(); !r) {
        return fail(r.error());
    }
    if (::fsync(fd) != 0) {
        return fail(ioError("Cannot write " + outPath));
    }
    ::close(fd);
    out.path = outPath;
    out.bytes = tar.size();
    return out;
}

Result<Bundle> importBundle(EngineClient& engine, const std::string& bundlePath, const std::string& destDir,
                            const BundleProgressHandler& onProgress, const std::atomic<bool>* cancel)
{
    const int fd = ::open(bundlePath.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        return makeError(errno == ENOENT ? ErrorKind::NotFound : ErrorKind::Io,
                         bundlePath + ": cannot be read (" + std::strerror(errno) + ")");
    }
    struct Closer
    {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st{};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        return notABundle(bundlePath, "not a file");
    }
    std::error_code ec;
    if (fs::exists(destDir, ec) || fs::is_symlink(destDir, ec)) {
        return makeError(ErrorKind::Conflict, destDir + " already exists; choose a new folder for the profile.");
    }

    // The entries: the manifest first, the profile's files, then the images.
    std::optional<json> manifest;
    std::vector<std::pair<std::string, std::string>> files;
    off_t imagesAt = -1;
    std::uint64_t imagesSize = 0;
    off_t at = 0;
    for (std::size_t entries = 0;; ++entries) {
        auto block = preadExactly(fd, kBlock, at);
        if (!block) {
            return notABundle(bundlePath, "it ends too soon");
        }
        auto h = readHeader(block->data());
        if (!h) {
            return notABundle(bundlePath, "a damaged or foreign tar header");
        }
        if (h->name.empty()) {
            break;
        }
        if (entries > kMostProfileFiles + 2 || h->type != '0' ||
            h->size > static_cast<std::uint64_t>(st.st_size)) {
            return notABundle(bundlePath, "an entry Berth does not write: " + h->name);
        }
        const off_t data = at + static_cast<off_t>(kBlock);
        if (entries == 0) {
            if (h->name != kManifest || h->size > static_cast<std::uint64_t>(kMostProfileBytes)) {
                return notABundle(bundlePath, "it does not start with berth-bundle.json");
            }
            auto text = preadExactly(fd, h->size, data);
            if (!text) {
                return text.error();
            }
            manifest = jread::parse(*text);
            if (!manifest || !manifest->is_object()) {
                return notABundle(bundlePath, "berth-bundle.json is not JSON");
            }
        } else if (h->name.starts_with(kProfileDir)) {
            const std::string rel = h->name.substr(std::strlen(kProfileDir));
            if (!saneRelative(rel) || h->size > static_cast<std::uint64_t>(kMostProfileBytes) ||
                imagesAt >= 0) {
                return notABundle(bundlePath, "a profile file Berth would not write: " + h->name);
            }
            auto text = preadExactly(fd, h->size, data);
            if (!text) {
                return text.error();
            }
            files.emplace_back(rel, *text);
        } else if (h->name == kImages && imagesAt < 0) {
            imagesAt = data;
            imagesSize = h->size;
        } else {
            return notABundle(bundlePath, "an entry Berth does not write: " + h->name);
        }
        at = data + static_cast<off_t>((h->size + kBlock - 1) / kBlock * kBlock);
    }
    if (!manifest || imagesAt < 0 || files.empty()) {
        return notABundle(bundlePath, "no images or no profile in it");
    }
    if (jread::i64(*manifest, "format") != 1) {
        return makeError(ErrorKind::Unsupported, bundlePath + " was made by a newer Berth (bundle format " +
                                                     std::to_string(jread::i64(*manifest, "format")) +
                                                     "); update Berth to import it.");
    }
    Bundle out;
    const json* images = jread::member(*manifest, "images");
    if (!images || !images->is_array() || images->empty() || images->size() > kMostProfileFiles) {
        return notABundle(bundlePath, "berth-bundle.json lists no images");
    }
    for (const auto& i : *images) {
        BundleImage image{jread::str(i, "reference"), jread::str(i, "id")};
        auto ref = ImageReference::parse(image.reference);
        if (!ref || ref->tag.empty() || !ref->digest.empty() || !ImageReference::isDigest(image.id)) {
            return notABundle(bundlePath, "berth-bundle.json names an image wrongly");
        }
        out.images.push_back(image);
    }
    const std::string opens = jread::str(*manifest, "profile");
    if (opens != "." && !saneRelative(opens)) {
        return notABundle(bundlePath, "berth-bundle.json names its profile wrongly");
    }

    // The profile, written beside its place and read back before the engine is touched: nothing of a profile
    // that does not read is loaded.
    const fs::path dest = fs::absolute(destDir, ec).lexically_normal();
    std::string temp = (dest.parent_path() / (dest.filename().string() + ".berth-import-XXXXXX")).string();
    if (!::mkdtemp(temp.data())) {
        return ioError("Cannot make a folder beside " + dest.string());
    }
    struct TempDir
    {
        std::string path;
        bool keep = false;
        ~TempDir()
        {
            if (!keep) {
                std::error_code e;
                fs::remove_all(path, e);
            }
        }
    } tempDir{temp};
    for (const auto& [rel, text] : files) {
        const fs::path target = fs::path(temp) / rel;
        fs::create_directories(target.parent_path(), ec);
        const int file = ::open(target.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (file < 0) {
            return ioError("Cannot write " + target.string());
        }
        auto written = writeAllAt(file, text.data(), text.size(), 0);
        ::close(file);
        if (!written) {
            return written.error();
        }
    }
    const fs::path profileInTemp = opens == "." ? fs::path(temp) : fs::path(temp) / opens;
    auto profile = loadProfile(profileInTemp.string());
    if (!profile) {
        Error e = profile.error();
        e.message = "The bundle's profile does not read; nothing was loaded.\n" + e.message;
        return e;
    }

    // The images, streamed from the bundle as they are sent.
    std::uint64_t sent = 0;
    const BodySource source = [&](char* buffer, std::size_t max) -> Result<std::size_t> {
        const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(max, imagesSize - sent));
        if (want == 0) {
            return std::size_t(0);
        }
        const ssize_t n = ::pread(fd, buffer, want, imagesAt + static_cast<off_t>(sent));
        if (n <= 0) {
            return makeError(ErrorKind::Io, bundlePath + " could not be read to its end; it may be cut short.");
        }
        sent += static_cast<std::uint64_t>(n);
        return static_cast<std::size_t>(n);
    };
    auto loaded = engine.loadImages(
        source, static_cast<std::int64_t>(imagesSize),
        [&](std::int64_t done, std::int64_t total) {
            if (onProgress) {
                onProgress({BundleProgress::Phase::Loading, done, total});
            }
        },
        cancel);
    if (!loaded) {
        return loaded.error();
    }

    // Every image as the bundle says, by ID (the digest of its configuration, which names its layers' digests).
    std::string wrong;
    for (std::size_t i = 0; i < out.images.size(); ++i) {
        if (onProgress) {
            onProgress({BundleProgress::Phase::Checking, static_cast<std::int64_t>(i),
                        static_cast<std::int64_t>(out.images.size())});
        }
        auto image = engine.inspectImage(out.images[i].reference);
        if (!image) {
            wrong += "\n  - " + out.images[i].reference + ": not on the engine after the load (" +
                     image.error().message + ")";
        } else if (image->id != out.images[i].id) {
            wrong += "\n  - " + out.images[i].reference + ": the bundle says " + out.images[i].id +
                     ", the engine has " + image->id;
        }
    }
    if (!wrong.empty()) {
        return makeError(ErrorKind::Conflict, "The bundle's images are not what it lists; the profile was not "
                                              "written:" + wrong);
    }
    if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) != 0) {
        return ioError("Cannot make " + dest.string());
    }
    tempDir.keep = true;
    out.path = (opens == "." ? dest : dest / opens).string();
    out.bytes = static_cast<std::int64_t>(st.st_size);
    return out;
}

} // namespace berth::core
