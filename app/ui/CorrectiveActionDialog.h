#pragma once

#include "base/Result.h"
#include "domain/CorrectiveAction.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace casedesk {

// A corrective measure raised from a case (整改, BRIEF §7; CBIRC Order 2020 No.3 root-cause
// rectification): what is to change, who owns it, by when, and how far it has got.
class CorrectiveActionDialog : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const QJsonObject &input)>;

    // action: the one being edited, or a default-constructed one for a new measure.
    CorrectiveActionDialog(
        const CorrectiveAction &action, const QDate &today, Submit submit, QWidget *parent = nullptr);

    static QString statusName(const QString &status);
    // The fields as CaseService::saveCorrectiveAction takes them.
    QJsonObject input() const;
    QLineEdit *titleField() const { return m_title; }
    QString errorText() const;

    void accept() override;

private:
    Submit m_submit;
    QLineEdit *m_title = nullptr;
    QPlainTextEdit *m_description = nullptr;
    QLineEdit *m_owner = nullptr;
    QDateEdit *m_due = nullptr;
    QComboBox *m_status = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace casedesk
