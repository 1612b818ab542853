#pragma once

#include "base/Result.h"
#include "casework/CaseChange.h"
#include "sync/OutboxStore.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace casedesk {

class SyncEngine;
class Workspace;

// Shows its author every change the server refused or merged with a conflict (DESIGN §6): what they
// did, the server's reason, and the fields that clashed (their value beside the server's). Two ways
// out: keep the server's version (the entry is dismissed) or re-apply the change on top of the case
// as it is now (a new op is queued, the refused one dismissed).
class RefusedOpsDialog : public QDialog
{
    Q_OBJECT

public:
    RefusedOpsDialog(Workspace &workspace, SyncEngine *engine, QWidget *parent = nullptr);
    ~RefusedOpsDialog() override;

    int count() const;
    void selectEntry(int row);
    // The selected entry's explanation as plain text, and the last problem the dialog met.
    QString detailsText() const;
    QString errorText() const;

public slots:
    void reload();
    void keepServerVersion();
    void reapplyMine();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showSelected();
    const OutboxEntry *selected() const;
    QString describe(const OutboxEntry &entry) const;
    Result<CaseChange> reapply(const OutboxEntry &entry);
    void resolved();
    void showError(const QString &message);

    Workspace &m_workspace;
    SyncEngine *m_engine;
    QList<OutboxEntry> m_entries;
    QLabel *m_intro = nullptr;
    QTreeWidget *m_list = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_keep = nullptr;
    QPushButton *m_reapply = nullptr;
    QPushButton *m_close = nullptr;
};

} // namespace casedesk
