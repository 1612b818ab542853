#include "ui/VisitDialog.h"

#include "casework/CaseRules.h"
#include "casework/VisitOutcome.h"
#include "ui/CaseLabels.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace casedesk {

namespace {
QWidget *radioRow(QWidget *parent, QButtonGroup *group, const QStringList &codes, const QString &namePrefix)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const QString &code : codes) {
        auto *button = new QRadioButton(CaseLabels::recordValue(code), row);
        button->setObjectName(namePrefix + code);
        button->setProperty("code", code);
        group->addButton(button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

QStringList fieldValues(const CaseRules &rules, const QString &field, const QStringList &fallback)
{
    const RecordKind *kind = rules.pack().recordSchema().kind(QStringLiteral("visit"));
    const RecordField *f = kind ? kind->field(field) : nullptr;
    return f && !f->values.isEmpty() ? f->values : fallback;
}
} // namespace

VisitDialog::VisitDialog(const CaseRules &rules, const Case &current, int earlierUnreached, const QString &visitor,
    const QDateTime &now, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_rules(rules)
    , m_earlierUnreached(earlierUnreached)
    , m_submit(std::move(submit))
{
    setObjectName(QStringLiteral("visitDialog"));
    setWindowTitle(tr("Follow-up visit — %1").arg(current.number));
    const CaseLabels labels(rules);
    const int attempts = rules.limits().visitAttempts();
    auto *intro = new QLabel(tr("Attempt %1 of %2. Case resolved %3; the visit is due by %4.")
                                 .arg(earlierUnreached + 1)
                                 .arg(attempts)
                                 .arg(labels.dateTime(current.resolvedAt), labels.date(current.deadlines.visitBy)),
        this);
    intro->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_method = new QComboBox(this);
    m_method->setObjectName(QStringLiteral("visitMethod"));
    for (const QString &code : fieldValues(rules, QStringLiteral("method"), {QStringLiteral("phone")}))
        m_method->addItem(CaseLabels::recordValue(code), code);
    form->addRow(tr("&Method"), m_method);
    m_visitor = new QLineEdit(visitor, this);
    m_visitor->setObjectName(QStringLiteral("visitVisitor"));
    form->addRow(tr("Visited &by"), m_visitor);
    m_visitedAt = new QDateTimeEdit(this);
    m_visitedAt->setObjectName(QStringLiteral("visitAt"));
    m_visitedAt->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_visitedAt->setCalendarPopup(true);
    const QDateTime local = now.toTimeZone(QTimeZone(rules.limits().defaultTimeZone().toUtf8()));
    m_visitedAt->setDateTime(QDateTime(local.date(), QTime(local.time().hour(), local.time().minute())));
    m_visitedAt->setMaximumWidth(220);
    form->addRow(tr("&When"), m_visitedAt);

    auto *reachedRow = new QWidget(this);
    auto *reachedLayout = new QHBoxLayout(reachedRow);
    reachedLayout->setContentsMargins(0, 0, 0, 0);
    m_reachedYes = new QRadioButton(tr("&Reached"), reachedRow);
    m_reachedYes->setObjectName(QStringLiteral("visitReached"));
    m_reachedNo = new QRadioButton(tr("&Not reached"), reachedRow);
    m_reachedNo->setObjectName(QStringLiteral("visitNotReached"));
    auto *reachedGroup = new QButtonGroup(this);
    reachedGroup->addButton(m_reachedYes);
    reachedGroup->addButton(m_reachedNo);
    reachedLayout->addWidget(m_reachedYes);
    reachedLayout->addWidget(m_reachedNo);
    reachedLayout->addStretch(1);
    form->addRow(tr("Customer"), reachedRow);

    m_reachedDetails = new QWidget(this);
    auto *details = new QFormLayout(m_reachedDetails);
    details->setContentsMargins(0, 0, 0, 0);
    m_solved = new QButtonGroup(this);
    details->addRow(tr("Problem solved"),
        radioRow(m_reachedDetails, m_solved,
            fieldValues(rules, QStringLiteral("solved"),
                {QStringLiteral("yes"), QStringLiteral("partly"), QStringLiteral("no")}),
            QStringLiteral("solved_")));
    m_satisfaction = new QButtonGroup(this);
    details->addRow(tr("Satisfaction"),
        radioRow(m_reachedDetails, m_satisfaction,
            fieldValues(rules, QStringLiteral("satisfaction"),
                {QStringLiteral("satisfied"), QStringLiteral("basically_satisfied"), QStringLiteral("dissatisfied")}),
            QStringLiteral("satisfaction_")));
    form->addRow(m_reachedDetails);
    m_comments = new QPlainTextEdit(this);
    m_comments->setObjectName(QStringLiteral("visitComments"));
    m_comments->setTabChangesFocus(true);
    m_comments->setFixedHeight(m_comments->fontMetrics().lineSpacing() * 3 + 14);
    form->addRow(tr("C&omments and suggestions"), m_comments);
    m_followUp = new QCheckBox(tr("&Follow-up needed"), this);
    m_followUp->setObjectName(QStringLiteral("visitFollowUp"));
    form->addRow(QString(), m_followUp);

    m_outcome = new QLabel(this);
    m_outcome->setObjectName(QStringLiteral("visitOutcome"));
    m_outcome->setWordWrap(true);
    m_outcome->setStyleSheet(QStringLiteral("QLabel { background: #eef3f8; padding: 6px; }"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("visitError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save visit"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("visitSave"));
    connect(buttons, &QDialogButtonBox::accepted, this, &VisitDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &VisitDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(m_outcome);
    layout->addWidget(buttons);

    for (QButtonGroup *group : {reachedGroup, m_solved, m_satisfaction})
        connect(group, &QButtonGroup::buttonToggled, this, &VisitDialog::updateOutcome);
    updateOutcome();
    resize(600, sizeHint().height());
}

QString VisitDialog::checkedCode(const QButtonGroup *group) const
{
    return group->checkedButton() ? group->checkedButton()->property("code").toString() : QString();
}

QRadioButton *VisitDialog::solvedButton(const QString &code) const
{
    return findChild<QRadioButton *>(QStringLiteral("solved_") + code);
}

QRadioButton *VisitDialog::satisfactionButton(const QString &code) const
{
    return findChild<QRadioButton *>(QStringLiteral("satisfaction_") + code);
}

QJsonObject VisitDialog::data() const
{
    const QDateTime shown = m_visitedAt->dateTime();
    QJsonObject v {{QStringLiteral("visited_at"),
                       QDateTime(shown.date(), shown.time(), QTimeZone(m_rules.limits().defaultTimeZone().toUtf8()))
                           .toString(Qt::ISODate)},
        {QStringLiteral("method"), m_method->currentData().toString()},
        {QStringLiteral("visitor"), m_visitor->text().trimmed()},
        {QStringLiteral("reached"), m_reachedYes->isChecked()},
        {QStringLiteral("follow_up_needed"), m_followUp->isChecked()}};
    if (m_reachedYes->isChecked()) {
        if (!checkedCode(m_solved).isEmpty())
            v.insert(QStringLiteral("solved"), checkedCode(m_solved));
        if (!checkedCode(m_satisfaction).isEmpty())
            v.insert(QStringLiteral("satisfaction"), checkedCode(m_satisfaction));
    }
    if (!m_comments->toPlainText().trimmed().isEmpty())
        v.insert(QStringLiteral("comments"), m_comments->toPlainText().trimmed());
    return v;
}

void VisitDialog::updateOutcome()
{
    m_reachedDetails->setEnabled(m_reachedYes->isChecked());
    if (!m_reachedYes->isChecked() && !m_reachedNo->isChecked()) {
        m_outcome->setText(tr("Record whether the customer was reached."));
        return;
    }
    if (m_reachedYes->isChecked() && (!m_solved->checkedButton() || !m_satisfaction->checkedButton())) {
        m_outcome->setText(tr("Record whether the problem is solved and how satisfied the customer is."));
        return;
    }
    const VisitOutcome outcome = VisitOutcome::judge(data(), m_earlierUnreached, m_rules.limits().visitAttempts());
    QString effect;
    switch (outcome.effect()) {
    case VisitOutcome::Effect::Visited:
        effect = tr("Saving closes the follow-up: the case moves to “visited”.");
        break;
    case VisitOutcome::Effect::Reopen:
        effect = tr("Saving re-opens the case: it returns to “in progress” with its history intact.");
        break;
    case VisitOutcome::Effect::Retry:
        effect = tr("Saving records this attempt; try again later.");
        break;
    case VisitOutcome::Effect::Unreachable:
        effect = tr("This was the last attempt: saving closes the follow-up as unreachable.");
        break;
    }
    m_outcome->setText(outcome.reason().isEmpty() ? effect : QStringLiteral("%1\n%2").arg(effect, outcome.reason()));
}

QString VisitDialog::outcomeText() const
{
    return m_outcome->text();
}

QString VisitDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void VisitDialog::accept()
{
    QString problem;
    if (!m_reachedYes->isChecked() && !m_reachedNo->isChecked())
        problem = tr("Record whether the customer was reached.");
    else if (m_reachedYes->isChecked() && (!m_solved->checkedButton() || !m_satisfaction->checkedButton()))
        problem = tr("Record whether the problem is solved and how satisfied the customer is.");
    else if (m_visitor->text().trimmed().isEmpty())
        problem = tr("Enter who made the visit.");
    if (problem.isEmpty() && m_submit) {
        if (Status status = m_submit(data()); !status)
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
