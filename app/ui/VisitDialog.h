#pragma once

#include "base/Result.h"
#include "domain/Case.h"

#include <QDialog>
#include <QJsonObject>

#include <functional>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace casedesk {

class CaseRules;

// The follow-up visit (回访, BRIEF §7, 001 ch.10–12): method, who visited and when, reached or not,
// problem solved (yes / partly / no), satisfaction (满意 / 基本满意 / 不满意), comments. It says before
// saving what the visit will do (VisitOutcome): close the visit, re-open the case, try again later,
// or close it as unreachable after the configured attempts.
class VisitDialog : public QDialog
{
    Q_OBJECT

public:
    using Submit = std::function<Status(const QJsonObject &visit)>;

    // earlierUnreached: unreached attempts since the case was resolved.
    VisitDialog(const CaseRules &rules, const Case &current, int earlierUnreached, const QString &visitor,
        const QDateTime &now, Submit submit, QWidget *parent = nullptr);

    QJsonObject data() const;
    QString outcomeText() const;
    QString errorText() const;

    QComboBox *methodField() const { return m_method; }
    QRadioButton *reachedButton(bool reached) const { return reached ? m_reachedYes : m_reachedNo; }
    QRadioButton *solvedButton(const QString &code) const;
    QRadioButton *satisfactionButton(const QString &code) const;
    QPlainTextEdit *commentsField() const { return m_comments; }

    void accept() override;

private:
    void updateOutcome();
    QString checkedCode(const QButtonGroup *group) const;

    const CaseRules &m_rules;
    int m_earlierUnreached = 0;
    Submit m_submit;
    QComboBox *m_method = nullptr;
    QLineEdit *m_visitor = nullptr;
    QDateTimeEdit *m_visitedAt = nullptr;
    QRadioButton *m_reachedYes = nullptr;
    QRadioButton *m_reachedNo = nullptr;
    QButtonGroup *m_solved = nullptr;
    QButtonGroup *m_satisfaction = nullptr;
    QPlainTextEdit *m_comments = nullptr;
    QCheckBox *m_followUp = nullptr;
    QLabel *m_outcome = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_reachedDetails = nullptr;
};

} // namespace casedesk
