#pragma once

#include "casework/AccessPolicy.h"
#include "deadlines/DueState.h"
#include "storage/CaseQuery.h"

#include <QCoreApplication>
#include <QList>

namespace casedesk {

class CaseRules;

// The work lists of the client (issue 4 §4, §6): my cases, my unit, branch, due today, due soon,
// overdue, unassigned, repeat, visits due. Each is a CaseQuery over the local store plus, where SQL
// cannot say it, a check per row; which ones a user sees follows their roles (BRIEF §1).
class CaseQueue
{
    Q_DECLARE_TR_FUNCTIONS(CaseQueue)

public:
    enum class Kind { MyCases, MyUnit, Branch, DueToday, DueSoon, Overdue, Unassigned, Repeats, VisitsDue };

    static QList<Kind> available(const AccessPolicy &access);
    static QString title(Kind kind);
    static QString description(Kind kind);
    // The listing for `today` (the branch-local date); statuses, scope and order included.
    static CaseQuery query(Kind kind, const AccessPolicy &access, const CaseRules &rules, QDate today);
    // False for rows the query over-approximates: "due soon" is a share of each case's own limit
    // (time-limits.json due_soon_share), which the store cannot filter on.
    static bool keeps(Kind kind, const DueState &due);
    static bool needsRowCheck(Kind kind) { return kind == Kind::DueSoon; }
    // Stable ids for settings and tests.
    static QString id(Kind kind);

private:
    static QDate dueSoonHorizon(const CaseRules &rules, QDate today);
};

} // namespace casedesk
