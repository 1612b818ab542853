#include "ui/MainWindow.h"

#include "report/AcknowledgementSlipDocument.h"
#include "session/Preferences.h"
#include "session/Workspace.h"
#include "sync/SyncEngine.h"
#include "ui/CaseDetailView.h"
#include "ui/CaseQueueView.h"
#include "ui/CaseTableModel.h"
#include "ui/DocumentDialog.h"
#include "ui/IntakeDialog.h"
#include "ui/PreferencesDialog.h"
#include "ui/ReportDashboard.h"
#include "ui/SyncStatusIndicator.h"
#include "ui/UiLanguage.h"
#include "workflow/WorkflowNames.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

namespace casedesk {

namespace {
// Coalesces the bursts of casesChanged a sync pull emits into one refresh.
constexpr int refreshDelayMs = 200;
// How long a note such as "saved SH01-…" stays in the status bar.
constexpr int statusMessageMs = 8000;

template<typename Dialog>
Dialog *present(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}
} // namespace

MainWindow::MainWindow(Workspace &workspace, SyncEngine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_queues = CaseQueue::available(workspace.access());

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("queueNavigation"));
    m_navigation->setMinimumWidth(170);
    m_navigation->setMaximumWidth(260);
    m_queueView = new CaseQueueView(workspace, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("caseTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->addTab(m_queueView, QString());
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_navigation);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({190, 1090});
    // A single queue (the counter's branch list) needs no list to choose from.
    m_navigation->setVisible(m_queues.size() > 1);
    // An account without case access (a pure administrator, BRIEF §1) sees why the window is empty.
    m_noCases = new QLabel(this);
    m_noCases->setAlignment(Qt::AlignCenter);
    m_noCases->setWordWrap(true);
    m_central = new QStackedWidget(this);
    m_central->addWidget(splitter);
    m_central->addWidget(m_noCases);
    m_central->setCurrentIndex(m_queues.isEmpty() ? 1 : 0);
    setCentralWidget(m_central);

    m_userLabel = new QLabel(this);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    statusBar()->addWidget(m_userLabel);
    if (engine)
        statusBar()->addPermanentWidget(new SyncStatusIndicator(*engine, this));

    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(refreshDelayMs);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        m_queueView->reload();
        refreshCounts();
    });
    connect(&workspace, &Workspace::casesChanged, this, &MainWindow::scheduleRefresh);
    connect(m_queueView, &CaseQueueView::openCase, this, [this](const QString &id) { openCase(id); });
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_queues.size())
            showQueue(m_queues.at(row));
    });
    connect(m_navigation, &QListWidget::itemActivated, this, [this] {
        m_tabs->setCurrentWidget(m_queueView);
        m_queueView->table()->setFocus();
    });

    buildMenus();
    buildNavigation();
    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const QString &name : {QStringLiteral("newComplaint"), QStringLiteral("find"), QStringLiteral("refresh"),
             QStringLiteral("syncNow")}) {
        if (QAction *a = m_actions.value(name))
            m_toolBar->addAction(a);
    }
    retranslate();
    if (!m_queues.isEmpty())
        showQueue(m_queues.first());
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

void MainWindow::setPreferences(Preferences *preferences)
{
    m_preferences = preferences;
    retranslate();
}

Preferences &MainWindow::preferences()
{
    if (m_preferences)
        return *m_preferences;
    if (!m_ownPreferences)
        m_ownPreferences = std::make_unique<Preferences>();
    return *m_ownPreferences;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return m_actions.value(objectName);
}

void MainWindow::buildMenus()
{
    const auto make = [this](const QString &name, const QKeySequence &keys = {}) {
        auto *a = new QAction(this);
        a->setObjectName(name);
        if (!keys.isEmpty())
            a->setShortcut(keys);
        // Shortcuts work wherever the focus is in this window, also inside a case tab.
        a->setShortcutContext(Qt::WindowShortcut);
        addAction(a);
        m_actions.insert(name, a);
        return a;
    };
    m_caseMenu = menuBar()->addMenu(QString());
    const AccessPolicy access = m_workspace.access();
    // First-responsible principle (BRIEF §1): whoever may register complaints gets intake first.
    if (access.canCreateIn(m_workspace.user().branchId)) {
        QAction *intake = make(QStringLiteral("newComplaint"), QKeySequence::New);
        connect(intake, &QAction::triggered, this, [this] { newComplaint(); });
        m_caseMenu->addAction(intake);
    }
    QAction *find = make(QStringLiteral("find"), QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentWidget(m_queueView);
        m_queueView->focusSearch();
    });
    m_caseMenu->addAction(find);
    QAction *slip = make(QStringLiteral("printSlip"), QKeySequence::Print);
    connect(slip, &QAction::triggered, this, [this] {
        if (auto *detail = qobject_cast<CaseDetailView *>(m_tabs->currentWidget())) {
            detail->printSlip();
        } else if (const QString id = m_queueView->currentCaseId(); !id.isEmpty()) {
            auto found = m_workspace.store().findCase(id);
            if (found && found->has_value())
                showSlip(**found);
        }
    });
    m_caseMenu->addAction(slip);
    QAction *close = make(QStringLiteral("closeTab"), QKeySequence(Qt::CTRL | Qt::Key_W));
    connect(close, &QAction::triggered, this, [this] { closeTab(m_tabs->currentIndex()); });
    m_caseMenu->addAction(close);
    m_caseMenu->addSeparator();
    QAction *signOut = make(QStringLiteral("signOut"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    m_caseMenu->addAction(signOut);
    QAction *quit = make(QStringLiteral("quit"), QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    m_caseMenu->addAction(quit);

    m_viewMenu = menuBar()->addMenu(QString());
    for (int i = 0; i < m_queues.size(); ++i) {
        const CaseQueue::Kind kind = m_queues.at(i);
        // Ctrl+1 … Ctrl+9 jump to the queues in the order of the list on the left.
        QAction *a = make(QStringLiteral("queue:") + CaseQueue::id(kind),
            i < 9 ? QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)) : QKeySequence());
        connect(a, &QAction::triggered, this, [this, kind] {
            showQueue(kind);
            m_queueView->table()->setFocus();
        });
        m_viewMenu->addAction(a);
        m_queueActions.append(a);
    }
    m_viewMenu->addSeparator();
    QAction *refresh = make(QStringLiteral("refresh"), QKeySequence::Refresh);
    connect(refresh, &QAction::triggered, this, [this] {
        m_queueView->reload();
        refreshCounts();
    });
    m_viewMenu->addAction(refresh);

    m_syncMenu = menuBar()->addMenu(QString());
    QAction *sync = make(QStringLiteral("syncNow"), QKeySequence(Qt::Key_F9));
    sync->setEnabled(m_engine != nullptr);
    connect(sync, &QAction::triggered, this, [this] {
        if (m_engine)
            m_engine->syncNow();
    });
    m_syncMenu->addAction(sync);

    if (access.canReadReports()) {
        m_reportsMenu = menuBar()->addMenu(QString());
        QAction *monthly = make(QStringLiteral("monthlyReport"), QKeySequence(Qt::CTRL | Qt::Key_M));
        connect(monthly, &QAction::triggered, this, [this] { openReports(); });
        m_reportsMenu->addAction(monthly);
    }

    m_toolsMenu = menuBar()->addMenu(QString());
    QAction *prefs = make(QStringLiteral("preferences"), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    prefs->setMenuRole(QAction::PreferencesRole);
    connect(prefs, &QAction::triggered, this, [this] { openPreferences(); });
    m_toolsMenu->addAction(prefs);
    m_languageMenu = m_toolsMenu->addMenu(QString());
    m_languageGroup = new QActionGroup(this);
    for (const QString &code : UiLanguage::codes()) {
        // Each language named in itself, so it can be found whatever the current language is.
        QAction *a = make(QStringLiteral("language:") + code);
        a->setText(Preferences::languageName(code));
        a->setCheckable(true);
        a->setChecked(UiLanguage::current() == code);
        m_languageGroup->addAction(a);
        connect(a, &QAction::triggered, this, [this, code] { setLanguage(code); });
        m_languageMenu->addAction(a);
    }

    m_helpMenu = menuBar()->addMenu(QString());
    QAction *about = make(QStringLiteral("about"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About CaseDesk"),
            tr("<b>CaseDesk</b> %1<br>Complaint case management for banks, credit unions and "
               "securities firms.")
                .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    });
    m_helpMenu->addAction(about);
}

void MainWindow::buildNavigation()
{
    m_navigation->clear();
    for (CaseQueue::Kind kind : m_queues) {
        auto *item = new QListWidgetItem(CaseQueue::title(kind), m_navigation);
        item->setData(Qt::UserRole, CaseQueue::id(kind));
        item->setToolTip(CaseQueue::description(kind));
    }
    refreshCounts();
}

void MainWindow::refreshCounts()
{
    const CaseQuery probe = m_queueView->model()->query();
    for (int i = 0; i < m_queues.size() && i < m_navigation->count(); ++i) {
        const CaseQueue::Kind kind = m_queues.at(i);
        QString text = CaseQueue::title(kind);
        if (!CaseQueue::needsRowCheck(kind)) {
            // The same "today" the queue view uses, so the count matches the rows.
            const CaseQuery q = CaseQueue::query(kind, m_workspace.access(), m_workspace.rules(),
                probe.today.isValid() ? probe.today : m_workspace.clock().now().date());
            if (auto count = m_workspace.store().countCases(q); count && count.value() > 0)
                text = tr("%1  (%2)").arg(text).arg(count.value());
        }
        m_navigation->item(i)->setText(text);
    }
}

void MainWindow::scheduleRefresh()
{
    m_refresh->start();
}

void MainWindow::showQueue(CaseQueue::Kind kind)
{
    const int row = int(m_queues.indexOf(kind));
    if (row < 0)
        return;
    if (m_navigation->currentRow() != row) {
        const QSignalBlocker blocker(m_navigation);
        m_navigation->setCurrentRow(row);
    }
    if (m_queueView->queue() != kind || m_queueView->model()->query().today.isNull())
        m_queueView->showQueue(kind);
    m_tabs->setTabText(0, CaseQueue::title(kind));
    m_tabs->setCurrentWidget(m_queueView);
}

CaseDetailView *MainWindow::openCase(const QString &caseId)
{
    for (int i = 1; i < m_tabs->count(); ++i) {
        auto *detail = qobject_cast<CaseDetailView *>(m_tabs->widget(i));
        if (detail && detail->caseId() == caseId) {
            m_tabs->setCurrentIndex(i);
            return detail;
        }
    }
    auto *detail = new CaseDetailView(m_workspace, m_engine, caseId, m_tabs);
    const int index = m_tabs->addTab(detail, detail->isAvailable() ? detail->currentCase().number : tr("Case"));
    connect(detail, &CaseDetailView::titleChanged, this, [this, detail](const QString &title) {
        const int at = m_tabs->indexOf(detail);
        if (at >= 0)
            m_tabs->setTabText(at, title);
    });
    connect(detail, &CaseDetailView::caseSaved, this, &MainWindow::saved);
    m_tabs->setCurrentIndex(index);
    detail->setFocus();
    return detail;
}

ReportDashboard *MainWindow::openReports()
{
    if (!m_workspace.access().canReadReports())
        return nullptr;
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (auto *open = qobject_cast<ReportDashboard *>(m_tabs->widget(i))) {
            m_tabs->setCurrentIndex(i);
            return open;
        }
    }
    auto *dashboard = new ReportDashboard(m_workspace, m_tabs);
    connect(dashboard, &ReportDashboard::openCase, this, [this](const QString &id) { openCase(id); });
    m_tabs->setCurrentIndex(m_tabs->addTab(dashboard, tr("Monthly report")));
    return dashboard;
}

void MainWindow::closeTab(int index)
{
    if (index <= 0 || index >= m_tabs->count())
        return; // the queue stays
    QWidget *w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    w->deleteLater();
}

IntakeDialog *MainWindow::newComplaint()
{
    if (!m_workspace.access().canCreateIn(m_workspace.user().branchId))
        return nullptr;
    if (auto *open = findChild<IntakeDialog *>(); open && open->isVisible()) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new IntakeDialog(m_workspace, this);
    connect(dialog, &IntakeDialog::caseCreated, this, [this](const Case &created) {
        saved(created.id);
        showSlip(created);
    });
    connect(dialog, &IntakeDialog::openCase, this, [this, dialog](const QString &id) {
        // The earlier case of a repeat warning opens beside the form, which stays open and usable.
        auto *earlier = new CaseDetailView(m_workspace, m_engine, id, dialog);
        earlier->setWindowFlag(Qt::Window);
        earlier->setAttribute(Qt::WA_DeleteOnClose);
        earlier->setWindowTitle(earlier->currentCase().number);
        earlier->resize(1100, 700);
        earlier->show();
    });
    return present(dialog);
}

DocumentDialog *MainWindow::showSlip(const Case &created)
{
    const auto branch = m_workspace.store().findBranch(created.branchId);
    AcknowledgementSlipDocument slip(
        created, branch && branch->has_value() ? **branch : Branch(), m_workspace.sharedRules(), UiLanguage::current());
    const auto receiver = m_workspace.store().findUser(created.receivedBy);
    slip.setReceiverName(receiver && receiver->has_value() ? (*receiver)->name : m_workspace.user().name);
    auto *dialog = present(new DocumentDialog(slip.printDocument(m_workspace.clock().now()), this));
    dialog->setPdfFileName(created.number);
    return dialog;
}

PreferencesDialog *MainWindow::openPreferences()
{
    return present(new PreferencesDialog(preferences(), this));
}

void MainWindow::setLanguage(const QString &code)
{
    preferences().setLanguage(code);
    preferences().sync();
    UiLanguage::apply(code);
}

void MainWindow::saved(const QString &caseId)
{
    auto found = m_workspace.store().findCase(caseId);
    if (found && found->has_value())
        statusBar()->showMessage(tr("Saved %1 on this computer.").arg((*found)->number), statusMessageMs);
    // Saved locally already; pushing now only shortens the wait (DESIGN §6: the UI never waits).
    if (m_engine)
        m_engine->syncNow();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Nothing to save: every change was committed locally when it was made.
    event->accept();
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("CaseDesk — %1").arg(m_workspace.user().name));
    m_caseMenu->setTitle(tr("&Case"));
    m_viewMenu->setTitle(tr("&Queues"));
    m_syncMenu->setTitle(tr("&Sync"));
    if (m_reportsMenu)
        m_reportsMenu->setTitle(tr("&Reports"));
    m_toolsMenu->setTitle(tr("&Tools"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Main toolbar"));
    const auto text = [this](const QString &name, const QString &value) {
        if (QAction *a = m_actions.value(name))
            a->setText(value);
    };
    text(QStringLiteral("newComplaint"), tr("&New complaint…"));
    text(QStringLiteral("find"), tr("&Find…"));
    text(QStringLiteral("printSlip"), tr("&Print acknowledgement slip…"));
    text(QStringLiteral("closeTab"), tr("&Close tab"));
    text(QStringLiteral("signOut"), tr("Sign &out"));
    text(QStringLiteral("quit"), tr("&Quit"));
    text(QStringLiteral("refresh"), tr("&Refresh"));
    text(QStringLiteral("syncNow"), tr("Sync &now"));
    text(QStringLiteral("preferences"), tr("&Preferences…"));
    text(QStringLiteral("monthlyReport"), tr("&Monthly report…"));
    for (int i = 1; i < m_tabs->count(); ++i) {
        if (qobject_cast<ReportDashboard *>(m_tabs->widget(i)))
            m_tabs->setTabText(i, tr("Monthly report"));
    }
    text(QStringLiteral("about"), tr("&About CaseDesk"));
    for (int i = 0; i < m_queueActions.size(); ++i)
        m_queueActions.at(i)->setText(CaseQueue::title(m_queues.at(i)));
    for (QAction *a : m_languageGroup->actions())
        a->setChecked(a->objectName() == QStringLiteral("language:") + UiLanguage::current());

    QStringList roles;
    for (Role role : m_workspace.user().roles)
        roles.append(WorkflowNames::role(role));
    const auto branch = m_workspace.store().findBranch(m_workspace.user().branchId);
    m_userLabel->setText(
        tr("%1 · %2 · %3 · device %4")
            .arg(m_workspace.user().name, roles.join(QStringLiteral(", ")),
                branch && branch->has_value() ? (*branch)->name : QString(), m_workspace.deviceCode()));
    m_noCases->setText(tr("This account administers users and branches; it does not see complaint cases."));
    for (int i = 0; i < m_navigation->count() && i < m_queues.size(); ++i)
        m_navigation->item(i)->setToolTip(CaseQueue::description(m_queues.at(i)));
    refreshCounts();
    if (!m_queues.isEmpty())
        m_tabs->setTabText(0, CaseQueue::title(m_queueView->queue()));
}

} // namespace casedesk
