#pragma once

#include "domain/Case.h"
#include "ui/CaseQueue.h"

#include <QHash>
#include <QMainWindow>

#include <memory>

class QAction;
class QActionGroup;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QToolBar;

namespace casedesk {

class CaseDetailView;
class CaseQueueView;
class DocumentDialog;
class IntakeDialog;
class Preferences;
class PreferencesDialog;
class ReportDashboard;
class SyncEngine;
class Workspace;

// The client's main window (issue 4 §3–§7): the queues the user's roles allow on the left, the queue
// and the cases opened from it as tabs, menus with keyboard shortcuts (Ctrl+N new complaint, Ctrl+F
// search, F9 sync now, Ctrl+M monthly report, Ctrl+1… queues, Ctrl+W close tab), the language switch, and the sync state in
// the status bar. Everything the user does is saved locally first; the window then asks the sync
// engine, when there is one, to push at once.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // engine may be null (offline-only, tests).
    MainWindow(Workspace &workspace, SyncEngine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Where the language and sync preferences are kept; without one the platform's settings are used.
    void setPreferences(Preferences *preferences);

    CaseQueueView *queueView() const { return m_queueView; }
    QListWidget *navigation() const { return m_navigation; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *action(const QString &objectName) const;
    QList<CaseQueue::Kind> queues() const { return m_queues; }

    void showQueue(CaseQueue::Kind kind);
    // Opens the case in a tab (or brings its tab forward).
    CaseDetailView *openCase(const QString &caseId);
    IntakeDialog *newComplaint();
    PreferencesDialog *openPreferences();
    // The monthly report in a tab (managers, supervisors, auditors: AccessPolicy::canReadReports).
    ReportDashboard *openReports();
    // The slip of a case just registered, ready to print (Enter) or save as PDF.
    DocumentDialog *showSlip(const Case &created);

signals:
    void signOutRequested();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildNavigation();
    void retranslate();
    void refreshCounts();
    void scheduleRefresh();
    void saved(const QString &caseId);
    void closeTab(int index);
    void setLanguage(const QString &code);
    Preferences &preferences();

    Workspace &m_workspace;
    SyncEngine *m_engine = nullptr;
    Preferences *m_preferences = nullptr;
    std::unique_ptr<Preferences> m_ownPreferences;
    QList<CaseQueue::Kind> m_queues;

    QListWidget *m_navigation = nullptr;
    QTabWidget *m_tabs = nullptr;
    CaseQueueView *m_queueView = nullptr;
    QStackedWidget *m_central = nullptr;
    QLabel *m_noCases = nullptr;
    QLabel *m_userLabel = nullptr;
    QTimer *m_refresh = nullptr;
    QToolBar *m_toolBar = nullptr;

    QMenu *m_caseMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_syncMenu = nullptr;
    QMenu *m_reportsMenu = nullptr;
    QMenu *m_toolsMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QHash<QString, QAction *> m_actions;
    QList<QAction *> m_queueActions;
};

} // namespace casedesk
