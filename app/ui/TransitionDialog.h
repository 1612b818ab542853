#pragma once

#include "base/Result.h"
#include "domain/Case.h"
#include "workflow/Transition.h"
#include "workflow/TransitionRequest.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace casedesk {

class CaseRules;

// Asks what a step of the life cycle needs from the user (BRIEF §6): the reply summary when
// resolving (and the cause when none was confirmed yet), the reason for a withdrawal together with
// the voluntariness question (004 art.19), the reason for re-opening. Steps that need nothing typed
// do not open it.
class TransitionDialog : public QDialog
{
    Q_OBJECT

public:
    struct Answer
    {
        TransitionRequest request;
        QString cause; // set when the dialog asked for it
    };
    using Submit = std::function<Status(const Answer &answer)>;

    TransitionDialog(const CaseRules &rules, const Transition &transition, const Case &current, Submit submit,
        QWidget *parent = nullptr);

    // Whether this step needs anything typed (else it is taken directly).
    static bool needsInput(const Transition &transition, const Case &current);

    Answer answer() const;
    QPlainTextEdit *reasonField() const { return m_reason; }
    QRadioButton *voluntaryYes() const { return m_voluntaryYes; }
    QRadioButton *voluntaryNo() const { return m_voluntaryNo; }
    QComboBox *causeField() const { return m_cause; }
    QString errorText() const;

    void accept() override;

private:
    static bool hasGuard(const Transition &transition, const QString &guard);

    const Transition m_transition;
    Submit m_submit;
    QPlainTextEdit *m_reason = nullptr;
    QRadioButton *m_voluntaryYes = nullptr;
    QRadioButton *m_voluntaryNo = nullptr;
    QComboBox *m_cause = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace casedesk
