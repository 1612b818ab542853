#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

namespace casedesk {

// A corrective measure (整改, BRIEF §7): raised from a case or from analysis, with an owner and a
// due date, tracked to done. Unlike appended records it changes over time (status, done date).
struct CorrectiveAction
{
    QString id; // UUID
    QString caseId; // empty when raised from analysis
    QString branchId;
    QString title;
    QString description;
    QString owner; // user id or unit code
    QDate dueOn;
    QString status = QStringLiteral("open"); // "open", "in_progress", "done"
    QDate doneOn;
    QDateTime createdAt;
    QString createdBy;
    qint64 revision = 0;

    static QStringList statuses()
    {
        return {QStringLiteral("open"), QStringLiteral("in_progress"), QStringLiteral("done")};
    }
    friend bool operator==(const CorrectiveAction &, const CorrectiveAction &) = default;
};

} // namespace casedesk
