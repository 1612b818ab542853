#include "ui/CaseDetailView.h"

#include "report/AcknowledgementSlipDocument.h"
#include "report/SupervisionReplyDocument.h"
#include "security/PiiMasker.h"
#include "session/Workspace.h"
#include "sync/SyncEngine.h"
#include "ui/CaseEditDialog.h"
#include "ui/CaseLabels.h"
#include "ui/CaseTimeline.h"
#include "ui/CorrectiveActionDialog.h"
#include "ui/DocumentDialog.h"
#include "ui/RecordDialog.h"
#include "ui/TransitionDialog.h"
#include "ui/UiLanguage.h"
#include "ui/VisitDialog.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace casedesk {

namespace {
const QString noticeStyle = QStringLiteral("QLabel { background: #eef3f8; border: 1px solid #b6c8dc; padding: 6px; }");
const QString errorStyle = QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }");
constexpr int reloadDelayMs = 100;

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

// Shows a dialog the Qt way for a window that must not block (tests drive it, sync keeps running).
template<typename Dialog>
Dialog *present(Dialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    dialog->open();
    return dialog;
}
} // namespace

CaseDetailView::CaseDetailView(Workspace &workspace, SyncEngine *engine, const QString &caseId, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_engine(engine)
    , m_caseId(caseId)
{
    setObjectName(QStringLiteral("caseDetail:") + caseId);
    build();
    reload();
    // A sync pull announces many changes in a row; one re-read after them is enough.
    m_reloadDelay = new QTimer(this);
    m_reloadDelay->setSingleShot(true);
    m_reloadDelay->setInterval(reloadDelayMs);
    connect(m_reloadDelay, &QTimer::timeout, this, &CaseDetailView::reload);
    connect(&workspace, &Workspace::casesChanged, m_reloadDelay, qOverload<>(&QTimer::start));
}

void CaseDetailView::build()
{
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("caseHeader"));
    m_header->setTextFormat(Qt::RichText);
    m_header->setWordWrap(true);
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("caseNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_transitionRow = new QHBoxLayout;
    m_actionRow = new QHBoxLayout;
    m_recordButton = new QToolButton(this);
    m_recordButton->setObjectName(QStringLiteral("addRecordButton"));
    m_recordButton->setPopupMode(QToolButton::InstantPopup);
    m_recordButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_recordButton->setMenu(new QMenu(m_recordButton));
    m_visitButton = new QPushButton(this);
    m_visitButton->setObjectName(QStringLiteral("visitButton"));
    connect(m_visitButton, &QPushButton::clicked, this, [this] { openVisit(); });
    m_actionButton = new QToolButton(this);
    m_actionButton->setObjectName(QStringLiteral("caseActionsButton"));
    m_actionButton->setPopupMode(QToolButton::InstantPopup);
    m_actionButton->setMenu(new QMenu(m_actionButton));
    m_editButton = new QPushButton(this);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_editAction = new QAction(this);
    connect(m_editButton, &QPushButton::clicked, this, [this] { openEdit(); });
    connect(m_editAction, &QAction::triggered, this, [this] { openEdit(); });
    m_printButton = new QToolButton(this);
    m_printButton->setObjectName(QStringLiteral("printButton"));
    m_printButton->setPopupMode(QToolButton::InstantPopup);
    m_printButton->setMenu(new QMenu(m_printButton));
    m_revealButton = new QPushButton(this);
    m_revealButton->setObjectName(QStringLiteral("revealButton"));
    connect(m_revealButton, &QPushButton::clicked, this, &CaseDetailView::revealPersonalData);
    m_actionRow->addWidget(m_visitButton);
    m_actionRow->addWidget(m_recordButton);
    m_actionRow->addWidget(m_actionButton);
    m_actionRow->addWidget(m_editButton);
    m_actionRow->addWidget(m_printButton);
    m_actionRow->addWidget(m_revealButton);
    m_actionRow->addStretch(1);

    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("caseDetails"));
    m_details->setTextFormat(Qt::RichText);
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_details->setTextInteractionFlags(
        Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    m_details->setContentsMargins(6, 6, 6, 6);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_details);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(360);

    m_timelineTitle = new QLabel(this);
    QFont bold = m_timelineTitle->font();
    bold.setBold(true);
    m_timelineTitle->setFont(bold);
    m_timeline = new QTreeWidget(this);
    m_timeline->setObjectName(QStringLiteral("caseTimeline"));
    m_timeline->setColumnCount(3);
    m_timeline->setRootIsDecorated(false);
    m_timeline->setWordWrap(true);
    m_timeline->setUniformRowHeights(false);
    m_timeline->setAlternatingRowColors(true);
    m_timeline->header()->setStretchLastSection(true);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_timeline, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, Qt::UserRole + 1).toString() == QLatin1String("supervision_reply"))
            printSupervisionReply();
    });

    m_correctiveTitle = new QLabel(this);
    m_correctiveTitle->setFont(bold);
    m_correctiveActions = new QTreeWidget(this);
    m_correctiveActions->setObjectName(QStringLiteral("caseCorrectiveActions"));
    m_correctiveActions->setColumnCount(4);
    m_correctiveActions->setRootIsDecorated(false);
    m_correctiveActions->setMaximumHeight(150);
    connect(m_correctiveActions, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem *item) { openCorrectiveAction(item->data(0, Qt::UserRole).toString()); });
    m_newCorrectiveAction = new QPushButton(this);
    m_newCorrectiveAction->setObjectName(QStringLiteral("newCorrectiveAction"));
    connect(m_newCorrectiveAction, &QPushButton::clicked, this, [this] { openCorrectiveAction(); });

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_timelineTitle);
    rightLayout->addWidget(m_timeline, 1);
    auto *correctiveHeader = new QHBoxLayout;
    correctiveHeader->addWidget(m_correctiveTitle);
    correctiveHeader->addStretch(1);
    correctiveHeader->addWidget(m_newCorrectiveAction);
    rightLayout->addLayout(correctiveHeader);
    rightLayout->addWidget(m_correctiveActions);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(scroll);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_notice);
    layout->addLayout(m_transitionRow);
    layout->addLayout(m_actionRow);
    layout->addWidget(splitter, 1);
}

void CaseDetailView::reload()
{
    auto loaded = m_workspace.service().read(m_caseId, m_workspace.access());
    m_available = loaded.ok();
    if (loaded)
        m_case = loaded.value();
    rebuild();
}

void CaseDetailView::rebuild()
{
    const CaseLabels labels(m_workspace.rules());
    if (!m_available) {
        m_header->setText(tr("This case is not available on this computer, or it is outside what you may see."));
        m_details->clear();
        m_timeline->clear();
        rebuildActions();
        emit titleChanged(tr("Case"));
        return;
    }
    const auto branch = m_workspace.store().findBranch(m_case.branchId);
    const Branch b = branch && branch->has_value() ? **branch : Branch();
    const DueState due = m_workspace.rules().deadlines().dueState(m_case, b, m_workspace.clock().now());
    QString dueText;
    if (due.governingDate.isValid()) {
        const QString colour = due.overdue ? QStringLiteral("#b00020")
            : due.dueSoon                  ? QStringLiteral("#8a6d00")
                                           : QStringLiteral("#1f5f3a");
        dueText = QStringLiteral(" &nbsp; <span style='color:%1'>%2</span>")
                      .arg(colour,
                          html(due.overdue
                                  ? tr("Overdue since %1 (%2)")
                                        .arg(labels.date(due.governingDate), CaseLabels::dueKind(due.governingKind))
                                  : tr("Next deadline %1 (%2)")
                                        .arg(labels.date(due.governingDate), CaseLabels::dueKind(due.governingKind))));
    }
    QString priority = html(CaseLabels::priority(m_case.priority));
    if (m_case.priority == Priority::Urgent)
        priority = QStringLiteral("<span style='color:#b00020'>%1</span>").arg(priority);
    m_header->setText(QStringLiteral("<span style='font-size:15pt'><b>%1</b></span> &nbsp; %2 · %3 · %4%5")
                          .arg(html(m_case.number), html(labels.status(m_case.status)), priority,
                              html(labels.category(m_case.category)), dueText));
    emit titleChanged(m_case.number);
    rebuildDetails();
    rebuildTimeline();
    rebuildCorrectiveActions();
    rebuildActions();
    // New buttons take their place at once, not one event-loop turn later.
    if (layout())
        layout()->activate();
}

void CaseDetailView::rebuildDetails()
{
    const CaseLabels labels(m_workspace.rules());
    const Case &c = m_case;
    QHash<QString, QString> users;
    if (auto all = m_workspace.store().users()) {
        for (const User &u : all.value())
            users.insert(u.id, u.name);
    }
    const auto branch = m_workspace.store().findBranch(c.branchId);
    QString out;
    QStringList rows;
    const auto section = [&out, &rows](const QString &title) {
        if (!rows.isEmpty())
            out += QStringLiteral("<table cellspacing='0' cellpadding='3' width='100%'>%1</table>")
                       .arg(rows.join(QString()));
        rows.clear();
        if (!title.isEmpty())
            out += QStringLiteral("<p style='margin-top:10px'><b>%1</b></p>").arg(html(title));
    };
    const auto row = [&rows](const QString &label, const QString &value, bool rich = false) {
        if (value.trimmed().isEmpty())
            return;
        rows.append(QStringLiteral("<tr><td width='150' style='color:#555555'>%1</td><td>%2</td></tr>")
                        .arg(html(label), rich ? value : html(value)));
    };
    const auto flag = [&row](const QString &label, bool on) {
        if (on)
            row(label, CaseLabels::yesNo(true));
    };

    section(tr("Complaint"));
    row(tr("Status"), labels.status(c.status));
    QStringList reasons;
    for (const PriorityReason &reason : c.priorityReasons)
        reasons.append(reason.text.text(labels.language()));
    row(tr("Priority"),
        reasons.isEmpty()
            ? CaseLabels::priority(c.priority)
            : tr("%1, because: %2").arg(CaseLabels::priority(c.priority), reasons.join(QStringLiteral("; "))));
    row(tr("Channel"), labels.channel(c.channel));
    row(tr("Received"), tr("%1 by %2").arg(labels.dateTime(c.receivedAt), users.value(c.receivedBy, c.receivedBy)));
    row(tr("Branch"), branch && branch->has_value() ? (*branch)->name : c.branchId);
    row(labels.intakeField(QStringLiteral("summary")), c.summary);
    row(labels.intakeField(QStringLiteral("demand")), c.demand);
    if (c.amount)
        row(labels.intakeField(QStringLiteral("amount")), c.amount->toString());
    if (!c.repeatOf.isEmpty()) {
        const auto earlier = m_workspace.store().findCase(c.repeatOf);
        row(tr("Repeat of"), earlier && earlier->has_value() ? (*earlier)->number : c.repeatOf);
    }
    flag(labels.intakeField(QStringLiteral("funds_safety")), c.fundsSafety);
    flag(labels.intakeField(QStringLiteral("threatens_escalation")), c.threatensEscalation);
    flag(labels.intakeField(QStringLiteral("legal_dispute")), c.legalDispute);
    flag(tr("Escalated"), c.escalated);
    flag(tr("Conduct issue"), c.conductIssue);
    flag(tr("Recorded as malicious"), c.malicious);
    if (c.groupSize > 0)
        row(labels.intakeField(QStringLiteral("group_size")), QString::number(c.groupSize));
    row(labels.intakeField(QStringLiteral("media_outlet")), c.mediaOutlet);
    row(labels.intakeField(QStringLiteral("forwarding.body")), c.forwarding.body);
    row(labels.intakeField(QStringLiteral("forwarding.reference")), c.forwarding.reference);
    row(labels.intakeField(QStringLiteral("forwarding.due_date")), labels.date(c.forwarding.dueDate));
    row(labels.intakeField(QStringLiteral("recording_reference")), c.recordingReference);

    section(tr("Complainant"));
    if (c.complainant.anonymous) {
        row(tr("Complainant"), tr("Anonymous"));
    } else {
        row(labels.intakeField(QStringLiteral("complainant.name")), c.complainant.name);
        // Lists and this view show personal data masked (DESIGN §7); "Show full number" asks the server.
        const auto masked = [](const QString &value, bool phone) {
            if (value.contains(QLatin1Char('*')))
                return value;
            return phone ? PiiMasker::maskPhone(value) : PiiMasker::maskIdNumber(value);
        };
        row(labels.intakeField(QStringLiteral("complainant.phone")), masked(c.complainant.phone, true));
        row(labels.intakeField(QStringLiteral("complainant.id_number")), masked(c.complainant.idNumber, false));
    }
    row(labels.intakeField(QStringLiteral("complainant.customer_reference")), c.complainant.customerReference);
    for (const Party &party : c.parties)
        row(party.kind == QLatin1String("representative") ? tr("Representative") : tr("Agent"),
            QStringLiteral("%1 %2 %3").arg(party.name, party.relationship, PiiMasker::maskPhone(party.phone)));

    section(tr("Classification"));
    row(tr("Category"), labels.category(c.category));
    row(labels.intakeField(QStringLiteral("business_category")),
        labels.axis(QStringLiteral("business"), c.businessCategory));
    row(labels.intakeField(QStringLiteral("channel_axis")), labels.axis(QStringLiteral("channel"), c.channelAxis));
    row(labels.intakeField(QStringLiteral("cause")), labels.axis(QStringLiteral("cause"), c.cause));
    row(labels.intakeField(QStringLiteral("product")), c.product);
    row(labels.intakeField(QStringLiteral("subject_staff")), c.subjectStaff);

    section(tr("Handling"));
    row(labels.intakeField(QStringLiteral("handling_unit")), labels.unit(c.handlingUnit));
    row(labels.intakeField(QStringLiteral("assignee_id")), users.value(c.assigneeId, c.assigneeId));
    row(tr("Registered"), labels.dateTime(c.registeredAt));
    row(tr("Dispatched"), labels.dateTime(c.dispatchedAt));
    row(tr("First contact"), labels.dateTime(c.firstContactAt));
    row(tr("Resolved"), labels.dateTime(c.resolvedAt));
    row(tr("Visited"), labels.dateTime(c.visitedAt));
    row(tr("Closed"), labels.dateTime(c.closedAt));
    if (c.reopenCount > 0)
        row(tr("Re-opened"), tr("%n time(s)", nullptr, c.reopenCount));
    if (c.resolveExtended)
        row(tr("Reply time extended"), c.extensionReason);
    if (c.statutoryExtensions > 0)
        row(tr("Statutory limit extended"), tr("%n time(s)", nullptr, c.statutoryExtensions));

    section(tr("Deadlines"));
    row(tr("Register by"), labels.date(c.deadlines.registerBy));
    row(tr("First contact by"), labels.date(c.deadlines.contactBy));
    row(tr("Reply by"), labels.date(c.deadlines.resolveBy));
    row(tr("Forwarding body's deadline"), labels.date(c.deadlines.forwarderBy));
    row(tr("Statutory decision by"), labels.date(c.deadlines.statutoryBy));
    row(tr("Follow-up visit by"), labels.date(c.deadlines.visitBy));
    section({});
    m_details->setText(out);
}

void CaseDetailView::rebuildTimeline()
{
    m_timeline->clear();
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    const CaseLabels labels(m_workspace.rules());
    auto entries = CaseTimeline(m_workspace).build(m_case);
    if (!entries) {
        showNotice(entries.error().message, true);
        return;
    }
    QTreeWidgetItem *last = nullptr;
    for (const CaseTimeline::Entry &e : entries.value()) {
        QString title = e.title;
        if (e.source == CaseTimeline::Entry::Source::Pending || e.notYetSent)
            title += QLatin1Char(' ') + tr("(not yet sent)");
        auto *item = new QTreeWidgetItem(m_timeline,
            {labels.dateTime(e.at), e.actor, e.detail.isEmpty() ? title : title + QLatin1Char('\n') + e.detail});
        item->setData(0, Qt::UserRole, e.recordId);
        item->setData(0, Qt::UserRole + 1, e.recordKind);
        item->setToolTip(2, e.detail);
        QFont font = item->font(2);
        if (e.source == CaseTimeline::Entry::Source::Pending || e.notYetSent) {
            font.setItalic(true);
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, QColor(0x55, 0x55, 0x55));
        } else if (e.source == CaseTimeline::Entry::Source::Refused) {
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, QColor(0xb0, 0x00, 0x20));
        }
        item->setFont(2, font);
        last = item;
    }
    if (last)
        m_timeline->scrollToItem(last);
}

void CaseDetailView::rebuildCorrectiveActions()
{
    m_correctiveActions->clear();
    m_correctiveActions->setHeaderLabels({tr("Corrective action"), tr("Owner"), tr("Due"), tr("Status")});
    const CaseLabels labels(m_workspace.rules());
    auto actions = m_workspace.store().correctiveActions({}, m_caseId);
    const bool manage = m_available && m_workspace.access().canManageCorrectiveActions();
    m_newCorrectiveAction->setVisible(manage);
    const bool any = actions && !actions->isEmpty();
    m_correctiveActions->setVisible(any);
    m_correctiveTitle->setVisible(any || manage);
    if (!actions)
        return;
    for (const CorrectiveAction &a : actions.value()) {
        auto *item = new QTreeWidgetItem(m_correctiveActions,
            {a.title, a.owner, labels.date(a.dueOn), CorrectiveActionDialog::statusName(a.status)});
        item->setData(0, Qt::UserRole, a.id);
        item->setToolTip(0, a.description);
    }
}

void CaseDetailView::rebuildActions()
{
    // Rebuilt from scratch: which steps and actions exist depends on the state and the user's roles.
    for (QPushButton *button : std::as_const(m_transitionButtons)) {
        button->hide(); // gone now, deleted once the click that led here has returned
        button->deleteLater();
    }
    m_transitionButtons.clear();
    while (QLayoutItem *item = m_transitionRow->takeAt(0))
        delete item;
    m_recordActions.clear();
    m_caseActions.clear();
    m_recordButton->menu()->clear();
    m_actionButton->menu()->clear();
    m_printButton->menu()->clear();
    const CaseLabels labels(m_workspace.rules());
    const AccessPolicy access = m_workspace.access();
    const User &user = m_workspace.user();
    m_recordButton->setText(tr("Add &record"));
    m_actionButton->setText(tr("Case &actions"));
    m_printButton->setText(tr("&Print"));
    m_editButton->setText(tr("&Edit details…"));
    m_editAction->setText(tr("Edit details…"));
    m_visitButton->setText(tr("Record follow-up &visit…"));
    m_revealButton->setText(tr("Show full &number"));
    m_newCorrectiveAction->setText(tr("&New corrective action…"));
    m_timelineTitle->setText(tr("Timeline"));
    m_correctiveTitle->setText(tr("Corrective actions"));
    if (!m_available) {
        for (QWidget *w : QList<QWidget *> {
                 m_recordButton, m_actionButton, m_printButton, m_editButton, m_revealButton, m_visitButton})
            w->hide();
        return;
    }

    // Life-cycle steps: the ones workflow.json offers from here to one of the user's roles. A step
    // whose checks fail stays visible but disabled, saying what is missing (e.g. the cause).
    const QList<CaseStatus> available = m_workspace.rules().workflow().availableTransitions(m_case, user);
    bool visitStep = false;
    for (const Transition &t : m_workspace.rules().workflow().transitions()) {
        if (!t.from.contains(m_case.status))
            continue;
        bool hasRole = false;
        for (Role role : t.roles())
            hasRole = hasRole || user.hasRole(role);
        if (!hasRole)
            continue;
        if (t.to == CaseStatus::Visited) {
            // The visit step is taken by recording the visit (VisitOutcome decides where it leads).
            visitStep = available.contains(t.to);
            continue;
        }
        auto *button = new QPushButton(t.label.text(labels.language()), this);
        button->show();
        button->setObjectName(QStringLiteral("transition:") + t.id);
        const bool enabled = available.contains(t.to);
        button->setEnabled(enabled);
        if (!enabled) {
            TransitionRequest probe {t.to, QStringLiteral("-"), true};
            auto verdict = m_workspace.rules().workflow().apply(m_case, probe, user, m_workspace.clock().now());
            if (!verdict)
                button->setToolTip(verdict.error().message);
        }
        const CaseStatus to = t.to;
        connect(button, &QPushButton::clicked, this, [this, to] { startTransition(to); });
        m_transitionRow->addWidget(button);
        m_transitionButtons.insert(int(t.to), button);
    }
    m_transitionRow->addStretch(1);
    m_visitButton->setVisible(visitStep && access.canAppend(m_case, QStringLiteral("visit")));

    // Records the user may add, from the record schema (BRIEF §7).
    for (const RecordKind &kind : m_workspace.rules().pack().recordSchema().kinds()) {
        if (kind.code == QLatin1String("visit") || !access.canAppend(m_case, kind.code))
            continue;
        if (kind.code == QLatin1String("supervision_reply") && m_case.channel != Channel::ForwardedRegulator
            && m_case.channel != Channel::ForwardedSuperior)
            continue;
        QAction *action = m_recordButton->menu()->addAction(kind.name.text(labels.language()) + QStringLiteral("…"));
        action->setObjectName(QStringLiteral("record:") + kind.code);
        const QString code = kind.code;
        connect(action, &QAction::triggered, this, [this, code] { openRecord(code); });
        m_recordActions.insert(kind.code, action);
    }
    m_recordButton->setVisible(!m_recordActions.isEmpty());

    // Case actions (CaseService::perform); only open cases take them.
    const auto addAction = [this](CaseActionDialog::Action action) {
        QAction *a = m_actionButton->menu()->addAction(CaseActionDialog::title(action) + QStringLiteral("…"));
        a->setObjectName(QStringLiteral("action:") + CaseActionDialog::actionCode(action));
        connect(a, &QAction::triggered, this, [this, action] { openAction(action); });
        m_caseActions.insert(int(action), a);
    };
    if (isOpen(m_case.status)) {
        const TimeLimits &limits = m_workspace.rules().limits();
        if (access.canPerform(m_case, QStringLiteral("assign")) && m_case.status != CaseStatus::Registered)
            addAction(CaseActionDialog::Action::Assign);
        if (access.canPerform(m_case, QStringLiteral("transfer")))
            addAction(CaseActionDialog::Action::Transfer);
        if (access.canPerform(m_case, QStringLiteral("extend")) && !m_case.resolveExtended
            && limits.maxResolveExtensions() > 0)
            addAction(CaseActionDialog::Action::Extend);
        if (access.canPerform(m_case, QStringLiteral("extend_statutory"))
            && m_case.statutoryExtensions < limits.maxStatutoryExtensions())
            addAction(CaseActionDialog::Action::ExtendStatutory);
        if (access.canPerform(m_case, QStringLiteral("escalate")) && !m_case.escalated)
            addAction(CaseActionDialog::Action::Escalate);
        if (access.canPerform(m_case, QStringLiteral("mark_malicious")) && m_case.complainant.anonymous
            && !m_case.malicious)
            addAction(CaseActionDialog::Action::MarkMalicious);
    }
    m_actionButton->setVisible(!m_caseActions.isEmpty());

    bool editable = false;
    for (const QString &field : {QStringLiteral("summary"), QStringLiteral("category"), QStringLiteral("cause")})
        editable = editable || access.canEdit(m_case, field);
    m_editButton->setVisible(editable);
    m_editAction->setEnabled(editable);

    QAction *slip = m_printButton->menu()->addAction(tr("Acknowledgement slip…"));
    slip->setObjectName(QStringLiteral("print:slip"));
    connect(slip, &QAction::triggered, this, &CaseDetailView::printSlip);
    if (auto replies = m_workspace.store().records(m_caseId, QStringLiteral("supervision_reply"));
        replies && !replies->isEmpty()) {
        QAction *print = m_printButton->menu()->addAction(
            labels.recordKind(QStringLiteral("supervision_reply")) + QStringLiteral("…"));
        print->setObjectName(QStringLiteral("print:supervision_reply"));
        connect(print, &QAction::triggered, this, &CaseDetailView::printSupervisionReply);
    }
    m_printButton->show();
    m_revealButton->setVisible(m_engine && access.canRevealPersonalData(m_case) && !m_case.complainant.anonymous);
}

QWidget *CaseDetailView::startTransition(CaseStatus to)
{
    if (!m_available)
        return nullptr;
    const Transition *t = m_workspace.rules().workflow().find(m_case.status, to);
    if (!t)
        return nullptr;
    if (to == CaseStatus::Dispatched)
        return openAction(CaseActionDialog::Action::Dispatch);
    const QString id = m_caseId;
    const qint64 revision = m_case.revision;
    const auto submit = [this, id, revision](const TransitionDialog::Answer &answer) -> Status {
        const AccessPolicy access = m_workspace.access();
        if (!answer.cause.isEmpty()) {
            auto updated
                = m_workspace.casework().updateCase(id, {{QStringLiteral("cause"), answer.cause}}, revision, access);
            if (!updated)
                return updated.error();
        }
        auto moved = m_workspace.casework().transition(id, answer.request, revision, access);
        if (!moved)
            return moved.error();
        done(moved->warnings);
        return {};
    };
    if (!TransitionDialog::needsInput(*t, m_case)) {
        TransitionDialog::Answer answer;
        answer.request.to = to;
        if (Status status = submit(answer); !status)
            showNotice(status.error().message, true);
        return nullptr;
    }
    return present(new TransitionDialog(m_workspace.rules(), *t, m_case, submit, this));
}

RecordDialog *CaseDetailView::openRecord(const QString &kind)
{
    const RecordKind *k = m_workspace.rules().pack().recordSchema().kind(kind);
    if (!m_available || !k || !m_workspace.access().canAppend(m_case, kind))
        return nullptr;
    const QString id = m_caseId;
    auto *dialog = new RecordDialog(
        m_workspace.rules(), *k, m_workspace.clock().now(),
        [this, id, kind](const QJsonObject &data) -> Status {
            auto added = m_workspace.casework().appendRecord(id, kind, data, m_workspace.access());
            if (!added)
                return added.error();
            done(added->warnings);
            return {};
        },
        this);
    dialog->setWindowTitle(tr("%1 — %2").arg(dialog->windowTitle(), m_case.number));
    const User &user = m_workspace.user();
    if (kind == QLatin1String("supervision_reply")) {
        dialog->setValue(QStringLiteral("handler_name"), user.name);
        dialog->setValue(QStringLiteral("handler_phone"), user.phone);
        const auto branch = m_workspace.store().findBranch(m_case.branchId);
        if (branch && branch->has_value()) {
            const int days = m_workspace.rules().deadlines().calendar().workingDaysBetween(
                m_workspace.rules().deadlines().effectiveReceiptDate(m_case.receivedAt, **branch),
                m_workspace.rules().deadlines().localDate(m_workspace.clock().now(), **branch));
            dialog->setValue(QStringLiteral("handling_time"), tr("%n working day(s)", nullptr, days));
        }
    }
    if (kind == QLatin1String("investigation") && !m_case.cause.isEmpty())
        dialog->setValue(QStringLiteral("cause"), m_case.cause);
    if (kind == QLatin1String("investigation") && m_case.cause.isEmpty()) {
        if (const Category *category = m_workspace.rules().taxonomy().category(m_case.category))
            dialog->setValue(QStringLiteral("cause"), category->defaultCause);
    }
    return present(dialog);
}

VisitDialog *CaseDetailView::openVisit()
{
    if (!m_available || !m_workspace.access().canAppend(m_case, QStringLiteral("visit"))
        || m_case.status != CaseStatus::Resolved)
        return nullptr;
    int unreached = 0;
    if (auto visits = m_workspace.store().records(m_caseId, QStringLiteral("visit"))) {
        // As CaseService counts them: unreached attempts since the case was (last) resolved.
        for (const CaseRecord &visit : visits.value()) {
            if (visit.createdAt >= m_case.resolvedAt && !visit.data.value(QStringLiteral("reached")).toBool())
                ++unreached;
        }
    }
    const QString id = m_caseId;
    return present(new VisitDialog(
        m_workspace.rules(), m_case, unreached, m_workspace.user().name, m_workspace.clock().now(),
        [this, id](const QJsonObject &visit) -> Status {
            auto added = m_workspace.casework().appendRecord(id, QStringLiteral("visit"), visit, m_workspace.access());
            if (!added)
                return added.error();
            done(added->warnings);
            return {};
        },
        this));
}

CaseActionDialog *CaseDetailView::openAction(CaseActionDialog::Action action)
{
    if (!m_available)
        return nullptr;
    const QString id = m_caseId;
    const Case before = m_case;
    const auto submit = [this, id, action, before](const CaseActionDialog::Answer &a) -> Status {
        const AccessPolicy access = m_workspace.access();
        OfflineCasework &work = m_workspace.casework();
        QStringList warnings;
        if (action == CaseActionDialog::Action::Dispatch) {
            // Dispatch (派单): point the case at its handler or unit, then move it on (BRIEF §6).
            if (!a.assigneeId.isEmpty() && (a.assigneeId != before.assigneeId || a.unit != before.handlingUnit)) {
                QJsonObject params {{QStringLiteral("assignee_id"), a.assigneeId}};
                if (a.unit != before.handlingUnit)
                    params.insert(QStringLiteral("handling_unit"), a.unit);
                if (!a.reason.isEmpty())
                    params.insert(QStringLiteral("reason"), a.reason);
                auto assigned = work.perform(id, QStringLiteral("assign"), params, access);
                if (!assigned)
                    return assigned.error();
            } else if (a.unit != before.handlingUnit) {
                auto moved = work.perform(id, QStringLiteral("transfer"),
                    {{QStringLiteral("handling_unit"), a.unit},
                        {QStringLiteral("reason"), a.reason.isEmpty() ? tr("Dispatched") : a.reason}},
                    access);
                if (!moved)
                    return moved.error();
            }
            auto dispatched = work.transition(id, {CaseStatus::Dispatched, a.reason, {}}, before.revision, access);
            if (!dispatched)
                return dispatched.error();
            warnings = dispatched->warnings;
        } else {
            QJsonObject params;
            if (!a.reason.isEmpty())
                params.insert(QStringLiteral("reason"), a.reason);
            if (action == CaseActionDialog::Action::Assign
                || (action == CaseActionDialog::Action::Transfer && !a.assigneeId.isEmpty()))
                params.insert(QStringLiteral("assignee_id"), a.assigneeId);
            if (action == CaseActionDialog::Action::Transfer)
                params.insert(QStringLiteral("handling_unit"), a.unit);
            if (action == CaseActionDialog::Action::ExtendStatutory)
                params.insert(QStringLiteral("approver"), a.approver);
            if (action == CaseActionDialog::Action::Escalate)
                params.insert(QStringLiteral("to"), a.to);
            auto performed = work.perform(id, CaseActionDialog::actionCode(action), params, access);
            if (!performed)
                return performed.error();
            warnings = performed->warnings;
        }
        done(warnings);
        return {};
    };
    return present(new CaseActionDialog(m_workspace, action, m_case, submit, this));
}

CaseEditDialog *CaseDetailView::openEdit()
{
    if (!m_available)
        return nullptr;
    const QString id = m_caseId;
    const qint64 revision = m_case.revision;
    return present(new CaseEditDialog(
        m_workspace.rules(), m_case, m_workspace.access(),
        [this, id, revision](const QJsonObject &fields) -> Status {
            auto updated = m_workspace.casework().updateCase(id, fields, revision, m_workspace.access());
            if (!updated)
                return updated.error();
            done(updated->warnings);
            return {};
        },
        this));
}

CorrectiveActionDialog *CaseDetailView::openCorrectiveAction(const QString &actionId)
{
    if (!m_available || !m_workspace.access().canManageCorrectiveActions())
        return nullptr;
    CorrectiveAction existing;
    if (!actionId.isEmpty()) {
        auto found = m_workspace.store().findCorrectiveAction(actionId);
        if (found && found->has_value())
            existing = **found;
    }
    const QString caseId = m_caseId;
    const QString id = existing.id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : existing.id;
    const auto branch = m_workspace.store().findBranch(m_case.branchId);
    const QDate today = branch && branch->has_value()
        ? m_workspace.rules().deadlines().localDate(m_workspace.clock().now(), **branch)
        : m_workspace.clock().now().date();
    return present(new CorrectiveActionDialog(
        existing, today,
        [this, caseId, id](const QJsonObject &fields) -> Status {
            // Offline first like every change (DESIGN §6): saved here and queued for the server in one step.
            QJsonObject input = fields;
            input.insert(QStringLiteral("case_id"), caseId);
            auto saved = m_workspace.casework().saveCorrectiveAction(id, input, m_workspace.access());
            if (!saved)
                return saved.error();
            done({});
            return {};
        },
        this));
}

void CaseDetailView::printSlip()
{
    if (!m_available)
        return;
    const auto branch = m_workspace.store().findBranch(m_case.branchId);
    const auto receiver = m_workspace.store().findUser(m_case.receivedBy);
    AcknowledgementSlipDocument slip(
        m_case, branch && branch->has_value() ? **branch : Branch(), m_workspace.sharedRules(), UiLanguage::current());
    if (receiver && receiver->has_value())
        slip.setReceiverName((*receiver)->name);
    auto *dialog = present(new DocumentDialog(slip.printDocument(m_workspace.clock().now()), this));
    dialog->setPdfFileName(m_case.number);
}

void CaseDetailView::printSupervisionReply()
{
    if (!m_available)
        return;
    auto records = m_workspace.store().records(m_caseId);
    const auto branch = m_workspace.store().findBranch(m_case.branchId);
    if (!records)
        return;
    const SupervisionReplyDocument reply(m_case, records.value(), branch && branch->has_value() ? **branch : Branch(),
        m_workspace.sharedRules(), UiLanguage::current());
    auto document = reply.printDocument(m_workspace.clock().now());
    if (!document) {
        showNotice(document.error().message, true);
        return;
    }
    auto *dialog = present(new DocumentDialog(std::move(document).value(), this));
    dialog->setPdfFileName(m_case.number + QStringLiteral("-supervision-reply"));
}

void CaseDetailView::revealPersonalData()
{
    if (!m_engine)
        return;
    QPointer<CaseDetailView> self(this);
    m_revealButton->setEnabled(false);
    // Online only: the server keeps the clear text and audits the view (DESIGN §7).
    m_engine->revealPersonalData(m_caseId, [self](QJsonObject json, QString error) {
        if (!self)
            return;
        self->m_revealButton->setEnabled(true);
        if (!error.isEmpty()) {
            self->showNotice(tr("The full number needs the server: %1").arg(error), true);
            return;
        }
        const QJsonObject complainant = json.value(QStringLiteral("complainant")).toObject();
        QMessageBox box(QMessageBox::Information, tr("Complainant — %1").arg(self->m_case.number),
            tr("Name: %1\nPhone: %2\nID number: %3\n\nThis view was recorded in the audit trail.")
                .arg(complainant.value(QStringLiteral("name")).toString(),
                    complainant.value(QStringLiteral("phone")).toString(),
                    complainant.value(QStringLiteral("id_number")).toString()),
            QMessageBox::Close, self);
        box.exec();
    });
}

void CaseDetailView::done(const QStringList &warnings)
{
    // The other windows follow through the signal; this view shows the result at once.
    emit m_workspace.casesChanged();
    m_reloadDelay->stop();
    reload();
    if (!warnings.isEmpty())
        showNotice(warnings.join(QLatin1Char('\n')));
    else
        m_notice->hide();
    emit caseSaved(m_caseId);
}

void CaseDetailView::showNotice(const QString &text, bool error)
{
    m_notice->setStyleSheet(error ? errorStyle : noticeStyle);
    m_notice->setText(text);
    m_notice->show();
}

QString CaseDetailView::noticeText() const
{
    return m_notice->isHidden() ? QString() : m_notice->text();
}

void CaseDetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

} // namespace casedesk
