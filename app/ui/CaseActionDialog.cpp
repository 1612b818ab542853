#include "ui/CaseActionDialog.h"

#include "session/Workspace.h"
#include "ui/CaseLabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk {

QString CaseActionDialog::actionCode(Action action)
{
    switch (action) {
    case Action::Dispatch:
    case Action::Assign:
        return QStringLiteral("assign");
    case Action::Transfer:
        return QStringLiteral("transfer");
    case Action::Extend:
        return QStringLiteral("extend");
    case Action::ExtendStatutory:
        return QStringLiteral("extend_statutory");
    case Action::Escalate:
        return QStringLiteral("escalate");
    case Action::MarkMalicious:
        return QStringLiteral("mark_malicious");
    }
    return {};
}

QString CaseActionDialog::title(Action action)
{
    switch (action) {
    case Action::Dispatch:
        return tr("Dispatch");
    case Action::Assign:
        return tr("Re-assign");
    case Action::Transfer:
        return tr("Transfer to another unit");
    case Action::Extend:
        return tr("Extend the reply time");
    case Action::ExtendStatutory:
        return tr("Extend the statutory limit");
    case Action::Escalate:
        return tr("Escalate");
    case Action::MarkMalicious:
        return tr("Record as malicious");
    }
    return {};
}

CaseActionDialog::CaseActionDialog(
    Workspace &workspace, Action action, const Case &current, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_action(action)
    , m_submit(std::move(submit))
{
    const CaseLabels labels(workspace.rules());
    const TimeLimits &limits = workspace.rules().limits();
    setObjectName(QStringLiteral("actionDialog:") + actionCode(action));
    setWindowTitle(tr("%1 — %2").arg(title(action), current.number));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *explanation = new QLabel(this);
    explanation->setWordWrap(true);

    if (action == Action::Dispatch || action == Action::Assign || action == Action::Transfer) {
        QHash<QString, QString> branchNames;
        if (auto branches = workspace.store().branches()) {
            for (const Branch &b : branches.value())
                branchNames.insert(b.id, b.name);
        }
        m_assignee = new QComboBox(this);
        m_assignee->setObjectName(QStringLiteral("actionAssignee"));
        if (action != Action::Assign)
            m_assignee->addItem(tr("— the unit, nobody in person —"), QString());
        QList<User> handlers;
        if (auto users = workspace.store().users()) {
            for (const User &u : users.value()) {
                // Recusal: the person complained about never handles the case (CBIRC Order 2020 No.3).
                if (u.hasRole(Role::Handler) && !u.disabled && u.name != current.subjectStaff
                    && u.login != current.subjectStaff)
                    handlers.append(u);
            }
        }
        // Handlers of the case's unit first: the usual choice.
        std::stable_sort(handlers.begin(), handlers.end(), [&current](const User &a, const User &b) {
            return a.unit == current.handlingUnit && b.unit != current.handlingUnit;
        });
        for (const User &u : handlers) {
            m_assignee->addItem(
                tr("%1 (%2, %3)").arg(u.name, labels.unit(u.unit), branchNames.value(u.branchId)), u.id);
        }
        m_assignee->setCurrentIndex(qMax(0, m_assignee->findData(current.assigneeId)));
        form->addRow(tr("&Handler"), m_assignee);
        if (action != Action::Assign) {
            m_unit = new QComboBox(this);
            m_unit->setObjectName(QStringLiteral("actionUnit"));
            for (const TaxonomyEntry &unit : workspace.rules().taxonomy().units())
                m_unit->addItem(unit.name.text(labels.language()), unit.code);
            m_unit->setCurrentIndex(qMax(0, m_unit->findData(current.handlingUnit)));
            form->addRow(tr("&Unit"), m_unit);
        }
        m_reasonRequired = action == Action::Transfer;
        if (action == Action::Dispatch)
            explanation->setText(tr("The handler must contact the complainant within %n working day(s) of dispatch.",
                nullptr, limits.contactWorkingDays()));
    } else if (action == Action::Extend) {
        explanation->setText(tr("The reply time becomes %n working day(s) from receipt. It can be extended once; "
                                "the reason is recorded and the complainant must be told.",
            nullptr, limits.extendedResolveWorkingDays()));
    } else if (action == Action::ExtendStatutory) {
        explanation->setText(tr("The statutory limit becomes %n calendar day(s) from receipt. A senior manager "
                                "approves it and the complainant is told.",
            nullptr, limits.statutoryCalendarDays(current.statutoryExtensions + 1)));
        m_approver = new QLineEdit(this);
        m_approver->setObjectName(QStringLiteral("actionApprover"));
        form->addRow(tr("&Approved by *"), m_approver);
    } else if (action == Action::Escalate) {
        m_to = new QComboBox(this);
        m_to->setObjectName(QStringLiteral("actionTo"));
        m_to->addItem(tr("Leadership"), QStringLiteral("leadership"));
        m_to->addItem(tr("The regulator"), QStringLiteral("regulator"));
        form->addRow(tr("Escalate &to"), m_to);
    } else if (action == Action::MarkMalicious) {
        explanation->setText(tr("Record this anonymous complaint as malicious, with the reason."));
    }
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("actionReason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 3 + 14);
    form->addRow(m_reasonRequired ? tr("&Reason *") : tr("&Note"), m_reason);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("actionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(title(action));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("actionOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &CaseActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CaseActionDialog::reject);
    auto *layout = new QVBoxLayout(this);
    if (!explanation->text().isEmpty())
        layout->addWidget(explanation);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

CaseActionDialog::Answer CaseActionDialog::answer() const
{
    Answer a;
    if (m_assignee)
        a.assigneeId = m_assignee->currentData().toString();
    if (m_unit)
        a.unit = m_unit->currentData().toString();
    if (m_approver)
        a.approver = m_approver->text().trimmed();
    if (m_to)
        a.to = m_to->currentData().toString();
    a.reason = m_reason->toPlainText().trimmed();
    return a;
}

QString CaseActionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CaseActionDialog::accept()
{
    const Answer a = answer();
    QString problem;
    if (m_reasonRequired && a.reason.isEmpty())
        problem = tr("Enter the reason.");
    else if (m_approver && a.approver.isEmpty())
        problem = tr("Enter who approved the extension.");
    else if (m_action == Action::Assign && a.assigneeId.isEmpty())
        problem = tr("Choose a handler.");
    if (problem.isEmpty() && m_submit) {
        if (Status status = m_submit(a); !status)
            problem = status.error().message;
    }
    if (!problem.isEmpty()) {
        m_error->setText(problem);
        m_error->show();
        return;
    }
    m_error->hide();
    QDialog::accept();
}

} // namespace casedesk
