#pragma once

#include "base/Result.h"
#include "casework/AccessPolicy.h"
#include "storage/CaseQuery.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace casedesk {

class CaseRules;
class CaseStore;
class Clock;

// Turns the query of GET /api/v1/cases (DESIGN §5: status, branch, assignee, category, priority,
// overdue, due_before, q, limit, cursor; plus unit, order, received_from/to, repeat and queue shortcuts
// mine|unassigned|open|overdue|repeats) into a CaseQuery confined to the reader's scope. Unknown
// parameters and bad values are refused with the parameter named; a branch outside the reader's scope
// is forbidden.
class CaseListQuery
{
    Q_DECLARE_TR_FUNCTIONS(CaseListQuery)

public:
    static constexpr int defaultLimit = 50;
    static constexpr int maximumLimit = 200;

    static Result<CaseQuery> parse(const QUrlQuery &query, const AccessPolicy &access, CaseStore &store,
        const CaseRules &rules, const Clock &clock);
};

} // namespace casedesk
