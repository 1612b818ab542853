#pragma once

#include "base/Result.h"
#include "domain/Case.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace casedesk {

class Workspace;

// The supervisor's and handler's actions on an open case (BRIEF §1, §4–§6): dispatch to a handler
// or unit (派单), re-assign, transfer to another unit, extend the reply time once with a reason
// (004 art.11), extend the statutory limit with a senior approval (CBIRC Order 2020 No.3), escalate,
// and record an anonymous complaint as malicious (004 art.14). One form, the fields each action needs.
class CaseActionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Action { Dispatch, Assign, Transfer, Extend, ExtendStatutory, Escalate, MarkMalicious };
    struct Answer
    {
        QString assigneeId;
        QString unit;
        QString reason;
        QString approver;
        QString to; // escalations: "leadership" or "regulator"
    };
    using Submit = std::function<Status(const Answer &answer)>;

    CaseActionDialog(
        Workspace &workspace, Action action, const Case &current, Submit submit, QWidget *parent = nullptr);

    // The CaseService action code ("assign", "extend" …); Dispatch assigns and then moves the case.
    static QString actionCode(Action action);
    static QString title(Action action);

    Answer answer() const;
    QComboBox *assigneeField() const { return m_assignee; }
    QComboBox *unitField() const { return m_unit; }
    QPlainTextEdit *reasonField() const { return m_reason; }
    QLineEdit *approverField() const { return m_approver; }
    QString errorText() const;

    void accept() override;

private:
    Action m_action;
    Submit m_submit;
    QComboBox *m_assignee = nullptr;
    QComboBox *m_unit = nullptr;
    QComboBox *m_to = nullptr;
    QPlainTextEdit *m_reason = nullptr;
    QLineEdit *m_approver = nullptr;
    QLabel *m_error = nullptr;
    bool m_reasonRequired = true;
};

} // namespace casedesk
