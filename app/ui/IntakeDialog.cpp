#include "ui/IntakeDialog.h"

#include "ui/IntakeForm.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace casedesk {

IntakeDialog::IntakeDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("intakeDialog"));
    m_form = new IntakeForm(workspace, this);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("intakeSave"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter in a line edit must not save half a form: saving is an explicit Ctrl+S / Ctrl+Enter.
    m_save->setAutoDefault(false);
    m_cancel->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &IntakeDialog::save);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    for (const QKeySequence &keys : {QKeySequence(QKeySequence::Save), QKeySequence(Qt::CTRL | Qt::Key_Return),
             QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, &IntakeDialog::save);
    }
    connect(m_form, &IntakeForm::openCase, this, &IntakeDialog::openCase);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form, 1);
    layout->addWidget(buttons);
    setTabOrder(m_form, m_save);
    retranslate();
    resize(1080, 720);
}

void IntakeDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_form->focusFirstField();
}

void IntakeDialog::save()
{
    if (auto created = m_form->save()) {
        emit caseCreated(*created, {});
        accept();
    }
}

void IntakeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void IntakeDialog::retranslate()
{
    setWindowTitle(tr("New complaint"));
    m_save->setText(tr("&Save"));
    m_save->setToolTip(tr("Save the complaint and issue its number (Ctrl+S)"));
}

} // namespace casedesk
