#include "sync/ChangeFeed.h"

#include "storage/CaseStore.h"
#include "storage/Database.h"

#include <QSqlQuery>

namespace casedesk {

QJsonObject Change::toJson() const
{
    return {{QStringLiteral("revision"), revision}, {QStringLiteral("kind"), kind}, {QStringLiteral("id"), id},
        {QStringLiteral("data"), data}};
}

Change Change::fromJson(const QJsonObject &json)
{
    return {json.value(QStringLiteral("revision")).toInteger(), json.value(QStringLiteral("kind")).toString(),
        json.value(QStringLiteral("id")).toString(), json.value(QStringLiteral("data")).toObject()};
}

ChangeFeed::ChangeFeed(CaseStore &store, CaseJson::Options json)
    : m_store(store)
    , m_json(std::move(json))
{
    m_json.revealPersonalData = false;
}

Result<ChangePage> ChangeFeed::since(qint64 revision, const AccessPolicy &access, int limit) const
{
    ChangePage page;
    page.next = revision;
    if (!access.canReadCases())
        return page;
    limit = qBound(1, limit, 1000);
    QStringList marks;
    for (qsizetype i = 0; i < access.scope().size(); ++i)
        marks.append(QStringLiteral("?"));
    const QString scope = marks.isEmpty()
        ? QStringLiteral("(c.assignee_id = ?)")
        : QStringLiteral("(c.branch_id IN (%1) OR c.assignee_id = ?)").arg(marks.join(QStringLiteral(", ")));
    QVariantList scopeBindings;
    for (const QString &id : access.scope())
        scopeBindings.append(id);
    scopeBindings.append(access.user().id);
    const QString actionScope = marks.isEmpty()
        ? QStringLiteral("1 = 0")
        : QStringLiteral("branch_id IN (%1)").arg(marks.join(QStringLiteral(", ")));

    const QString sql = QStringLiteral(
        "SELECT kind, id, revision FROM ("
        "SELECT 'case' AS kind, c.id AS id, c.revision AS revision FROM cases c WHERE c.revision > ? AND %1 "
        "UNION ALL SELECT 'record', r.id, r.revision FROM case_records r JOIN cases c ON c.id = r.case_id "
        "WHERE r.revision > ? AND %1 "
        "UNION ALL SELECT 'audit', a.id, a.revision FROM audit_events a JOIN cases c ON c.id = a.case_id "
        "WHERE a.revision > ? AND %1 "
        "UNION ALL SELECT 'corrective_action', id, revision FROM corrective_actions WHERE revision > ? AND %2"
        ") changes ORDER BY revision LIMIT %3")
                            .arg(scope, actionScope)
                            .arg(limit + 1);
    QVariantList bindings;
    for (int part = 0; part < 3; ++part) {
        bindings.append(revision);
        bindings += scopeBindings;
    }
    bindings.append(revision);
    for (const QString &id : access.scope())
        bindings.append(id);

    auto transaction = m_store.database().transaction(); // one snapshot for the ids and the entities
    auto query = m_store.database().exec(sql, bindings);
    if (!query)
        return query.error();
    QList<Change> heads;
    while (query->next())
        heads.append({query->value(2).toLongLong(), query->value(0).toString(), query->value(1).toString(), {}});
    query->finish();
    page.hasMore = heads.size() > limit;
    if (page.hasMore)
        heads.removeLast();

    QHash<QString, QList<CaseRecord>> recordsByCase;
    for (Change &change : heads) {
        if (change.kind == QLatin1String("case")) {
            auto c = m_store.findCase(change.id);
            if (!c)
                return c.error();
            if (c->has_value())
                change.data = CaseJson::toJson(**c, m_json);
        } else if (change.kind == QLatin1String("record")) {
            auto record = m_store.findRecord(change.id);
            if (!record)
                return record.error();
            if (record->has_value())
                change.data = CaseJson::toJson(**record);
        } else if (change.kind == QLatin1String("audit")) {
            auto event = m_store.findAuditEvent(change.id);
            if (!event)
                return event.error();
            if (event->has_value())
                change.data = CaseJson::toJson(**event);
        } else {
            auto action = m_store.findCorrectiveAction(change.id);
            if (!action)
                return action.error();
            if (action->has_value())
                change.data = CaseJson::toJson(**action);
        }
        page.changes.append(change);
        page.next = change.revision;
    }
    if (auto ok = transaction.commit(); !ok)
        return ok.error();
    return page;
}

} // namespace casedesk
