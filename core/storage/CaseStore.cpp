#include "storage/CaseStore.h"

#include "security/FieldCipher.h"
#include "storage/Database.h"
#include "storage/SchemaMigrator.h"
#include "storage/SqlValue.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlRecord>
#include <QtEndian>

namespace casedesk {

namespace {

// Column order of the cases table as read and written by this store; keep in step with readCase.
const QStringList caseColumns = {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("branch_id"),
    QStringLiteral("handling_unit"), QStringLiteral("channel"), QStringLiteral("category"),
    QStringLiteral("business_category"), QStringLiteral("channel_axis"), QStringLiteral("cause"),
    QStringLiteral("product"), QStringLiteral("subject_staff"), QStringLiteral("priority"),
    QStringLiteral("priority_reasons"), QStringLiteral("status"), QStringLiteral("received_at"),
    QStringLiteral("received_by"), QStringLiteral("complainant_name"), QStringLiteral("complainant_phone"),
    QStringLiteral("complainant_id_number"), QStringLiteral("customer_reference"), QStringLiteral("anonymous"),
    QStringLiteral("phone_hash"), QStringLiteral("id_number_hash"), QStringLiteral("parties"),
    QStringLiteral("group_size"), QStringLiteral("summary"), QStringLiteral("demand"), QStringLiteral("amount_fen"),
    QStringLiteral("assignee_id"), QStringLiteral("repeat_of"), QStringLiteral("forwarding_body"),
    QStringLiteral("forwarding_reference"), QStringLiteral("forwarding_due"), QStringLiteral("media_outlet"),
    QStringLiteral("recording_reference"), QStringLiteral("funds_safety"), QStringLiteral("threatens_escalation"),
    QStringLiteral("escalated"), QStringLiteral("conduct_issue"), QStringLiteral("malicious"),
    QStringLiteral("legal_dispute"), QStringLiteral("resolve_extended"), QStringLiteral("extension_reason"),
    QStringLiteral("statutory_extensions"), QStringLiteral("registered_at"), QStringLiteral("dispatched_at"),
    QStringLiteral("first_contact_at"), QStringLiteral("resolved_at"), QStringLiteral("visited_at"),
    QStringLiteral("closed_at"), QStringLiteral("reopen_count"), QStringLiteral("register_by"),
    QStringLiteral("contact_by"), QStringLiteral("resolve_by"), QStringLiteral("statutory_by"),
    QStringLiteral("forwarder_by"), QStringLiteral("visit_by"), QStringLiteral("due_by"),
    QStringLiteral("attention_by"), QStringLiteral("revision"), QStringLiteral("created_at"),
    QStringLiteral("updated_at")};

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QJsonArray reasonsToJson(const QList<PriorityReason> &reasons)
{
    QJsonArray array;
    for (const PriorityReason &reason : reasons) {
        array.append(QJsonObject {{QStringLiteral("rule"), reason.ruleId},
            {QStringLiteral("priority"), toCode(reason.priority)}, {QStringLiteral("text"), reason.text.toJson()}});
    }
    return array;
}

QList<PriorityReason> reasonsFromJson(const QJsonArray &array)
{
    QList<PriorityReason> reasons;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        reasons.append({o.value(QStringLiteral("rule")).toString(),
            fromCode<Priority>(o.value(QStringLiteral("priority")).toString()).value_or(Priority::Normal),
            LocalizedText::fromJson(o.value(QStringLiteral("text")).toObject())});
    }
    return reasons;
}

QJsonArray partiesToJson(const QList<Party> &parties)
{
    QJsonArray array;
    for (const Party &party : parties)
        array.append(party.toJson());
    return array;
}

QList<Party> partiesFromJson(const QJsonArray &array)
{
    QList<Party> parties;
    for (const QJsonValue &value : array) {
        const QJsonObject o = value.toObject();
        parties.append({o.value(QStringLiteral("kind")).toString(), o.value(QStringLiteral("name")).toString(),
            o.value(QStringLiteral("phone")).toString(), o.value(QStringLiteral("relationship")).toString(),
            o.value(QStringLiteral("authorisation")).toString()});
    }
    return parties;
}

// The date that matters now for a case in its state: what "overdue", "due today" and the
// due-date colours of queues are computed from (see DeadlineCalculator::dueState for the rule).
QDate attentionDate(const Case &c)
{
    const CaseDeadlines &d = c.deadlines;
    auto earliest = [](std::initializer_list<QDate> dates) {
        QDate best;
        for (const QDate &date : dates) {
            if (date.isValid() && (!best.isValid() || date < best))
                best = date;
        }
        return best;
    };
    switch (c.status) {
    case CaseStatus::Received:
        return earliest({d.registerBy, d.dueBy});
    case CaseStatus::Registered:
        return d.dueBy;
    case CaseStatus::Dispatched:
    case CaseStatus::InProgress:
        return c.firstContactAt.isValid() ? d.dueBy : earliest({d.contactBy, d.dueBy});
    case CaseStatus::Resolved:
        return d.visitBy;
    case CaseStatus::Visited:
    case CaseStatus::Archived:
    case CaseStatus::Withdrawn:
        break;
    }
    return {};
}

QString likePattern(const QString &term)
{
    QString escaped = term;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('%'), QLatin1String("\\%"))
        .replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// Runs a SELECT and turns every row into a T with `read`.
template<typename T, typename Reader>
Result<QList<T>> selectAll(Database &database, const QString &sql, const QVariantList &bindings, Reader read)
{
    auto query = database.exec(sql, bindings);
    if (!query)
        return query.error();
    QList<T> rows;
    while (query->next())
        rows.append(read(*query));
    query->finish();
    return rows;
}

template<typename T>
Result<std::optional<T>> firstOf(Result<QList<T>> rows)
{
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<T>();
    return std::optional<T>(rows->first());
}

struct Cursor
{
    QString key;
    QString id;
};

QString encodeCursor(CaseQuery::Order order, const QString &key, const QString &id)
{
    const QJsonObject o {{QStringLiteral("o"), int(order)}, {QStringLiteral("k"), key}, {QStringLiteral("i"), id}};
    return QString::fromLatin1(QJsonDocument(o)
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Cursor> decodeCursor(CaseQuery::Order order, const QString &text)
{
    const QByteArray raw = QByteArray::fromBase64(text.toLatin1(), QByteArray::Base64UrlEncoding);
    const QJsonObject o = QJsonDocument::fromJson(raw).object();
    if (o.isEmpty() || o.value(QStringLiteral("o")).toInt(-1) != int(order) || !o.value(QStringLiteral("i")).isString())
        return std::nullopt;
    return Cursor {o.value(QStringLiteral("k")).toString(), o.value(QStringLiteral("i")).toString()};
}

} // namespace

CaseStore::CaseStore(Database &database, const FieldCipher *cipher)
    : m_database(database)
    , m_cipher(cipher)
{ }

QList<Migration> CaseStore::migrations()
{
    QList<Migration> list;
    list.append(Migration {1,
        QStringLiteral("directory, cases, records, audit trail, corrective actions, revision counter"),
        {QStringLiteral("CREATE TABLE revision_counter (id INTEGER PRIMARY KEY, value ${BIGINT} NOT NULL)"),
            QStringLiteral("INSERT INTO revision_counter (id, value) VALUES (1, 0)"),
            QStringLiteral("CREATE TABLE branches (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                           "parent_id TEXT REFERENCES branches(id), time_zone TEXT NOT NULL, cutoff TEXT NOT NULL, "
                           "active INTEGER NOT NULL DEFAULT 1, revision ${BIGINT} NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE users (id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE, name TEXT NOT NULL, "
                "roles TEXT NOT NULL, branch_id TEXT NOT NULL REFERENCES branches(id), unit TEXT, phone TEXT, "
                "disabled INTEGER NOT NULL DEFAULT 0, revision ${BIGINT} NOT NULL DEFAULT 0)"),
            QStringLiteral(
                "CREATE TABLE cases (id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, "
                "branch_id TEXT NOT NULL REFERENCES branches(id), handling_unit TEXT, channel TEXT NOT NULL, "
                "category TEXT NOT NULL, business_category TEXT, channel_axis TEXT, cause TEXT, product TEXT, "
                "subject_staff TEXT, priority TEXT NOT NULL, priority_reasons TEXT NOT NULL, status TEXT NOT NULL, "
                "received_at TEXT NOT NULL, received_by TEXT, complainant_name TEXT, complainant_phone TEXT, "
                "complainant_id_number TEXT, customer_reference TEXT, anonymous INTEGER NOT NULL, phone_hash TEXT, "
                "id_number_hash TEXT, parties TEXT NOT NULL, group_size INTEGER NOT NULL, summary TEXT NOT NULL, "
                "demand TEXT, amount_fen ${BIGINT}, assignee_id TEXT, repeat_of TEXT, forwarding_body TEXT, "
                "forwarding_reference TEXT, forwarding_due TEXT, media_outlet TEXT, recording_reference TEXT, "
                "funds_safety INTEGER NOT NULL, threatens_escalation INTEGER NOT NULL, escalated INTEGER NOT NULL, "
                "conduct_issue INTEGER NOT NULL, malicious INTEGER NOT NULL, legal_dispute INTEGER NOT NULL, "
                "resolve_extended INTEGER NOT NULL, extension_reason TEXT, statutory_extensions INTEGER NOT NULL, "
                "registered_at TEXT, dispatched_at TEXT, first_contact_at TEXT, resolved_at TEXT, visited_at TEXT, "
                "closed_at TEXT, reopen_count INTEGER NOT NULL, register_by TEXT, contact_by TEXT, resolve_by TEXT, "
                "statutory_by TEXT, forwarder_by TEXT, visit_by TEXT, due_by TEXT, attention_by TEXT, "
                "revision ${BIGINT} NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX cases_branch_received ON cases (branch_id, received_at)"),
            QStringLiteral("CREATE INDEX cases_received ON cases (received_at, id)"),
            QStringLiteral("CREATE INDEX cases_status_attention ON cases (status, attention_by)"),
            QStringLiteral("CREATE INDEX cases_assignee ON cases (assignee_id, status)"),
            QStringLiteral("CREATE INDEX cases_revision ON cases (revision)"),
            QStringLiteral("CREATE INDEX cases_phone_hash ON cases (phone_hash)"),
            QStringLiteral("CREATE INDEX cases_id_number_hash ON cases (id_number_hash)"),
            // Records and audit events may reach a client before the latest state of their case
            // (pull is ordered by revision), so they do not reference cases by foreign key.
            QStringLiteral("CREATE TABLE case_records (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, "
                           "data TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT, "
                           "revision ${BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX case_records_case ON case_records (case_id, created_at)"),
            QStringLiteral("CREATE INDEX case_records_kind ON case_records (kind, created_at)"),
            QStringLiteral("CREATE INDEX case_records_revision ON case_records (revision)"),
            QStringLiteral("CREATE TABLE audit_events (id TEXT PRIMARY KEY, case_id TEXT, at TEXT NOT NULL, "
                           "actor_id TEXT, action TEXT NOT NULL, from_status TEXT, to_status TEXT, reason TEXT, "
                           "details TEXT NOT NULL, revision ${BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX audit_events_case ON audit_events (case_id, at)"),
            QStringLiteral("CREATE INDEX audit_events_revision ON audit_events (revision)"),
            QStringLiteral(
                "CREATE TABLE corrective_actions (id TEXT PRIMARY KEY, case_id TEXT, branch_id TEXT NOT NULL, "
                "title TEXT NOT NULL, description TEXT, owner TEXT, due_on TEXT, status TEXT NOT NULL, "
                "done_on TEXT, created_at TEXT NOT NULL, created_by TEXT, revision ${BIGINT} NOT NULL)"),
            QStringLiteral("CREATE INDEX corrective_actions_branch ON corrective_actions (branch_id, status)"),
            QStringLiteral("CREATE TABLE number_sequences (prefix TEXT PRIMARY KEY, last_value INTEGER NOT NULL)")},
        [](const Database &database) {
            return database.dialect().appendOnly(QStringLiteral("audit_events"))
                + database.dialect().createSearchIndex();
        }});
    return list;
}

Status CaseStore::migrate()
{
    return SchemaMigrator::migrate(m_database, component(), migrations());
}

Result<qint64> CaseStore::nextRevision()
{
    // One statement (RETURNING: SQLite ≥ 3.35 and PostgreSQL); the row lock it takes serialises writers.
    auto value = m_database.scalar(
        QStringLiteral("UPDATE revision_counter SET value = value + 1 WHERE id = ? RETURNING value"), {1});
    if (!value)
        return value.error();
    return value->toLongLong();
}

Result<qint64> CaseStore::currentRevision()
{
    auto value = m_database.scalar(QStringLiteral("SELECT value FROM revision_counter WHERE id = 1"));
    if (!value)
        return value.error();
    return value->toLongLong();
}

QString CaseStore::protect(const QString &personal, const QString &caseId, QStringView field) const
{
    if (!m_cipher || personal.isEmpty())
        return personal;
    // Bound to the case and field, so a ciphertext copied elsewhere does not decrypt.
    return m_cipher->encrypt(personal, (caseId + QLatin1Char('/') + field).toUtf8());
}

QString CaseStore::reveal(const QString &stored, const QString &caseId, QStringView field) const
{
    if (!m_cipher || stored.isEmpty())
        return stored;
    auto plain = m_cipher->decrypt(stored, (caseId + QLatin1Char('/') + field).toUtf8());
    // A value that cannot be decrypted is shown as unavailable rather than leaking ciphertext.
    return plain ? plain.value() : QString();
}

Status CaseStore::writeCase(const QString &verb, const Case &c)
{
    const QVariantList values = {c.id, c.number, c.branchId, SqlValue::text(c.handlingUnit), toCode(c.channel),
        c.category, SqlValue::text(c.businessCategory), SqlValue::text(c.channelAxis), SqlValue::text(c.cause),
        SqlValue::text(c.product), SqlValue::text(c.subjectStaff), toCode(c.priority),
        SqlValue::json(reasonsToJson(c.priorityReasons)), toCode(c.status), SqlValue::time(c.receivedAt),
        SqlValue::text(c.receivedBy), SqlValue::text(c.complainant.name),
        SqlValue::text(protect(c.complainant.phone, c.id, u"phone")),
        SqlValue::text(protect(c.complainant.idNumber, c.id, u"id_number")),
        SqlValue::text(c.complainant.customerReference), int(c.complainant.anonymous), SqlValue::text(c.phoneHash),
        SqlValue::text(c.idNumberHash), SqlValue::json(partiesToJson(c.parties)), c.groupSize, c.summary,
        SqlValue::text(c.demand), c.amount ? QVariant(c.amount->fen()) : QVariant(QMetaType::fromType<qlonglong>()),
        SqlValue::text(c.assigneeId), SqlValue::text(c.repeatOf), SqlValue::text(c.forwarding.body),
        SqlValue::text(c.forwarding.reference), SqlValue::date(c.forwarding.dueDate), SqlValue::text(c.mediaOutlet),
        SqlValue::text(c.recordingReference), int(c.fundsSafety), int(c.threatensEscalation), int(c.escalated),
        int(c.conductIssue), int(c.malicious), int(c.legalDispute), int(c.resolveExtended),
        SqlValue::text(c.extensionReason), c.statutoryExtensions, SqlValue::time(c.registeredAt),
        SqlValue::time(c.dispatchedAt), SqlValue::time(c.firstContactAt), SqlValue::time(c.resolvedAt),
        SqlValue::time(c.visitedAt), SqlValue::time(c.closedAt), c.reopenCount, SqlValue::date(c.deadlines.registerBy),
        SqlValue::date(c.deadlines.contactBy), SqlValue::date(c.deadlines.resolveBy),
        SqlValue::date(c.deadlines.statutoryBy), SqlValue::date(c.deadlines.forwarderBy),
        SqlValue::date(c.deadlines.visitBy), SqlValue::date(c.deadlines.dueBy), SqlValue::date(attentionDate(c)),
        c.revision, SqlValue::time(c.createdAt), SqlValue::time(c.updatedAt)};
    Q_ASSERT(values.size() == caseColumns.size());

    QString sql;
    if (verb == QLatin1String("update")) {
        QStringList sets;
        for (const QString &column : caseColumns.mid(1))
            sets.append(column + QStringLiteral(" = ?"));
        sql = QStringLiteral("UPDATE cases SET %1 WHERE id = ?").arg(sets.join(QStringLiteral(", ")));
        QVariantList bindings = values.mid(1);
        bindings.append(c.id);
        auto result = m_database.exec(sql, bindings);
        if (!result)
            return result.error();
        if (result->numRowsAffected() != 1)
            return Error {QStringLiteral("not_found"), tr("Case %1 does not exist.").arg(c.id), {}};
    } else {
        sql = QStringLiteral("INSERT INTO cases (%1) VALUES (%2)")
                  .arg(caseColumns.join(QStringLiteral(", ")), placeholders(caseColumns.size()));
        if (verb == QLatin1String("upsert"))
            sql += m_database.dialect().upsertSuffix(QStringLiteral("id"), caseColumns.mid(1));
        auto result = m_database.exec(sql, values);
        if (!result)
            return result.error();
    }
    return writeSearchDocument(c);
}

Status CaseStore::writeSearchDocument(const Case &c)
{
    // SQLite's FTS5 table cannot find its UNINDEXED case_id without reading every row, which made each
    // case write slower as the table grew. There a case's document lives at a rowid derived from the
    // case id (stable across VACUUM, unlike the cases table's own rowids). PostgreSQL's case_search has
    // case_id as its primary key.
    const bool sqlite = m_database.dialect().name() == QLatin1String("sqlite");
    const QByteArray digest = QCryptographicHash::hash(c.id.toUtf8(), QCryptographicHash::Sha1);
    const qint64 rowid = qint64(qFromBigEndian<quint64>(digest.constData()) & 0x7fffffffffffffffULL);
    auto removed = sqlite ? m_database.exec(QStringLiteral("DELETE FROM case_search WHERE rowid = ?"), {rowid})
                          : m_database.exec(QStringLiteral("DELETE FROM case_search WHERE case_id = ?"), {c.id});
    if (!removed)
        return removed.error();
    const QString document = QStringList {c.number, c.complainant.name, c.summary, c.demand, c.forwarding.reference,
        c.complainant.customerReference, c.mediaOutlet, c.product}
                                 .join(QLatin1Char('\n'));
    auto inserted = sqlite
        ? m_database.exec(QStringLiteral("INSERT INTO case_search (rowid, case_id, document) VALUES (?, ?, ?)"),
            {rowid, c.id, document})
        : m_database.exec(
            QStringLiteral("INSERT INTO case_search (case_id, document) VALUES (?, ?)"), {c.id, document});
    if (!inserted)
        return inserted.error();
    return {};
}

Status CaseStore::insertCase(const Case &c)
{
    // Inside a caller's transaction the caller rolls back on failure; a savepoint per row would make
    // the full-text index flush on every write.
    if (m_database.inTransaction())
        return writeCase(QStringLiteral("insert"), c);
    auto transaction = m_database.transaction();
    if (auto ok = writeCase(QStringLiteral("insert"), c); !ok)
        return ok;
    return transaction.commit();
}

Status CaseStore::updateCase(const Case &c)
{
    // Inside a caller's transaction the caller rolls back on failure; a savepoint per row would make
    // the full-text index flush on every write.
    if (m_database.inTransaction())
        return writeCase(QStringLiteral("update"), c);
    auto transaction = m_database.transaction();
    if (auto ok = writeCase(QStringLiteral("update"), c); !ok)
        return ok;
    return transaction.commit();
}

Status CaseStore::upsertCase(const Case &c)
{
    // Inside a caller's transaction the caller rolls back on failure; a savepoint per row would make
    // the full-text index flush on every write.
    if (m_database.inTransaction())
        return writeCase(QStringLiteral("upsert"), c);
    auto transaction = m_database.transaction();
    if (auto ok = writeCase(QStringLiteral("upsert"), c); !ok)
        return ok;
    return transaction.commit();
}

Case CaseStore::readCase(const QSqlQuery &q) const
{
    int i = 0;
    auto next = [&q, &i]() { return q.value(i++); };
    auto text = [&next]() { return next().toString(); };
    auto flag = [&next]() { return next().toInt() != 0; };
    Case c;
    c.id = text();
    c.number = text();
    c.branchId = text();
    c.handlingUnit = text();
    c.channel = fromCode<Channel>(text()).value_or(Channel::WalkIn);
    c.category = text();
    c.businessCategory = text();
    c.channelAxis = text();
    c.cause = text();
    c.product = text();
    c.subjectStaff = text();
    c.priority = fromCode<Priority>(text()).value_or(Priority::Normal);
    c.priorityReasons = reasonsFromJson(SqlValue::jsonArray(next()));
    c.status = fromCode<CaseStatus>(text()).value_or(CaseStatus::Received);
    c.receivedAt = SqlValue::time(next());
    c.receivedBy = text();
    c.complainant.name = text();
    c.complainant.phone = reveal(text(), c.id, u"phone");
    c.complainant.idNumber = reveal(text(), c.id, u"id_number");
    c.complainant.customerReference = text();
    c.complainant.anonymous = flag();
    c.phoneHash = text();
    c.idNumberHash = text();
    c.parties = partiesFromJson(SqlValue::jsonArray(next()));
    c.groupSize = next().toInt();
    c.summary = text();
    c.demand = text();
    if (const QVariant amount = next(); !amount.isNull())
        c.amount = Money::fromFen(amount.toLongLong());
    c.assigneeId = text();
    c.repeatOf = text();
    c.forwarding.body = text();
    c.forwarding.reference = text();
    c.forwarding.dueDate = SqlValue::date(next());
    c.mediaOutlet = text();
    c.recordingReference = text();
    c.fundsSafety = flag();
    c.threatensEscalation = flag();
    c.escalated = flag();
    c.conductIssue = flag();
    c.malicious = flag();
    c.legalDispute = flag();
    c.resolveExtended = flag();
    c.extensionReason = text();
    c.statutoryExtensions = next().toInt();
    c.registeredAt = SqlValue::time(next());
    c.dispatchedAt = SqlValue::time(next());
    c.firstContactAt = SqlValue::time(next());
    c.resolvedAt = SqlValue::time(next());
    c.visitedAt = SqlValue::time(next());
    c.closedAt = SqlValue::time(next());
    c.reopenCount = next().toInt();
    c.deadlines.registerBy = SqlValue::date(next());
    c.deadlines.contactBy = SqlValue::date(next());
    c.deadlines.resolveBy = SqlValue::date(next());
    c.deadlines.statutoryBy = SqlValue::date(next());
    c.deadlines.forwarderBy = SqlValue::date(next());
    c.deadlines.visitBy = SqlValue::date(next());
    c.deadlines.dueBy = SqlValue::date(next());
    next(); // attention_by is derived from status and deadlines
    c.revision = next().toLongLong();
    c.createdAt = SqlValue::time(next());
    c.updatedAt = SqlValue::time(next());
    return c;
}

Result<QList<Case>> CaseStore::selectCases(const QString &where, const QVariantList &bindings, const QString &tail)
{
    const QString sql
        = QStringLiteral("SELECT %1 FROM cases WHERE %2 %3").arg(caseColumns.join(QStringLiteral(", ")), where, tail);
    return selectAll<Case>(m_database, sql, bindings, [this](const QSqlQuery &q) { return readCase(q); });
}

Result<std::optional<Case>> CaseStore::findCase(const QString &id)
{
    return firstOf(selectCases(QStringLiteral("id = ?"), {id}));
}

Result<std::optional<Case>> CaseStore::findCaseByNumber(const QString &number)
{
    return firstOf(selectCases(QStringLiteral("number = ?"), {number}));
}

namespace {
// Builds the WHERE clause shared by listing and counting.
QString filterClause(const CaseQuery &query, const SqlDialect &dialect, QVariantList &bindings)
{
    QStringList conditions {QStringLiteral("1 = 1")};
    if (!query.branchIds.isEmpty()) {
        conditions.append(QStringLiteral("branch_id IN (%1)").arg(placeholders(query.branchIds.size())));
        for (const QString &id : query.branchIds)
            bindings.append(id);
    }
    if (!query.statuses.isEmpty()) {
        conditions.append(QStringLiteral("status IN (%1)").arg(placeholders(query.statuses.size())));
        for (CaseStatus status : query.statuses)
            bindings.append(toCode(status));
    }
    if (!query.assigneeId.isEmpty()) {
        conditions.append(QStringLiteral("assignee_id = ?"));
        bindings.append(query.assigneeId);
    }
    if (query.unassignedOnly)
        conditions.append(QStringLiteral("assignee_id IS NULL"));
    if (!query.handlingUnit.isEmpty()) {
        conditions.append(QStringLiteral("handling_unit = ?"));
        bindings.append(query.handlingUnit);
    }
    if (!query.category.isEmpty()) {
        conditions.append(QStringLiteral("category = ?"));
        bindings.append(query.category);
    }
    if (query.priority) {
        conditions.append(QStringLiteral("priority = ?"));
        bindings.append(toCode(*query.priority));
    }
    if (query.overdue && query.today.isValid()) {
        conditions.append(*query.overdue ? QStringLiteral("attention_by < ?")
                                         : QStringLiteral("(attention_by IS NULL OR attention_by >= ?)"));
        bindings.append(SqlValue::date(query.today));
    }
    if (query.attentionOnOrBefore.isValid()) {
        conditions.append(QStringLiteral("attention_by <= ?"));
        bindings.append(SqlValue::date(query.attentionOnOrBefore));
    }
    if (query.repeatsOnly)
        conditions.append(QStringLiteral("repeat_of IS NOT NULL"));
    if (query.receivedFrom.isValid()) {
        conditions.append(QStringLiteral("received_at >= ?"));
        bindings.append(SqlValue::time(query.receivedFrom.startOfDay(Qt::UTC)));
    }
    if (query.receivedTo.isValid()) {
        conditions.append(QStringLiteral("received_at < ?"));
        bindings.append(SqlValue::time(query.receivedTo.addDays(1).startOfDay(Qt::UTC)));
    }
    const auto since = [&](const char *column, const QDateTime &from, const QDateTime &before) {
        if (from.isValid()) {
            conditions.append(QLatin1String(column) + QStringLiteral(" >= ?"));
            bindings.append(SqlValue::time(from));
        }
        if (before.isValid()) {
            conditions.append(QLatin1String(column) + QStringLiteral(" < ?"));
            bindings.append(SqlValue::time(before));
        }
    };
    since("received_at", query.receivedSince, query.receivedBefore);
    since("resolved_at", query.resolvedSince, query.resolvedBefore);
    if (query.openAt.isValid()) {
        conditions.append(QStringLiteral("received_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) "
                                         "AND (closed_at IS NULL OR closed_at >= ?)"));
        for (int i = 0; i < 3; ++i)
            bindings.append(SqlValue::time(query.openAt));
    }
    if (query.dueBefore.isValid()) {
        conditions.append(QStringLiteral("due_by < ?"));
        bindings.append(SqlValue::date(query.dueBefore));
    }
    const QStringList terms = query.text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!terms.isEmpty()) {
        QStringList termConditions;
        for (const QString &term : terms) {
            termConditions.append(dialect.searchTermCondition());
            bindings.append(likePattern(term));
        }
        conditions.append(QStringLiteral("id IN (SELECT case_id FROM case_search WHERE %1)")
                              .arg(termConditions.join(QStringLiteral(" AND "))));
    }
    return conditions.join(QStringLiteral(" AND "));
}
} // namespace

Result<CasePage> CaseStore::listCases(const CaseQuery &query)
{
    QVariantList bindings;
    QString where = filterClause(query, m_database.dialect(), bindings);
    QString keyColumn;
    bool descending = true;
    switch (query.order) {
    case CaseQuery::Order::ReceivedNewestFirst:
        keyColumn = QStringLiteral("received_at");
        break;
    case CaseQuery::Order::AttentionSoonestFirst:
        keyColumn = QStringLiteral("COALESCE(attention_by, '9999-12-31')");
        descending = false;
        break;
    case CaseQuery::Order::UpdatedNewestFirst:
        keyColumn = QStringLiteral("updated_at");
        break;
    }
    if (!query.cursor.isEmpty()) {
        const auto cursor = decodeCursor(query.order, query.cursor);
        if (!cursor) {
            return Error {QStringLiteral("invalid_cursor"), tr("The page cursor is not valid for this listing."),
                {{QStringLiteral("field"), QStringLiteral("cursor")}}};
        }
        where += descending ? QStringLiteral(" AND (%1 < ? OR (%1 = ? AND id < ?))").arg(keyColumn)
                            : QStringLiteral(" AND (%1 > ? OR (%1 = ? AND id > ?))").arg(keyColumn);
        bindings << cursor->key << cursor->key << cursor->id;
    }
    const int limit = qBound(1, query.limit, 1000);
    const QString direction = descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString tail = QStringLiteral("ORDER BY %1 %2, id %2 LIMIT %3").arg(keyColumn, direction).arg(limit + 1);
    auto cases = selectCases(where, bindings, tail);
    if (!cases)
        return cases.error();
    CasePage page;
    page.cases = std::move(cases.value());
    if (page.cases.size() > limit) {
        page.cases.removeLast();
        const Case &last = page.cases.last();
        QString key;
        switch (query.order) {
        case CaseQuery::Order::ReceivedNewestFirst:
            key = SqlValue::time(last.receivedAt).toString();
            break;
        case CaseQuery::Order::AttentionSoonestFirst: {
            const QDate attention = attentionDate(last);
            key = attention.isValid() ? attention.toString(Qt::ISODate) : QStringLiteral("9999-12-31");
            break;
        }
        case CaseQuery::Order::UpdatedNewestFirst:
            key = SqlValue::time(last.updatedAt).toString();
            break;
        }
        page.nextCursor = encodeCursor(query.order, key, last.id);
    }
    return page;
}

Result<qint64> CaseStore::countCases(const CaseQuery &query)
{
    QVariantList bindings;
    const QString where = filterClause(query, m_database.dialect(), bindings);
    auto count = m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM cases WHERE ") + where, bindings);
    if (!count)
        return count.error();
    return count->toLongLong();
}

Result<QList<Case>> CaseStore::findByContact(const QString &phoneHash, const QString &idNumberHash,
    const QString &category, const QDateTime &since, const QString &excludeId)
{
    if (phoneHash.isEmpty() && idNumberHash.isEmpty())
        return QList<Case>();
    return selectCases(QStringLiteral("(phone_hash = ? OR id_number_hash = ?) AND category = ? AND received_at >= ? "
                                      "AND id <> ?"),
        {phoneHash.isEmpty() ? QStringLiteral("-") : phoneHash,
            idNumberHash.isEmpty() ? QStringLiteral("-") : idNumberHash, category, SqlValue::time(since),
            excludeId.isNull() ? QStringLiteral("") : excludeId},
        QStringLiteral("ORDER BY received_at DESC"));
}

Result<int> CaseStore::lastNumberSequence(const QString &prefix)
{
    // A range on the unique index of numbers (the sequence digits sort below ':'). Read backwards it
    // gives the highest 4-digit sequence at once, instead of a LIKE that scanned the whole table; only
    // a prefix past 9999 (5+ digits, which sort lower) needs the longer look at all its numbers.
    const QVariantList range = {prefix, QString(prefix + QLatin1Char(':'))};
    auto highest = [this, &prefix, &range](const QString &order) -> Result<int> {
        auto numbers = m_database.exec(
            QStringLiteral("SELECT number FROM cases WHERE number >= ? AND number < ? ORDER BY %1 LIMIT 1").arg(order),
            range);
        if (!numbers)
            return numbers.error();
        int last = 0;
        while (numbers->next()) {
            bool ok = false;
            const int sequence = numbers->value(0).toString().mid(prefix.size()).toInt(&ok);
            if (ok)
                last = qMax(last, sequence);
        }
        return last;
    };
    auto last = highest(QStringLiteral("number DESC"));
    if (!last || *last < 9999)
        return last;
    return highest(QStringLiteral("LENGTH(number) DESC, number DESC"));
}

Status CaseStore::writeRecord(const QString &verb, const CaseRecord &record)
{
    QString sql = QStringLiteral("INSERT INTO case_records (id, case_id, kind, data, created_at, created_by, revision) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (verb == QLatin1String("upsert")) {
        sql += m_database.dialect().upsertSuffix(
            QStringLiteral("id"), {QStringLiteral("data"), QStringLiteral("revision")});
    }
    auto result = m_database.exec(sql,
        {record.id, record.caseId, record.kind, SqlValue::json(record.data), SqlValue::time(record.createdAt),
            SqlValue::text(record.createdBy), record.revision});
    if (!result)
        return result.error();
    return {};
}

Status CaseStore::appendRecord(const CaseRecord &record)
{
    return writeRecord(QStringLiteral("insert"), record);
}

Status CaseStore::upsertRecord(const CaseRecord &record)
{
    return writeRecord(QStringLiteral("upsert"), record);
}

namespace {
const QString recordColumns = QStringLiteral("id, case_id, kind, data, created_at, created_by, revision");

CaseRecord readRecord(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), SqlValue::jsonObject(q.value(3)),
        SqlValue::time(q.value(4)), q.value(5).toString(), q.value(6).toLongLong()};
}
} // namespace

Result<QList<CaseRecord>> CaseStore::records(const QString &caseId, const QString &kind)
{
    if (kind.isEmpty()) {
        return selectAll<CaseRecord>(m_database,
            QStringLiteral("SELECT %1 FROM case_records WHERE case_id = ? ORDER BY created_at, id").arg(recordColumns),
            {caseId}, readRecord);
    }
    return selectAll<CaseRecord>(m_database,
        QStringLiteral("SELECT %1 FROM case_records WHERE case_id = ? AND kind = ? ORDER BY created_at, id")
            .arg(recordColumns),
        {caseId, kind}, readRecord);
}

Result<std::optional<CaseRecord>> CaseStore::findRecord(const QString &id)
{
    return firstOf(selectAll<CaseRecord>(
        m_database, QStringLiteral("SELECT %1 FROM case_records WHERE id = ?").arg(recordColumns), {id}, readRecord));
}

Status CaseStore::writeAudit(const QString &verb, const AuditEvent &event)
{
    QString sql = QStringLiteral("INSERT INTO audit_events (id, case_id, at, actor_id, action, from_status, to_status, "
                                 "reason, details, revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // The trail is append-only: a client re-applying a pulled event must not try to rewrite it.
    if (verb == QLatin1String("upsert"))
        sql += QStringLiteral(" ON CONFLICT (id) DO NOTHING");
    auto result = m_database.exec(sql,
        {event.id, SqlValue::text(event.caseId), SqlValue::time(event.at), SqlValue::text(event.actorId), event.action,
            event.fromStatus ? QVariant(toCode(*event.fromStatus)) : QVariant(QMetaType::fromType<QString>()),
            event.toStatus ? QVariant(toCode(*event.toStatus)) : QVariant(QMetaType::fromType<QString>()),
            SqlValue::text(event.reason), SqlValue::json(event.details), event.revision});
    if (!result)
        return result.error();
    return {};
}

Status CaseStore::appendAudit(const AuditEvent &event)
{
    return writeAudit(QStringLiteral("insert"), event);
}

Status CaseStore::upsertAudit(const AuditEvent &event)
{
    return writeAudit(QStringLiteral("upsert"), event);
}

namespace {
const QString auditColumns
    = QStringLiteral("id, case_id, at, actor_id, action, from_status, to_status, reason, details, revision");

AuditEvent readAudit(const QSqlQuery &q)
{
    AuditEvent e;
    e.id = q.value(0).toString();
    e.caseId = q.value(1).toString();
    e.at = SqlValue::time(q.value(2));
    e.actorId = q.value(3).toString();
    e.action = q.value(4).toString();
    if (!q.value(5).isNull())
        e.fromStatus = fromCode<CaseStatus>(q.value(5).toString());
    if (!q.value(6).isNull())
        e.toStatus = fromCode<CaseStatus>(q.value(6).toString());
    e.reason = q.value(7).toString();
    e.details = SqlValue::jsonObject(q.value(8));
    e.revision = q.value(9).toLongLong();
    return e;
}
} // namespace

Result<QList<AuditEvent>> CaseStore::auditTrail(const QString &caseId)
{
    return selectAll<AuditEvent>(m_database,
        QStringLiteral("SELECT %1 FROM audit_events WHERE case_id = ? ORDER BY at, revision, id").arg(auditColumns),
        {caseId}, readAudit);
}

Result<std::optional<AuditEvent>> CaseStore::findAuditEvent(const QString &id)
{
    return firstOf(selectAll<AuditEvent>(
        m_database, QStringLiteral("SELECT %1 FROM audit_events WHERE id = ?").arg(auditColumns), {id}, readAudit));
}

Status CaseStore::saveCorrectiveAction(const CorrectiveAction &a)
{
    const QStringList columns = {QStringLiteral("id"), QStringLiteral("case_id"), QStringLiteral("branch_id"),
        QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("owner"), QStringLiteral("due_on"),
        QStringLiteral("status"), QStringLiteral("done_on"), QStringLiteral("created_at"), QStringLiteral("created_by"),
        QStringLiteral("revision")};
    const QString sql = QStringLiteral("INSERT INTO corrective_actions (%1) VALUES (%2)")
                            .arg(columns.join(QStringLiteral(", ")), placeholders(columns.size()))
        + m_database.dialect().upsertSuffix(QStringLiteral("id"), columns.mid(1));
    auto result = m_database.exec(sql,
        {a.id, SqlValue::text(a.caseId), a.branchId, a.title, SqlValue::text(a.description), SqlValue::text(a.owner),
            SqlValue::date(a.dueOn), a.status, SqlValue::date(a.doneOn), SqlValue::time(a.createdAt),
            SqlValue::text(a.createdBy), a.revision});
    if (!result)
        return result.error();
    return {};
}

namespace {
const QString correctiveColumns = QStringLiteral(
    "id, case_id, branch_id, title, description, owner, due_on, status, done_on, created_at, created_by, revision");

CorrectiveAction readCorrectiveAction(const QSqlQuery &q)
{
    CorrectiveAction a;
    a.id = q.value(0).toString();
    a.caseId = q.value(1).toString();
    a.branchId = q.value(2).toString();
    a.title = q.value(3).toString();
    a.description = q.value(4).toString();
    a.owner = q.value(5).toString();
    a.dueOn = SqlValue::date(q.value(6));
    a.status = q.value(7).toString();
    a.doneOn = SqlValue::date(q.value(8));
    a.createdAt = SqlValue::time(q.value(9));
    a.createdBy = q.value(10).toString();
    a.revision = q.value(11).toLongLong();
    return a;
}
} // namespace

Result<std::optional<CorrectiveAction>> CaseStore::findCorrectiveAction(const QString &id)
{
    return firstOf(selectAll<CorrectiveAction>(m_database,
        QStringLiteral("SELECT %1 FROM corrective_actions WHERE id = ?").arg(correctiveColumns), {id},
        readCorrectiveAction));
}

Result<QList<CorrectiveAction>> CaseStore::correctiveActions(const QStringList &branchIds, const QString &caseId)
{
    QStringList conditions {QStringLiteral("1 = 1")};
    QVariantList bindings;
    if (!branchIds.isEmpty()) {
        conditions.append(QStringLiteral("branch_id IN (%1)").arg(placeholders(branchIds.size())));
        for (const QString &id : branchIds)
            bindings.append(id);
    }
    if (!caseId.isEmpty()) {
        conditions.append(QStringLiteral("case_id = ?"));
        bindings.append(caseId);
    }
    return selectAll<CorrectiveAction>(m_database,
        QStringLiteral("SELECT %1 FROM corrective_actions WHERE %2 ORDER BY due_on, id")
            .arg(correctiveColumns, conditions.join(QStringLiteral(" AND "))),
        bindings, readCorrectiveAction);
}

Status CaseStore::saveBranch(const Branch &b)
{
    const QStringList columns = {QStringLiteral("id"), QStringLiteral("code"), QStringLiteral("name"),
        QStringLiteral("parent_id"), QStringLiteral("time_zone"), QStringLiteral("cutoff"), QStringLiteral("active"),
        QStringLiteral("revision")};
    const QString sql = QStringLiteral("INSERT INTO branches (%1) VALUES (%2)")
                            .arg(columns.join(QStringLiteral(", ")), placeholders(columns.size()))
        + m_database.dialect().upsertSuffix(QStringLiteral("id"), columns.mid(1));
    auto result = m_database.exec(sql,
        {b.id, b.code, b.name, SqlValue::text(b.parentId), b.timeZone, b.cutoff.toString(QStringLiteral("HH:mm")),
            int(b.active), b.revision});
    if (!result)
        return result.error();
    return {};
}

namespace {
const QString branchColumns = QStringLiteral("id, code, name, parent_id, time_zone, cutoff, active, revision");

Branch readBranch(const QSqlQuery &q)
{
    Branch b;
    b.id = q.value(0).toString();
    b.code = q.value(1).toString();
    b.name = q.value(2).toString();
    b.parentId = q.value(3).toString();
    b.timeZone = q.value(4).toString();
    b.cutoff = QTime::fromString(q.value(5).toString(), QStringLiteral("HH:mm"));
    b.active = q.value(6).toInt() != 0;
    b.revision = q.value(7).toLongLong();
    return b;
}
} // namespace

Result<QList<Branch>> CaseStore::branches()
{
    return selectAll<Branch>(
        m_database, QStringLiteral("SELECT %1 FROM branches ORDER BY code").arg(branchColumns), {}, readBranch);
}

Result<std::optional<Branch>> CaseStore::findBranch(const QString &id)
{
    return firstOf(selectAll<Branch>(
        m_database, QStringLiteral("SELECT %1 FROM branches WHERE id = ?").arg(branchColumns), {id}, readBranch));
}

Result<std::optional<Branch>> CaseStore::findBranchByCode(const QString &code)
{
    return firstOf(selectAll<Branch>(
        m_database, QStringLiteral("SELECT %1 FROM branches WHERE code = ?").arg(branchColumns), {code}, readBranch));
}

Result<QStringList> CaseStore::branchSubtree(const QString &branchId)
{
    auto all = branches();
    if (!all)
        return all.error();
    QStringList subtree {branchId};
    // Breadth-first over the (small) branch list; guards against a cycle written by hand.
    for (int i = 0; i < subtree.size() && subtree.size() <= all->size(); ++i) {
        for (const Branch &b : all.value()) {
            if (b.parentId == subtree.at(i) && !subtree.contains(b.id))
                subtree.append(b.id);
        }
    }
    return subtree;
}

Status CaseStore::saveUser(const User &u)
{
    QStringList roles;
    for (Role role : u.roles)
        roles.append(toCode(role));
    const QStringList columns = {QStringLiteral("id"), QStringLiteral("login"), QStringLiteral("name"),
        QStringLiteral("roles"), QStringLiteral("branch_id"), QStringLiteral("unit"), QStringLiteral("phone"),
        QStringLiteral("disabled"), QStringLiteral("revision")};
    const QString sql = QStringLiteral("INSERT INTO users (%1) VALUES (%2)")
                            .arg(columns.join(QStringLiteral(", ")), placeholders(columns.size()))
        + m_database.dialect().upsertSuffix(QStringLiteral("id"), columns.mid(1));
    auto result = m_database.exec(sql,
        {u.id, u.login, u.name, roles.join(QLatin1Char(',')), u.branchId, SqlValue::text(u.unit),
            SqlValue::text(u.phone), int(u.disabled), u.revision});
    if (!result)
        return result.error();
    return {};
}

namespace {
const QString userColumns = QStringLiteral("id, login, name, roles, branch_id, unit, phone, disabled, revision");

User readUser(const QSqlQuery &q)
{
    User u;
    u.id = q.value(0).toString();
    u.login = q.value(1).toString();
    u.name = q.value(2).toString();
    for (const QString &code : q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (auto role = fromCode<Role>(code))
            u.roles.append(*role);
    }
    u.branchId = q.value(4).toString();
    u.unit = q.value(5).toString();
    u.phone = q.value(6).toString();
    u.disabled = q.value(7).toInt() != 0;
    u.revision = q.value(8).toLongLong();
    return u;
}
} // namespace

Result<QList<User>> CaseStore::users()
{
    return selectAll<User>(
        m_database, QStringLiteral("SELECT %1 FROM users ORDER BY login").arg(userColumns), {}, readUser);
}

Result<std::optional<User>> CaseStore::findUser(const QString &id)
{
    return firstOf(selectAll<User>(
        m_database, QStringLiteral("SELECT %1 FROM users WHERE id = ?").arg(userColumns), {id}, readUser));
}

Result<std::optional<User>> CaseStore::findUserByLogin(const QString &login)
{
    return firstOf(selectAll<User>(
        m_database, QStringLiteral("SELECT %1 FROM users WHERE login = ?").arg(userColumns), {login}, readUser));
}

} // namespace casedesk
