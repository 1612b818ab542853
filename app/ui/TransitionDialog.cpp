#include "ui/TransitionDialog.h"

#include "casework/CaseRules.h"
#include "ui/CaseLabels.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace casedesk {

bool TransitionDialog::hasGuard(const Transition &transition, const QString &guard)
{
    if (transition.guards.contains(guard))
        return true;
    for (const TransitionGrant &grant : transition.allow) {
        if (grant.guards.contains(guard))
            return true;
    }
    return false;
}

bool TransitionDialog::needsInput(const Transition &transition, const Case &current)
{
    return hasGuard(transition, QStringLiteral("reason_given"))
        || hasGuard(transition, QStringLiteral("voluntary_answered")) || transition.kind != TransitionKind::Advance
        || (hasGuard(transition, QStringLiteral("cause_set")) && current.cause.isEmpty());
}

TransitionDialog::TransitionDialog(
    const CaseRules &rules, const Transition &transition, const Case &current, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_transition(transition)
    , m_submit(std::move(submit))
{
    const CaseLabels labels(rules);
    setObjectName(QStringLiteral("transitionDialog:") + transition.id);
    setWindowTitle(tr("%1 — %2").arg(transition.label.text(labels.language()), current.number));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *explanation = new QLabel(this);
    explanation->setWordWrap(true);

    if (hasGuard(transition, QStringLiteral("cause_set")) && current.cause.isEmpty()) {
        m_cause = new QComboBox(this);
        m_cause->setObjectName(QStringLiteral("transitionCause"));
        m_cause->addItem(tr("— choose the cause —"), QString());
        for (const AxisNode *node : rules.taxonomy().axisLeaves(QStringLiteral("cause")))
            m_cause->addItem(node->name.text(labels.language()), node->code);
        form->addRow(tr("Cause of the complaint *"), m_cause);
    }
    QString reasonLabel = tr("Reason *");
    if (transition.to == CaseStatus::Resolved) {
        reasonLabel = tr("Reply given to the complainant *");
        explanation->setText(tr("Summarise what the complainant was told. The follow-up visit is due within "
                                "%n working day(s) after this.",
            nullptr, rules.limits().visitWorkingDays()));
    } else if (transition.kind == TransitionKind::Withdrawal) {
        reasonLabel = tr("Why the complainant withdraws *");
        explanation->setText(tr("Ask the complainant whether anyone asked them to withdraw. A withdrawal that was not "
                                "voluntary does not close the case: it is re-opened as a conduct issue."));
    } else if (transition.kind == TransitionKind::Reopen) {
        reasonLabel = tr("Why the case is re-opened *");
        explanation->setText(tr("The case returns to “in progress” with its history intact."));
    }
    if (needsInput(transition, current) && transition.to != CaseStatus::Resolved
        && !hasGuard(transition, QStringLiteral("reason_given")) && transition.kind == TransitionKind::Advance)
        reasonLabel = tr("Note");
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("transitionReason"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4 + 14);
    form->addRow(reasonLabel, m_reason);

    if (transition.kind == TransitionKind::Withdrawal || hasGuard(transition, QStringLiteral("voluntary_answered"))) {
        auto *row = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        m_voluntaryYes = new QRadioButton(tr("&Yes, of their own free will"), row);
        m_voluntaryYes->setObjectName(QStringLiteral("voluntaryYes"));
        m_voluntaryNo = new QRadioButton(tr("&No, they were pressured or offered something"), row);
        m_voluntaryNo->setObjectName(QStringLiteral("voluntaryNo"));
        // No answer is preselected: the question must really be asked.
        auto *group = new QButtonGroup(this);
        group->addButton(m_voluntaryYes);
        group->addButton(m_voluntaryNo);
        rowLayout->addWidget(m_voluntaryYes);
        rowLayout->addWidget(m_voluntaryNo);
        rowLayout->addStretch(1);
        form->addRow(tr("Voluntary? *"), row);
    }
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("transitionError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(transition.label.text(labels.language()));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("transitionOk"));
    connect(buttons, &QDialogButtonBox::accepted, this, &TransitionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TransitionDialog::reject);
    auto *layout = new QVBoxLayout(this);
    if (!explanation->text().isEmpty())
        layout->addWidget(explanation);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

TransitionDialog::Answer TransitionDialog::answer() const
{
    Answer a;
    a.request.to = m_transition.to;
    a.request.reason = m_reason->toPlainText().trimmed();
    if (m_voluntaryYes && (m_voluntaryYes->isChecked() || m_voluntaryNo->isChecked()))
        a.request.voluntary = m_voluntaryYes->isChecked();
    if (m_cause)
        a.cause = m_cause->currentData().toString();
    return a;
}

QString TransitionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void TransitionDialog::accept()
{
    const Answer a = answer();
    QString problem;
    if (m_cause && a.cause.isEmpty())
        problem = tr("Choose the cause of the complaint.");
    else if (a.request.reason.isEmpty() && hasGuard(m_transition, QStringLiteral("reason_given")))
        problem = tr("Enter the reason.");
    else if (m_voluntaryYes && !a.request.voluntary)
        problem = tr("Answer whether the withdrawal is voluntary.");
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
