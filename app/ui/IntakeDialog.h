#pragma once

#include "domain/Case.h"

#include <QDialog>

class QPushButton;

namespace casedesk {

class IntakeForm;
class Workspace;

// "New complaint" (Ctrl+N): the intake form with Save (Ctrl+S or Ctrl+Enter) and Cancel (Esc).
// A saved case is announced with caseCreated(); the main window then shows its acknowledgement slip.
class IntakeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit IntakeDialog(Workspace &workspace, QWidget *parent = nullptr);

    IntakeForm *form() const { return m_form; }

signals:
    void caseCreated(const casedesk::Case &created, const QStringList &warnings);
    void openCase(const QString &caseId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void save();
    void retranslate();

    IntakeForm *m_form = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace casedesk
