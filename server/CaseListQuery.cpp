#include "CaseListQuery.h"

#include "QueryReader.h"
#include "base/Clock.h"
#include "casework/CaseRules.h"
#include "storage/CaseStore.h"

#include <QTimeZone>

namespace casedesk {

namespace {
QList<CaseStatus> openStatuses()
{
    return {CaseStatus::Received, CaseStatus::Registered, CaseStatus::Dispatched, CaseStatus::InProgress};
}
} // namespace

Result<CaseQuery> CaseListQuery::parse(
    const QUrlQuery &urlQuery, const AccessPolicy &access, CaseStore &store, const CaseRules &rules, const Clock &clock)
{
    QueryReader reader(urlQuery);
    reader.rejectUnknown({QStringLiteral("status"), QStringLiteral("branch"), QStringLiteral("assignee"),
        QStringLiteral("unit"), QStringLiteral("category"), QStringLiteral("priority"), QStringLiteral("overdue"),
        QStringLiteral("due_before"), QStringLiteral("q"), QStringLiteral("limit"), QStringLiteral("cursor"),
        QStringLiteral("order"), QStringLiteral("received_from"), QStringLiteral("received_to"),
        QStringLiteral("repeat"), QStringLiteral("queue")});
    CaseQuery query;
    // An empty list means "every branch" to the store: a reader without scope must match none.
    query.branchIds = access.scope().isEmpty() ? QStringList {QStringLiteral("-")} : access.scope();
    // "Today" for overdue filters is the organisation's calendar day (BRIEF §5, the rules' default zone).
    const QTimeZone zone(rules.limits().defaultTimeZone().toLatin1());
    query.today = clock.now().toTimeZone(zone.isValid() ? zone : QTimeZone::utc()).date();

    for (const QString &code : reader.list(QStringLiteral("status"))) {
        const auto status = fromCode<CaseStatus>(code);
        if (!status) {
            reader.invalid(QStringLiteral("status"),
                tr("“%1” is not a case status; statuses are %2.")
                    .arg(code, allCodes<CaseStatus>().join(QStringLiteral(", "))));
            break;
        }
        query.statuses.append(*status);
    }
    const QString queue = reader.oneOf(QStringLiteral("queue"),
        {QStringLiteral("mine"), QStringLiteral("unassigned"), QStringLiteral("open"), QStringLiteral("overdue"),
            QStringLiteral("repeats")});
    QString assignee = reader.string(QStringLiteral("assignee"));
    if (queue == QLatin1String("mine")) {
        assignee = QStringLiteral("me");
        query.statuses = openStatuses();
    } else if (queue == QLatin1String("unassigned")) {
        assignee = QStringLiteral("none");
        query.statuses = openStatuses();
    } else if (queue == QLatin1String("open")) {
        query.statuses = openStatuses();
    } else if (queue == QLatin1String("overdue")) {
        query.overdue = true;
    } else if (queue == QLatin1String("repeats")) {
        query.repeatsOnly = true;
    }
    if (assignee == QLatin1String("none"))
        query.unassignedOnly = true;
    else if (assignee == QLatin1String("me"))
        query.assigneeId = access.user().id;
    else
        query.assigneeId = assignee;

    query.handlingUnit = reader.string(QStringLiteral("unit"));
    query.category = reader.string(QStringLiteral("category"));
    if (!query.category.isEmpty() && !rules.taxonomy().category(query.category))
        reader.invalid(QStringLiteral("category"), tr("“%1” is not a category of this profile.").arg(query.category));
    if (reader.has(QStringLiteral("priority"))) {
        query.priority = fromCode<Priority>(reader.string(QStringLiteral("priority")));
        if (!query.priority)
            reader.invalid(QStringLiteral("priority"),
                tr("Priority is one of %1.").arg(allCodes<Priority>().join(QStringLiteral(", "))));
    }
    if (auto overdue = reader.boolean(QStringLiteral("overdue")))
        query.overdue = overdue;
    query.attentionOnOrBefore = reader.date(QStringLiteral("due_before"));
    query.receivedFrom = reader.date(QStringLiteral("received_from"));
    query.receivedTo = reader.date(QStringLiteral("received_to"));
    if (auto repeat = reader.boolean(QStringLiteral("repeat")); repeat && *repeat)
        query.repeatsOnly = true;
    query.text = reader.string(QStringLiteral("q"));
    if (query.text.size() > 200)
        reader.invalid(QStringLiteral("q"), tr("The search text is longer than 200 characters."));
    query.limit = int(reader.integer(QStringLiteral("limit"), 1, maximumLimit).value_or(defaultLimit));
    query.cursor = reader.string(QStringLiteral("cursor"));
    const QString order = reader.oneOf(
        QStringLiteral("order"), {QStringLiteral("received"), QStringLiteral("attention"), QStringLiteral("updated")});
    if (order == QLatin1String("attention"))
        query.order = CaseQuery::Order::AttentionSoonestFirst;
    else if (order == QLatin1String("updated"))
        query.order = CaseQuery::Order::UpdatedNewestFirst;
    if (!reader.ok())
        return reader.error();

    const QString branch = reader.string(QStringLiteral("branch"));
    if (!branch.isEmpty()) {
        auto found = store.findBranchByCode(branch);
        if (!found)
            return found.error();
        if (!found->has_value()) {
            found = store.findBranch(branch);
            if (!found)
                return found.error();
        }
        if (!found->has_value())
            return Error {QStringLiteral("invalid_value"), tr("There is no branch “%1”.").arg(branch),
                {{QStringLiteral("field"), QStringLiteral("branch")}}};
        if (!access.inScope((*found)->id))
            return AccessPolicy::forbidden(tr("list the cases of branch %1").arg((*found)->code));
        auto subtree = store.branchSubtree((*found)->id);
        if (!subtree)
            return subtree.error();
        query.branchIds = *subtree;
    } else if (!query.assigneeId.isEmpty() && query.assigneeId == access.user().id) {
        // One's own assigned cases are readable wherever they were received (AccessPolicy::canRead).
        query.branchIds.clear();
    }
    return query;
}

} // namespace casedesk
