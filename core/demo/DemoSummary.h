#pragma once

#include "domain/CaseStatus.h"

#include <QDate>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace casedesk {

// What a demo run produced, counted over the cases received in the period at its end: the figures
// a manager would look at first (BRIEF §8) and the case numbers of the SCENARIOS.md walk-throughs.
struct DemoSummary
{
    QDate from;
    QDate to;
    qint64 cases = 0;
    QMap<CaseStatus, qint64> byStatus;
    qint64 open = 0;
    qint64 overdueOpen = 0; // open cases past their governing deadline at the end of `to`
    qint64 resolved = 0; // cases with a resolution (resolved, visited, archived)
    qint64 resolvedOnTime = 0;
    qint64 extended = 0;
    qint64 escalated = 0;
    qint64 reopened = 0;
    qint64 repeats = 0; // linked to an earlier case (BRIEF §2)
    qint64 conductIssues = 0;
    qint64 visits = 0; // visit records, every attempt
    qint64 visitsReached = 0;
    qint64 satisfied = 0;
    qint64 basicallySatisfied = 0;
    qint64 dissatisfied = 0;
    qint64 unreachable = 0; // visits closed after the last unanswered attempt
    qint64 correctiveActionsOpen = 0;
    qint64 correctiveActionsDone = 0;
    QMap<QString, QString> scenarios; // SCENARIOS.md key ("1_walk_in" …) → case number

    // The KPIs of BRIEF §8 over this run; 0 when there is nothing to divide by.
    double onTimeRate() const;
    double satisfactionRate() const;
    double repeatRate() const;
    QJsonObject toJson() const;

    friend bool operator==(const DemoSummary &, const DemoSummary &) = default;
};

} // namespace casedesk
