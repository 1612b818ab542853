#pragma once

#include "domain/Case.h"
#include "ui/CaseActionDialog.h"

#include <QHash>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QTimer;
class QToolButton;
class QTreeWidget;
class QHBoxLayout;

namespace casedesk {

class CaseEditDialog;
class CorrectiveActionDialog;
class RecordDialog;
class SyncEngine;
class TransitionDialog;
class VisitDialog;
class Workspace;

// One case in full (issue 4 §5): every field, the timeline (audit trail, records, what waits to be
// sent), and the work the user's roles allow on it now — the life-cycle steps of workflow.json
// (steps whose checks fail are shown disabled with what is missing), records generated from the
// record schema, the follow-up visit, dispatch and the other case actions, corrective actions, and
// printing the slip or a supervision reply. Every change goes through OfflineCasework.
class CaseDetailView : public QWidget
{
    Q_OBJECT

public:
    // engine may be null (offline-only, tests): "show full number" needs the server.
    CaseDetailView(Workspace &workspace, SyncEngine *engine, const QString &caseId, QWidget *parent = nullptr);

    QString caseId() const { return m_caseId; }
    const Case &currentCase() const { return m_case; }
    bool isAvailable() const { return m_available; }
    // Re-reads the case (the Workspace changed).
    void reload();

    // The button of the step to `to`; null when the user's roles offer no such step here.
    QPushButton *transitionButton(CaseStatus to) const { return m_transitionButtons.value(int(to)); }
    QAction *recordAction(const QString &kind) const { return m_recordActions.value(kind); }
    QAction *caseAction(CaseActionDialog::Action action) const { return m_caseActions.value(int(action)); }
    QAction *editAction() const { return m_editAction; }
    QTreeWidget *timeline() const { return m_timeline; }
    QString noticeText() const;

    // Each opens its dialog (window-modal, deleted on close) and returns it; null when not allowed.
    // A step that needs nothing typed (review, start, archive) is taken at once and returns null.
    QWidget *startTransition(CaseStatus to);
    RecordDialog *openRecord(const QString &kind);
    VisitDialog *openVisit();
    CaseActionDialog *openAction(CaseActionDialog::Action action);
    CaseEditDialog *openEdit();
    CorrectiveActionDialog *openCorrectiveAction(const QString &actionId = {});
    void printSlip();
    void printSupervisionReply();

signals:
    // The user changed the case here (the main window asks the sync engine to push at once).
    void caseSaved(const QString &caseId);
    void titleChanged(const QString &title);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void rebuild();
    void rebuildActions();
    void rebuildDetails();
    void rebuildTimeline();
    void rebuildCorrectiveActions();
    void revealPersonalData();
    // After a successful change: tell the user what the rules said, refresh, announce.
    void done(const QStringList &warnings);
    void showNotice(const QString &text, bool error = false);

    Workspace &m_workspace;
    SyncEngine *m_engine = nullptr;
    QString m_caseId;
    Case m_case;
    bool m_available = false;
    QTimer *m_reloadDelay = nullptr;

    QLabel *m_header = nullptr;
    QLabel *m_notice = nullptr;
    QHBoxLayout *m_transitionRow = nullptr;
    QHBoxLayout *m_actionRow = nullptr;
    QToolButton *m_recordButton = nullptr;
    QToolButton *m_actionButton = nullptr;
    QToolButton *m_printButton = nullptr;
    QPushButton *m_editButton = nullptr;
    QPushButton *m_revealButton = nullptr;
    QPushButton *m_visitButton = nullptr;
    QAction *m_editAction = nullptr;
    QLabel *m_details = nullptr;
    QTreeWidget *m_timeline = nullptr;
    QTreeWidget *m_correctiveActions = nullptr;
    QPushButton *m_newCorrectiveAction = nullptr;
    QLabel *m_timelineTitle = nullptr;
    QLabel *m_correctiveTitle = nullptr;
    QHash<int, QPushButton *> m_transitionButtons;
    QHash<QString, QAction *> m_recordActions;
    QHash<int, QAction *> m_caseActions;
};

} // namespace casedesk
