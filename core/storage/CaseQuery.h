#pragma once

#include "domain/CaseStatus.h"
#include "domain/Priority.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace casedesk {

// Filters, order and page of a case listing (queues, GET /api/v1/cases). Paging is by an opaque
// keyset cursor, so a page never repeats or skips a case when others are added meanwhile.
struct CaseQuery
{
    enum class Order { ReceivedNewestFirst, AttentionSoonestFirst, UpdatedNewestFirst };

    QStringList branchIds; // the reader's scope; empty means every branch
    QList<CaseStatus> statuses;
    QString assigneeId;
    bool unassignedOnly = false;
    QString handlingUnit;
    QString category;
    std::optional<Priority> priority;
    std::optional<bool> overdue; // needs `today`
    QDate today;
    QDate attentionOnOrBefore; // the date that matters now (DESIGN's due_before)
    bool repeatsOnly = false;
    QString text; // full-text: every whitespace-separated term must occur
    QDate receivedFrom;
    QDate receivedTo;
    // The cases behind a report figure (MonthlyReportEngine's definitions): received or resolved within
    // [since, before), or open at an instant (received before it, neither resolved nor closed by then)
    // and, with dueBefore, overdue then.
    QDateTime receivedSince;
    QDateTime receivedBefore;
    QDateTime resolvedSince;
    QDateTime resolvedBefore;
    QDateTime openAt;
    QDate dueBefore;
    Order order = Order::ReceivedNewestFirst;
    int limit = 50;
    QString cursor;
};

} // namespace casedesk
