#pragma once

#include "domain/Branch.h"
#include "domain/CaseStatus.h"
#include "domain/CorrectiveAction.h"
#include "domain/LocalizedText.h"
#include "domain/Priority.h"
#include "report/EarlyWarning.h"
#include "report/EarlyWarningRules.h"
#include "report/ReportMonth.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace casedesk {

// The monthly complaint report of one branch subtree (BRIEF §8), as computed by MonthlyReportEngine:
// plain figures and lists, no formatting. Every figure is defined once in KpiDefinitions; the JSON,
// PDF, XLSX and CSV forms are all made from this value.
struct MonthlyReport
{
    // One month's additive tallies for the scope. Rates are computed from these by KpiDefinitions,
    // so numerators and denominators stay visible (and sum across time zones and branches).
    struct Figures
    {
        ReportMonth month;
        qint64 received = 0;
        qint64 repeats = 0;
        qint64 resolved = 0;
        qint64 resolvedOnTime = 0;
        qint64 visitsReached = 0;
        qint64 visitsSatisfied = 0;
        qint64 extensions = 0;
        // Open and overdue at the end of the month: measured for the report month and its two comparison
        // months only, not for the trend.
        bool stockMeasured = false;
        qint64 openAtEnd = 0;
        qint64 overdueAtEnd = 0;
        // Working days from effective receipt to resolution, summed over the resolved cases measured.
        bool handlingMeasured = false;
        qint64 handlingDays = 0;
        qint64 handlingCases = 0;

        void add(const Figures &other);
        QJsonObject toJson() const;
    };

    // A row of a distribution: a code, its names, the regulator's numeric code where the taxonomy has one
    // (the branch code for branch rows), its depth (0 = top level) and its count. In a regulator axis a
    // parent counts its subtree; in the branch tree each branch counts only the cases it received.
    struct Row
    {
        QString code;
        LocalizedText name;
        QString regCode;
        int depth = 0;
        qint64 count = 0;
    };

    struct Breakdown
    {
        QString id; // see KpiDefinitions::breakdownIds()
        qint64 total = 0;
        QList<Row> rows;
    };

    // What one handler (the case's assignee) did in the month (BRIEF §8, 001 ch.9).
    struct Handler
    {
        QString userId;
        QString name;
        QString branchCode;
        qint64 resolved = 0;
        qint64 resolvedOnTime = 0;
        qint64 handlingDays = 0;
        qint64 visitsReached = 0;
        qint64 visitsSatisfied = 0;
        qint64 openAtEnd = 0;
        qint64 overdueAtEnd = 0;
    };

    struct ListedCase
    {
        QString id;
        QString number;
        QString branchCode;
        QDateTime receivedAt;
        QString category;
        LocalizedText categoryName;
        CaseStatus status = CaseStatus::Received;
        Priority priority = Priority::Normal;
        QString relatedNumber; // the earlier case of a repeat complaint
        QDateTime eventAt; // escalation time
        QString reason; // escalation reason or target
    };

    struct CaseList
    {
        qint64 total = 0; // all matching cases; `cases` holds at most the listing limit
        QList<ListedCase> cases;
    };

    struct CorrectiveActions
    {
        qint64 raised = 0;
        qint64 done = 0;
        qint64 openAtEnd = 0;
        qint64 overdueAtEnd = 0;
        QList<CorrectiveAction> actions; // active during the month, due date first
        QHash<QString, LocalizedText> ownerNames; // owners that are handling units, by unit code
    };

    ReportMonth month;
    QString organisation; // the root of the organisation tree (head office)
    Branch scope; // the branch the report is for; its whole subtree is counted
    QStringList branchIds;
    QString profile; // the taxonomy profile the names come from
    QString preparedBy; // name of the user who asked for the report
    QDateTime generatedAt;
    QDateTime asOf; // the end of the month, or "now" for the running month
    bool partial = false; // the month had not ended when the report was made

    Figures current;
    Figures previous; // 环比: the month before
    Figures lastYear; // 同比: the same month a year earlier
    QList<Figures> trend; // the 12 months ending with the report month, oldest first

    QList<Breakdown> breakdowns;
    QList<Row> topCauses;
    QList<Handler> handlers;
    CaseList repeats;
    CaseList escalated;
    CorrectiveActions corrective;
    EarlyWarningRules warningRules;
    QList<EarlyWarning> warnings;
    QList<LocalizedText> notes; // e.g. a year counted without a holiday calendar

    const Breakdown *breakdown(const QString &id) const;
    // The stable JSON form (snake_case, GET /api/v1/reports/monthly?format=json).
    QJsonObject toJson() const;
};

} // namespace casedesk
