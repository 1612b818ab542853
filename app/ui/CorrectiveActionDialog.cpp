#include "ui/CorrectiveActionDialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace casedesk {

QString CorrectiveActionDialog::statusName(const QString &status)
{
    if (status == QLatin1String("open"))
        return tr("Open");
    if (status == QLatin1String("in_progress"))
        return tr("In progress");
    if (status == QLatin1String("done"))
        return tr("Done");
    return status;
}

CorrectiveActionDialog::CorrectiveActionDialog(
    const CorrectiveAction &action, const QDate &today, Submit submit, QWidget *parent)
    : QDialog(parent)
    , m_submit(std::move(submit))
{
    setObjectName(QStringLiteral("correctiveActionDialog"));
    setWindowTitle(action.id.isEmpty() ? tr("New corrective action") : tr("Corrective action"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_title = new QLineEdit(action.title, this);
    m_title->setObjectName(QStringLiteral("actionTitle"));
    form->addRow(tr("&What is to change *"), m_title);
    m_description = new QPlainTextEdit(action.description, this);
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 14);
    form->addRow(tr("&Details"), m_description);
    m_owner = new QLineEdit(action.owner, this);
    m_owner->setObjectName(QStringLiteral("actionOwner"));
    form->addRow(tr("&Owner"), m_owner);
    m_due = new QDateEdit(this);
    m_due->setCalendarPopup(true);
    m_due->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_due->setDate(action.dueOn.isValid() ? action.dueOn : today.addMonths(1));
    m_due->setMaximumWidth(180);
    form->addRow(tr("D&ue on"), m_due);
    m_status = new QComboBox(this);
    for (const QString &status : CorrectiveAction::statuses())
        m_status->addItem(statusName(status), status);
    m_status->setCurrentIndex(qMax(0, m_status->findData(action.status)));
    form->addRow(tr("&Status"), m_status);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; padding: 6px; }"));
    m_error->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &CorrectiveActionDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CorrectiveActionDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QJsonObject CorrectiveActionDialog::input() const
{
    return {{QStringLiteral("title"), m_title->text().trimmed()},
        {QStringLiteral("description"), m_description->toPlainText().trimmed()},
        {QStringLiteral("owner"), m_owner->text().trimmed()},
        {QStringLiteral("due_on"), m_due->date().toString(Qt::ISODate)},
        {QStringLiteral("status"), m_status->currentData().toString()}};
}

QString CorrectiveActionDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CorrectiveActionDialog::accept()
{
    QString problem;
    if (m_title->text().trimmed().isEmpty())
        problem = tr("Say what is to change.");
    if (problem.isEmpty() && m_submit) {
        if (Status status = m_submit(input()); !status)
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
