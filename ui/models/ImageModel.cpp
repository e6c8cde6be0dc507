// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/models/ImageModel.h"

#include "berth/core/base/ImageReference.h"
#include "berth/core/base/Units.h"
#include "berth/core/gpu/EngineGpuSupport.h"
#include "berth/core/gpu/GpuHost.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"

#include <QDateTime>
#include <QTextDocument>

namespace berth::ui {

QString verdictText(const core::Verdict& v)
{
    using K = core::Verdict::Kind;
    using R = core::Verdict::Reason;
    switch (v.kind) {
    case K::RunsOnGpu:
        return ImageModel::tr("runs on the GPU");
    case K::RunsOnCpu:
        return ImageModel::tr("CPU only");
    case K::Unknown:
        return ImageModel::tr("unknown");
    case K::CannotRun:
        break;
    }
    switch (v.reason) {
    case R::DriverTooOld:
        return v.requiredDriver.empty()
                   ? ImageModel::tr("needs a newer driver")
                   : ImageModel::tr("needs driver %1").arg(QString::fromStdString(v.requiredDriver));
    case R::EngineCannotPassGpus:
        return ImageModel::tr("needs the NVIDIA Container Toolkit");
    case R::NoGpu:
        return ImageModel::tr("needs an NVIDIA GPU");
    case R::DriverNotLoaded:
        return ImageModel::tr("the NVIDIA driver is not loaded");
    case R::GpuTooOld:
        return ImageModel::tr("needs a newer GPU");
    case R::InvalidRequirement:
        return ImageModel::tr("refused by the NVIDIA toolkit");
    default:
        return ImageModel::tr("cannot run here");
    }
}

namespace {
struct Listing
{
    core::Result<std::vector<ImageRow>> rows = std::vector<ImageRow>{};
};
} // namespace

ImageModel::ImageModel(std::shared_ptr<core::EngineClient> engine, QObject* parent)
    : RowsModel(
          {tr("Repository"), tr("Tag"), tr("On this machine"), tr("Size"), tr("Created"), tr("Used by"), tr("Digest")},
          parent),
      m_engine(std::move(engine))
{
}

void ImageModel::refresh()
{
    if (!m_engine) {
        return;
    }
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    // First the list (one request for the images, one for what uses them): shown at once, verdicts known so far
    // filled in. Then the verdicts of images not seen before, decided on a worker: an id's content never changes.
    auto engine = m_engine;
    runAsync(
        this,
        [engine]() {
            Listing out;
            auto images = engine->listImages();
            if (!images) {
                out.rows = images.error();
                return out;
            }
            auto containers = engine->listContainers(true);
            std::map<std::string, int> used;
            if (containers) {
                for (const auto& c : *containers) {
                    ++used[c.imageId];
                }
            }
            std::vector<ImageRow> rows;
            for (const auto& i : *images) {
                std::vector<std::string> tags = i.repoTags;
                if (tags.empty()) {
                    tags.push_back("<none>:<none>");
                }
                for (const auto& repoTag : tags) {
                    auto [repository, tag] = core::ImageReference::repositoryAndTag(repoTag);
                    rows.push_back({i, repository, tag, used.count(i.id) ? used[i.id] : 0, std::nullopt});
                }
            }
            out.rows = std::move(rows);
            return out;
        },
        [this](Listing listing) {
            if (!listing.rows) {
                m_problem = errorText(listing.rows.error());
                finishRefresh();
                return;
            }
            m_problem.clear();
            auto rows = std::move(listing.rows.value());
            std::map<std::string, std::string> unknown; // id -> a reference to name it by
            for (auto& r : rows) {
                if (auto it = m_verdicts.find(r.image.id); it != m_verdicts.end()) {
                    r.verdict = it->second;
                } else if (!unknown.count(r.image.id)) {
                    unknown[r.image.id] = r.repository == "<none>" ? r.image.id : r.repository + ":" + r.tag;
                }
            }
            setRows(std::move(rows));
            Q_EMIT refreshed();
            finishRefresh(); // the next list need not wait for the verdicts
            for (auto it = unknown.begin(); it != unknown.end();) {
                it = m_deciding.count(it->first) ? unknown.erase(it) : std::next(it);
            }
            if (unknown.empty()) {
                return;
            }
            if (m_held) {
                m_waiting.merge(unknown);
                return;
            }
            decide(std::move(unknown));
        });
}

void ImageModel::holdVerdicts()
{
    m_held = true;
}

void ImageModel::releaseVerdicts()
{
    if (!m_held) {
        return;
    }
    m_held = false;
    auto waiting = std::exchange(m_waiting, {});
    for (auto it = waiting.begin(); it != waiting.end();) {
        it = m_deciding.count(it->first) ? waiting.erase(it) : std::next(it);
    }
    if (!waiting.empty()) {
        decide(std::move(waiting));
    }
}

void ImageModel::decide(std::map<std::string, std::string> unknown)
{
    for (const auto& [id, _] : unknown) {
        m_deciding.insert(id);
    }
    runAsync(
        this,
        [engine = m_engine, unknown]() {
            std::map<std::string, core::Verdict> verdicts;
            const core::HostGpus host = core::GpuHost::probeEngineHost(*engine);
            const core::EngineGpuSupport support = core::EngineGpuSupport::detect(*engine);
            for (const auto& [id, ref] : unknown) {
                if (auto details = engine->inspectImage(id)) {
                    verdicts.emplace(id, core::Compat::checkImage(*details, ref, host, support));
                }
            }
            return verdicts;
        },
        [this, unknown](std::map<std::string, core::Verdict> verdicts) {
            for (const auto& [id, _] : unknown) {
                m_deciding.erase(id);
            }
            for (auto& [id, v] : verdicts) {
                m_verdicts.insert_or_assign(id, std::move(v));
            }
            for (int r = 0; r < rowCount(); ++r) {
                auto& row = m_rows[static_cast<std::size_t>(r)];
                if (auto it = m_verdicts.find(row.image.id); it != m_verdicts.end() && !row.verdict) {
                    row.verdict = it->second;
                    Q_EMIT dataChanged(index(r, Verdict), index(r, Verdict));
                }
            }
            Q_EMIT verdictsDecided();
        });
}

void ImageModel::forgetVerdicts()
{
    m_verdicts.clear();
    for (auto& row : m_rows) {
        row.verdict.reset();
    }
    refresh();
}

void ImageModel::finishRefresh()
{
    m_running = false;
    if (m_again) {
        m_again = false;
        refresh();
    }
}

QVariant ImageModel::data(const QModelIndex& index, int role) const
{
    const ImageRow* r = row(index.row());
    if (!r) {
        return {};
    }
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Repository:
            return QString::fromStdString(r->repository);
        case Tag:
            return QString::fromStdString(r->tag);
        case Size:
            return QString::fromStdString(core::formatBytes(static_cast<std::uint64_t>(r->image.size)));
        case Created:
            return QDateTime::fromSecsSinceEpoch(r->image.created).toString(QStringLiteral("yyyy-MM-dd hh:mm"));
        case Digest: {
            const auto& d = r->image.repoDigests;
            return d.empty() ? tr("(none: built or loaded here)") : QString::fromStdString(d.front());
        }
        case UsedBy:
            return r->usedBy == 0 ? tr("nothing") : tr("%n container(s)", nullptr, r->usedBy);
        case Verdict:
            return r->verdict ? verdictText(*r->verdict) : tr("checking...");
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Verdict && r->verdict) {
        QString tip = QString::fromStdString(r->verdict->message);
        for (const auto& remedy : r->verdict->remedies) {
            tip += QLatin1Char('\n') + remedyText(remedy);
        }
        // Tool tips guess whether text is markup; an image chooses part of this text (its NVIDIA_REQUIRE_CUDA):
        // always plain, escaped.
        return Qt::convertFromPlainText(tip);
    }
    if (role == Qt::UserRole) {
        return QString::fromStdString(r->image.id);
    }
    return {};
}

} // namespace berth::ui
