// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#pragma once

#include "berth/core/engine/EngineClient.h"
#include "berth/core/gpu/Compat.h"
#include "ui/models/RowsModel.h"

#include <map>
#include <memory>
#include <optional>
#include <set>

namespace berth::ui {

/// One tag of an image (an untagged image is one row), with what uses it and whether it runs here.
struct ImageRow
{
    core::ImageSummary image;
    std::string repository;
    std::string tag;
    int usedBy = 0; ///< containers made from it, stopped ones too
    std::optional<core::Verdict> verdict;
};

/// The engine's images, each with its GPU verdict (can it run here, on the GPU, and what to do if not),
/// decided once per image id on a worker.
class ImageModel : public RowsModel<ImageRow>
{
    Q_OBJECT
  public:
    enum Column
    {
        Repository,
        Tag,
        Verdict,
        Size,
        Created,
        UsedBy,
        Digest,
    };
    ImageModel(std::shared_ptr<core::EngineClient> engine, QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
    void refresh();
    /// Decides every verdict again (the driver or the engine's toolkit may have changed), then lists.
    void forgetVerdicts();
    const QString& problem() const { return m_problem; }
    /// While held, verdicts of new images wait (the list itself does not): a window holds them until its first
    /// frame is on screen, which deciding them (a GPU probe, an inspect per image, and the engine's own work for
    /// each) would otherwise compete with for the CPU. Released, the waiting ones are decided.
    void holdVerdicts();
    void releaseVerdicts();

  Q_SIGNALS:
    /// The list is in (verdicts of images not seen before may still be coming).
    void refreshed();
    /// The verdicts of the images listed last are in.
    void verdictsDecided();

  protected:
    std::string key(const ImageRow& r) const override { return r.image.id + "|" + r.repository + ":" + r.tag; }

  private:
    void finishRefresh();
    void decide(std::map<std::string, std::string> unknown);
    std::shared_ptr<core::EngineClient> m_engine;
    QString m_problem;
    bool m_running = false; ///< a list is under way; one more follows it when asked meanwhile
    bool m_again = false;
    std::map<std::string, core::Verdict> m_verdicts; ///< by image id: an id's content never changes
    std::set<std::string> m_deciding;                ///< ids whose verdict a worker is deciding
    bool m_held = false;
    std::map<std::string, std::string> m_waiting; ///< id -> a reference to name it by, while held
};

/// The verdict in a few words for a column: "runs on the GPU", "CPU only", "needs driver 535"...
QString verdictText(const core::Verdict& v);

} // namespace berth::ui
