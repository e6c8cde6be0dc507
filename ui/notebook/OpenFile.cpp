// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Berth developers
#include "ui/notebook/OpenFile.h"

#include "berth/core/launch/OpenFile.h"
#include "ui/MainWindow.h"
#include "ui/RemedyText.h"
#include "ui/async/Async.h"
#include "ui/environments/EnvironmentsPage.h"
#include "ui/environments/LaunchDialog.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>

namespace berth::ui {

void openNotebookFile(MainWindow* window, std::shared_ptr<core::EngineClient> engine, const QString& file)
{
    const QFileInfo info(file);
    const QString path = info.canonicalFilePath(); // links resolved: the folder as the engine mounted it
    auto tell = [window](const QString& text) {
        auto* box = new QMessageBox(QMessageBox::Warning, MainWindow::tr("Berth"), text, QMessageBox::Ok, window);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    };
    if (path.isEmpty() || !info.isFile()) {
        tell(MainWindow::tr("%1 is not a file Berth can open: it does not exist, or is not a file.").arg(file));
        return;
    }
    if (!engine) {
        return; // the engine-down page says why
    }
    runAsync(
        window, [engine] { return core::listEnvironments(*engine); },
        [window, path, tell](core::Result<std::vector<core::EnvironmentInfo>> envs) {
            if (!envs) {
                tell(errorText(envs.error()));
                return;
            }
            if (auto found = core::environmentForFile(*envs, path.toStdString())) {
                window->openNotebook(QString::fromStdString(found->environment.id),
                                     QString::fromStdString(found->treePath));
                return;
            }
            const QString folder = QFileInfo(path).absolutePath();
            auto* ask = new QMessageBox(
                QMessageBox::Question, MainWindow::tr("Launch an environment?"),
                MainWindow::tr("No environment has %1 as its notebook folder. Launch one with that folder?")
                    .arg(folder),
                QMessageBox::Yes | QMessageBox::No, window);
            ask->setTextFormat(Qt::PlainText);
            ask->setAttribute(Qt::WA_DeleteOnClose);
            ask->setDefaultButton(QMessageBox::Yes);
            QObject::connect(ask, &QMessageBox::finished, window, [window, folder, path](int answer) {
                if (answer != QMessageBox::Yes) {
                    return;
                }
                window->showView(0);
                LaunchDialog* form = window->environmentsPage()->openLaunchForm();
                form->noWorkspace()->setChecked(false);
                form->workspace()->setText(folder);
                // Once it runs, the notebook opens in its tab.
                QObject::connect(form, &LaunchDialog::launchedEnvironment, window, [window, form, path] {
                    const auto& env = form->launched();
                    if (!env) {
                        return;
                    }
                    if (auto found = core::environmentForFile({*env}, path.toStdString())) {
                        window->openNotebook(QString::fromStdString(env->id), QString::fromStdString(found->treePath));
                    }
                });
            });
            ask->open();
        });
}

} // namespace berth::ui
