#include "report/MonthlyReportEngine.h"

#include "report/EarlyWarning.h"
#include "report/KpiDefinitions.h"
#include "report/ReportTerms.h"
#include "storage/CaseStore.h"
#include "storage/Database.h"
#include "storage/SqlValue.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <functional>
#include <tuple>

namespace casedesk {

namespace {

// The report reads the report month and the 12 before it in one pass: bucket 12 is the month itself,
// 11 the previous month (环比), 0 the same month a year earlier (同比), 1..12 the trend, and the months
// before the report month the early-warning baseline.
constexpr int Buckets = 13;
constexpr int Current = Buckets - 1;
constexpr int Previous = Buckets - 2;
constexpr int LastYear = 0;
constexpr std::array<int, 3> StockBuckets = {LastYear, Previous, Current};

QString timeText(const QDateTime &at)
{
    return SqlValue::time(at).toString();
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

// The branches of the scope that share a time zone, and the UTC instants at which their months begin:
// bounds[i] is the start of bucket i, bounds[Buckets] the end of the report month.
struct ZoneSlice
{
    QTimeZone zone;
    QStringList branchIds;
    QList<QDateTime> bounds;
    QDateTime now;
    bool everything = false; // the slice holds every branch there is: no branch filter needed

    // "column IN (?, ?)" with its bindings appended.
    QString inScope(const QString &column, QVariantList &bindings) const
    {
        for (const QString &id : branchIds)
            bindings.append(id);
        return QStringLiteral("%1 IN (%2)").arg(column, placeholders(branchIds.size()));
    }
    // "column IN (SELECT id FROM cases WHERE branch_id IN (?, ?))": records of the slice's cases. Cheaper
    // than joining every record to its case when only the branch matters (one set built, no lookups).
    QString casesInScope(const QString &column, QVariantList &bindings) const
    {
        return QStringLiteral("%1 IN (SELECT id FROM cases WHERE %2)")
            .arg(column, inScope(QStringLiteral("branch_id"), bindings));
    }
    // The end of a bucket's month as far as it has happened: the month end, or now for the running month.
    QDateTime stockInstant(int bucket) const { return qMin(bounds.at(bucket + 1), now); }
    // The first local date that is past the bucket: a due date before it was missed.
    QDate stockDate(int bucket) const { return stockInstant(bucket).toTimeZone(zone).date(); }
};

// CASE expression giving the bucket of a UTC text timestamp column; rows must lie in [bounds[0], bounds[13]).
QString bucketOf(const QString &column, const ZoneSlice &slice, QVariantList &bindings)
{
    QString expression = QStringLiteral("CASE");
    for (int i = 1; i < Buckets; ++i) {
        expression += QStringLiteral(" WHEN %1 < ? THEN %2").arg(column).arg(i - 1);
        bindings.append(timeText(slice.bounds.at(i)));
    }
    return expression + QStringLiteral(" ELSE %1 END").arg(Current);
}

// The branch-local YYYY-MM-DD date of a UTC text timestamp column within the slice's span, exact across
// daylight-saving changes: the offsets and their change instants come from the zone database here.
QString localDateOf(const QString &column, const ZoneSlice &slice, const SqlDialect &dialect, QVariantList &bindings)
{
    const QDateTime from = slice.bounds.first();
    const QDateTime to = slice.bounds.last();
    int offset = slice.zone.offsetFromUtc(from);
    const QTimeZone::OffsetDataList transitions = slice.zone.transitions(from, to);
    if (transitions.isEmpty())
        return dialect.shiftedDate(column, offset);
    QString expression = QStringLiteral("CASE");
    for (const QTimeZone::OffsetData &transition : transitions) {
        expression += QStringLiteral(" WHEN %1 < ? THEN %2").arg(column, dialect.shiftedDate(column, offset));
        bindings.append(timeText(transition.atUtc));
        offset = transition.offsetFromUtc;
    }
    return expression + QStringLiteral(" ELSE %1 END").arg(dialect.shiftedDate(column, offset));
}

// The counting state of one report, filled slice by slice; every tally is additive.
struct Tallies
{
    std::array<MonthlyReport::Figures, Buckets> figures;
    QHash<QString, std::array<qint64, Buckets>> byCategory;
    QHash<QString, std::array<qint64, Buckets>> byBranch;
    QHash<QString, qint64> byChannel;
    QHash<QString, qint64> byPriority;
    QHash<QString, qint64> byChannelAxis;
    QHash<QString, qint64> byBusiness;
    QHash<QString, qint64> byCause;
    QHash<QString, MonthlyReport::Handler> handlers;
    QList<MonthlyReport::ListedCase> repeats;
    QList<MonthlyReport::ListedCase> escalated;
    qint64 escalatedTotal = 0;
};

// Runs the report's SQL for one time-zone slice of the scope and adds the results to the tallies.
class SliceQueries
{
public:
    SliceQueries(Database &database, const CaseRules &rules, const QHash<QString, Branch> &branches,
        const ZoneSlice &slice, int listLimit, Tallies &tallies)
        : m_database(database)
        , m_rules(rules)
        , m_branches(branches)
        , m_slice(slice)
        , m_listLimit(listLimit)
        , m_tallies(tallies)
    { }

    Status run()
    {
        for (auto step : {&SliceQueries::received, &SliceQueries::dimensions, &SliceQueries::resolved,
                 &SliceQueries::resolvedCases, &SliceQueries::visits, &SliceQueries::extensions, &SliceQueries::stock,
                 &SliceQueries::repeatList, &SliceQueries::escalatedList}) {
            if (auto ok = (this->*step)(); !ok)
                return ok;
        }
        return {};
    }

private:
    const SqlDialect &dialect() const { return m_database.dialect(); }
    QString bound(int i) const { return timeText(m_slice.bounds.at(i)); }

    MonthlyReport::Handler &handler(const QString &userId)
    {
        auto it = m_tallies.handlers.find(userId);
        if (it == m_tallies.handlers.end()) {
            it = m_tallies.handlers.insert(userId, MonthlyReport::Handler {});
            it->userId = userId;
        }
        return *it;
    }

    // Received per month, category and branch; repeats among them (received, repeat_rate, trend, warnings).
    Status received()
    {
        QVariantList b;
        QString sql = QStringLiteral("SELECT %1, category, branch_id, COUNT(*), "
                                     "SUM(CASE WHEN repeat_of IS NOT NULL THEN 1 ELSE 0 END) FROM cases WHERE ")
                          .arg(bucketOf(QStringLiteral("received_at"), m_slice, b));
        sql += m_slice.inScope(QStringLiteral("branch_id"), b);
        sql += QStringLiteral(" AND received_at >= ? AND received_at < ? GROUP BY 1, 2, 3");
        b << bound(0) << bound(Buckets);
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        while (q->next()) {
            const int bucket = q->value(0).toInt();
            const qint64 count = q->value(3).toLongLong();
            m_tallies.figures[bucket].received += count;
            m_tallies.figures[bucket].repeats += q->value(4).toLongLong();
            m_tallies.byCategory[q->value(1).toString()][bucket] += count;
            m_tallies.byBranch[q->value(2).toString()][bucket] += count;
        }
        return {};
    }

    // The month's distributions on the other dimensions (one GROUP BY over the month's index range).
    Status dimensions()
    {
        QVariantList b;
        QString sql = QStringLiteral("SELECT channel, priority, channel_axis, business_category, cause, COUNT(*) "
                                     "FROM cases WHERE ");
        sql += m_slice.inScope(QStringLiteral("branch_id"), b);
        sql += QStringLiteral(" AND received_at >= ? AND received_at < ? GROUP BY 1, 2, 3, 4, 5");
        b << bound(Current) << bound(Buckets);
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        while (q->next()) {
            const qint64 count = q->value(5).toLongLong();
            m_tallies.byChannel[q->value(0).toString()] += count;
            m_tallies.byPriority[q->value(1).toString()] += count;
            m_tallies.byChannelAxis[q->value(2).toString()] += count;
            m_tallies.byBusiness[q->value(3).toString()] += count;
            m_tallies.byCause[q->value(4).toString()] += count;
        }
        return {};
    }

    // "Resolved within its time limit" (KpiDefinitions on_time_rate) as SQL: the branch-local date of the
    // resolution is on or before due_by. DeadlineCalculator::resolvedOnTime is the same rule in C++.
    QString onTime(QVariantList &b) const
    {
        return QStringLiteral("CASE WHEN %1 <= due_by THEN 1 ELSE 0 END")
            .arg(localDateOf(QStringLiteral("resolved_at"), m_slice, dialect(), b));
    }

    // Resolved and resolved on time per month (resolved, on_time_rate, trend).
    Status resolved()
    {
        QVariantList b;
        const QString bucket = bucketOf(QStringLiteral("resolved_at"), m_slice, b);
        const QString onTimeFlag = onTime(b); // bindings follow the text order
        QString sql = QStringLiteral("SELECT %1, COUNT(*), SUM(%2) FROM cases WHERE ").arg(bucket, onTimeFlag);
        sql += m_slice.inScope(QStringLiteral("branch_id"), b);
        sql += QStringLiteral(" AND resolved_at >= ? AND resolved_at < ? GROUP BY 1");
        b << bound(0) << bound(Buckets);
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        while (q->next()) {
            const int bucket = q->value(0).toInt();
            m_tallies.figures[bucket].resolved += q->value(1).toLongLong();
            m_tallies.figures[bucket].resolvedOnTime += q->value(2).toLongLong();
        }
        return {};
    }

    // The resolved cases of the report month and its comparison months, a few columns each: the
    // working-day arithmetic needs the holiday calendar, so it runs here (avg_handling_days, handlers).
    Status resolvedCases()
    {
        QVariantList b;
        const QString bucket = bucketOf(QStringLiteral("resolved_at"), m_slice, b);
        const QString onTimeFlag = onTime(b);
        QString sql
            = QStringLiteral("SELECT %1, branch_id, received_at, resolved_at, assignee_id, %2 FROM cases WHERE ")
                  .arg(bucket, onTimeFlag);
        sql += m_slice.inScope(QStringLiteral("branch_id"), b);
        sql += QStringLiteral(
            " AND ((resolved_at >= ? AND resolved_at < ?) OR (resolved_at >= ? AND resolved_at < ?))");
        b << bound(LastYear) << bound(LastYear + 1) << bound(Previous) << bound(Buckets);
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        for (int bucket : StockBuckets)
            m_tallies.figures[bucket].handlingMeasured = true;
        const DeadlineCalculator &deadlines = m_rules.deadlines();
        while (q->next()) {
            const int bucket = q->value(0).toInt();
            Case c;
            c.receivedAt = SqlValue::time(q->value(2));
            c.resolvedAt = SqlValue::time(q->value(3));
            const int days = deadlines.handlingWorkingDays(c, m_branches.value(q->value(1).toString()));
            if (days < 0)
                continue;
            MonthlyReport::Figures &f = m_tallies.figures[bucket];
            f.handlingDays += days;
            ++f.handlingCases;
            if (bucket == Current) {
                MonthlyReport::Handler &h = handler(q->value(4).toString());
                ++h.resolved;
                h.resolvedOnTime += q->value(5).toLongLong();
                h.handlingDays += days;
            }
        }
        return {};
    }

    // Follow-up visits recorded per month: reached, and satisfied among them (satisfaction_rate).
    Status visits()
    {
        // Per month for the KPIs and the trend. When the slice is the whole organisation the join to the
        // cases (for their branch) is left out: it costs one case lookup per visit.
        QVariantList b;
        const QString bucket = bucketOf(QStringLiteral("r.created_at"), m_slice, b);
        const QString sums = visitSums(b);
        QString sql = QStringLiteral("SELECT %1, %2 FROM case_records r WHERE r.kind = ? AND r.created_at >= ? "
                                     "AND r.created_at < ?")
                          .arg(bucket, sums);
        b << QStringLiteral("visit") << bound(0) << bound(Buckets);
        if (!m_slice.everything)
            sql += QStringLiteral(" AND ") + m_slice.casesInScope(QStringLiteral("r.case_id"), b);
        auto q = m_database.exec(sql + QStringLiteral(" GROUP BY 1"), b);
        if (!q)
            return q.error();
        while (q->next()) {
            MonthlyReport::Figures &f = m_tallies.figures[q->value(0).toInt()];
            f.visitsReached += q->value(1).toLongLong();
            f.visitsSatisfied += q->value(2).toLongLong();
        }
        // The report month per handler (the case's assignee).
        QVariantList hb;
        const QString handlerSums = visitSums(hb);
        sql = QStringLiteral("SELECT c.assignee_id, %1 FROM case_records r JOIN cases c ON c.id = r.case_id "
                             "WHERE r.kind = ? AND r.created_at >= ? AND r.created_at < ? AND ")
                  .arg(handlerSums);
        hb << QStringLiteral("visit") << bound(Current) << bound(Buckets);
        sql += m_slice.inScope(QStringLiteral("c.branch_id"), hb);
        q = m_database.exec(sql + QStringLiteral(" GROUP BY c.assignee_id"), hb);
        if (!q)
            return q.error();
        while (q->next()) {
            if (q->value(1).toLongLong() == 0)
                continue;
            MonthlyReport::Handler &h = handler(q->value(0).toString());
            h.visitsReached += q->value(1).toLongLong();
            h.visitsSatisfied += q->value(2).toLongLong();
        }
        return {};
    }

    // "reached, satisfied" sums over visit records r (satisfaction_rate).
    QString visitSums(QVariantList &b) const
    {
        const QString reached = dialect().jsonIsTrue(QStringLiteral("r.data"), QStringLiteral("reached"));
        const QStringList satisfied = KpiDefinitions::satisfiedCodes();
        for (const QString &code : satisfied)
            b << code;
        return QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END), SUM(CASE WHEN %1 AND %2 IN (%3) THEN 1 ELSE 0 END)")
            .arg(reached, dialect().jsonText(QStringLiteral("r.data"), QStringLiteral("satisfaction")),
                placeholders(satisfied.size()));
    }

    // Extension events per month, from the audit trail (extensions).
    Status extensions()
    {
        QVariantList b;
        QString sql = QStringLiteral("SELECT %1, COUNT(*) FROM audit_events e ")
                          .arg(bucketOf(QStringLiteral("e.at"), m_slice, b));
        if (!m_slice.everything)
            sql += QStringLiteral("JOIN cases c ON c.id = e.case_id ");
        sql += QStringLiteral("WHERE e.action = ? AND e.at >= ? AND e.at < ?");
        b << KpiDefinitions::extensionAction() << bound(0) << bound(Buckets);
        if (!m_slice.everything)
            sql += QStringLiteral(" AND ") + m_slice.inScope(QStringLiteral("c.branch_id"), b);
        auto q = m_database.exec(sql + QStringLiteral(" GROUP BY 1"), b);
        if (!q)
            return q.error();
        while (q->next())
            m_tallies.figures[q->value(0).toInt()].extensions += q->value(1).toLongLong();
        return {};
    }

    // Open and overdue at the end of the report month and its comparison months, per assignee
    // (open_at_end, overdue_open, handlers).
    Status stock()
    {
        QVariantList b;
        QStringList sums;
        for (int bucket : StockBuckets) {
            const QString at = timeText(m_slice.stockInstant(bucket));
            const QString open = QStringLiteral("received_at < ? AND (resolved_at IS NULL OR resolved_at >= ?) "
                                                "AND (closed_at IS NULL OR closed_at >= ?)");
            sums << QStringLiteral("SUM(CASE WHEN %1 THEN 1 ELSE 0 END)").arg(open);
            b << at << at << at;
            sums << QStringLiteral("SUM(CASE WHEN %1 AND due_by < ? THEN 1 ELSE 0 END)").arg(open);
            b << at << at << at << SqlValue::date(m_slice.stockDate(bucket));
        }
        QString sql = QStringLiteral("SELECT assignee_id, %1 FROM cases WHERE ").arg(sums.join(QStringLiteral(", ")));
        sql += m_slice.inScope(QStringLiteral("branch_id"), b);
        sql += QStringLiteral(" AND received_at < ? GROUP BY assignee_id");
        b << timeText(m_slice.stockInstant(Current));
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        for (int bucket : StockBuckets)
            m_tallies.figures[bucket].stockMeasured = true;
        while (q->next()) {
            int column = 1;
            for (int bucket : StockBuckets) {
                const qint64 open = q->value(column++).toLongLong();
                const qint64 overdue = q->value(column++).toLongLong();
                m_tallies.figures[bucket].openAtEnd += open;
                m_tallies.figures[bucket].overdueAtEnd += overdue;
                if (bucket == Current && open > 0) {
                    MonthlyReport::Handler &h = handler(q->value(0).toString());
                    h.openAtEnd += open;
                    h.overdueAtEnd += overdue;
                }
            }
        }
        return {};
    }

    MonthlyReport::ListedCase listed(const QSqlQuery &q) const
    {
        MonthlyReport::ListedCase c;
        c.id = q.value(0).toString();
        c.number = q.value(1).toString();
        c.branchCode = m_branches.value(q.value(2).toString()).code;
        c.receivedAt = SqlValue::time(q.value(3));
        c.category = q.value(4).toString();
        if (const Category *category = m_rules.taxonomy().category(c.category))
            c.categoryName = category->name;
        else
            c.categoryName = {c.category, c.category};
        c.status = fromCode<CaseStatus>(q.value(5).toString()).value_or(CaseStatus::Received);
        c.priority = fromCode<Priority>(q.value(6).toString()).value_or(Priority::Normal);
        return c;
    }

    Status repeatList()
    {
        QVariantList b;
        QString sql
            = QStringLiteral("SELECT c.id, c.number, c.branch_id, c.received_at, c.category, c.status, "
                             "c.priority, p.number FROM cases c LEFT JOIN cases p ON p.id = c.repeat_of WHERE ");
        sql += m_slice.inScope(QStringLiteral("c.branch_id"), b);
        sql += QStringLiteral(" AND c.received_at >= ? AND c.received_at < ? AND c.repeat_of IS NOT NULL "
                              "ORDER BY c.received_at, c.number LIMIT %1")
                   .arg(m_listLimit);
        b << bound(Current) << bound(Buckets);
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        while (q->next()) {
            MonthlyReport::ListedCase c = listed(*q);
            c.relatedNumber = q->value(7).toString();
            m_tallies.repeats.append(c);
        }
        return {};
    }

    // Escalation events of the month; a case escalated twice is listed once, at its first escalation.
    Status escalatedList()
    {
        QVariantList b;
        QString sql = QStringLiteral("SELECT c.id, c.number, c.branch_id, c.received_at, c.category, c.status, "
                                     "c.priority, e.at, e.reason, e.details FROM audit_events e "
                                     "JOIN cases c ON c.id = e.case_id WHERE e.action = ? AND e.at >= ? AND e.at < ?");
        b << KpiDefinitions::escalationAction() << bound(Current) << bound(Buckets);
        // Without a branch filter the database reads the month's events first, not every case of the scope.
        if (!m_slice.everything)
            sql += QStringLiteral(" AND ") + m_slice.inScope(QStringLiteral("c.branch_id"), b);
        sql += QStringLiteral(" ORDER BY e.at, c.number");
        auto q = m_database.exec(sql, b);
        if (!q)
            return q.error();
        QSet<QString> seen;
        while (q->next()) {
            const QString id = q->value(0).toString();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            ++m_tallies.escalatedTotal;
            if (seen.size() > m_listLimit)
                continue;
            MonthlyReport::ListedCase c = listed(*q);
            c.eventAt = SqlValue::time(q->value(7));
            c.reason = q->value(8).toString();
            if (c.reason.isEmpty())
                c.reason = SqlValue::jsonObject(q->value(9)).value(QStringLiteral("to")).toString();
            m_tallies.escalated.append(c);
        }
        return {};
    }

    Database &m_database;
    const CaseRules &m_rules;
    const QHash<QString, Branch> &m_branches;
    const ZoneSlice &m_slice;
    int m_listLimit;
    Tallies &m_tallies;
};

MonthlyReport::Row row(
    const QString &code, const LocalizedText &name, qint64 count, int depth = 0, const QString &regCode = {})
{
    MonthlyReport::Row r;
    r.code = code;
    r.name = name;
    r.count = count;
    r.depth = depth;
    r.regCode = regCode;
    return r;
}

// Rows for codes the data has but the list of known codes lacks (an old or foreign code), and for
// cases with no code at all, so every distribution adds up to the month's total.
void appendUnlisted(QList<MonthlyReport::Row> &rows, const QHash<QString, qint64> &counts, const QSet<QString> &listed)
{
    QStringList extra;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (!listed.contains(it.key()) && !it.key().isEmpty() && it.value() > 0)
            extra.append(it.key());
    }
    std::sort(extra.begin(), extra.end());
    for (const QString &code : std::as_const(extra))
        rows.append(row(code, {code, code}, counts.value(code)));
    if (const qint64 none = counts.value(QString()); none > 0)
        rows.append(row(KpiDefinitions::unclassifiedCode(), KpiDefinitions::unclassifiedName(), none));
}

// Depth-first rows of a regulator axis; a parent counts its own code plus its subtree.
qint64 appendAxis(QList<MonthlyReport::Row> &rows, const QList<AxisNode> &nodes, int depth,
    const QHash<QString, qint64> &counts, QSet<QString> &listed)
{
    qint64 total = 0;
    for (const AxisNode &node : nodes) {
        listed.insert(node.code);
        const qsizetype at = rows.size();
        rows.append(row(node.code, node.name, 0, depth, node.regCode));
        const qint64 count = counts.value(node.code) + appendAxis(rows, node.children, depth + 1, counts, listed);
        rows[at].count = count;
        total += count;
    }
    return total;
}

MonthlyReport::Breakdown breakdown(const QString &id, QList<MonthlyReport::Row> rows)
{
    MonthlyReport::Breakdown b;
    b.id = id;
    b.rows = std::move(rows);
    for (const MonthlyReport::Row &r : std::as_const(b.rows)) {
        if (r.depth == 0)
            b.total += r.count;
    }
    return b;
}

QHash<QString, qint64> monthOf(const QHash<QString, std::array<qint64, Buckets>> &series)
{
    QHash<QString, qint64> counts;
    for (auto it = series.cbegin(); it != series.cend(); ++it)
        counts.insert(it.key(), it.value()[Current]);
    return counts;
}

// The distributions of the month in taxonomy order (KpiDefinitions::breakdownIds()).
void addBreakdowns(
    MonthlyReport &report, const Tallies &tallies, const Taxonomy &taxonomy, const QHash<QString, Branch> &branches)
{
    const QHash<QString, qint64> categoryCounts = monthOf(tallies.byCategory);
    {
        QList<MonthlyReport::Row> rows;
        QSet<QString> listed;
        QHash<QString, qint64> groups;
        for (const Category &category : taxonomy.categories()) {
            rows.append(row(category.code, category.name, categoryCounts.value(category.code)));
            listed.insert(category.code);
        }
        appendUnlisted(rows, categoryCounts, listed);
        report.breakdowns.append(breakdown(QStringLiteral("category"), rows));

        for (auto it = categoryCounts.cbegin(); it != categoryCounts.cend(); ++it) {
            const Category *category = taxonomy.category(it.key());
            groups[category ? category->statisticsGroup : QString()] += it.value();
        }
        rows.clear();
        listed.clear();
        for (const TaxonomyEntry &group : taxonomy.statisticsGroups()) {
            rows.append(row(group.code, group.name, groups.value(group.code)));
            listed.insert(group.code);
        }
        appendUnlisted(rows, groups, listed);
        report.breakdowns.append(breakdown(QStringLiteral("statistics_group"), rows));
    }
    {
        QList<MonthlyReport::Row> rows;
        QSet<QString> listed;
        for (const ChannelEntry &entry : taxonomy.channels()) {
            const QString code = toCode(entry.channel);
            rows.append(row(code, entry.name, tallies.byChannel.value(code)));
            listed.insert(code);
        }
        appendUnlisted(rows, tallies.byChannel, listed);
        report.breakdowns.append(breakdown(QStringLiteral("channel"), rows));
    }
    {
        // Tree order below the scope branch, each branch with its own cases.
        QList<MonthlyReport::Row> rows;
        const QHash<QString, qint64> branchCounts = monthOf(tallies.byBranch);
        std::function<void(const QString &, int)> visit = [&](const QString &id, int depth) {
            const Branch b = branches.value(id);
            rows.append(row(id, {b.name, b.name}, branchCounts.value(id), depth, b.code));
            QList<Branch> children;
            for (const QString &child : std::as_const(report.branchIds)) {
                if (branches.value(child).parentId == id && child != id)
                    children.append(branches.value(child));
            }
            std::sort(
                children.begin(), children.end(), [](const Branch &a, const Branch &b) { return a.code < b.code; });
            for (const Branch &child : std::as_const(children))
                visit(child.id, depth + 1);
        };
        visit(report.scope.id, 0);
        MonthlyReport::Breakdown b = breakdown(QStringLiteral("branch"), rows);
        b.total = 0;
        for (const MonthlyReport::Row &r : std::as_const(b.rows))
            b.total += r.count;
        report.breakdowns.append(b);
    }
    {
        QList<MonthlyReport::Row> rows;
        QSet<QString> listed;
        for (const QString &code : allCodes<Priority>()) {
            rows.append(row(code, ReportTerms::priority(*fromCode<Priority>(code)), tallies.byPriority.value(code)));
            listed.insert(code);
        }
        appendUnlisted(rows, tallies.byPriority, listed);
        report.breakdowns.append(breakdown(QStringLiteral("priority"), rows));
    }
    const QList<std::pair<QString, const QHash<QString, qint64> *>> axes
        = {{QStringLiteral("channel"), &tallies.byChannelAxis}, {QStringLiteral("business"), &tallies.byBusiness},
            {QStringLiteral("cause"), &tallies.byCause}};
    for (const auto &[axis, counts] : axes) {
        QList<MonthlyReport::Row> rows;
        QSet<QString> listed;
        appendAxis(rows, taxonomy.axis(axis), 0, *counts, listed);
        appendUnlisted(rows, *counts, listed);
        report.breakdowns.append(breakdown(QStringLiteral("axis_") + axis, rows));
    }
}

void addTopCauses(MonthlyReport &report, int top)
{
    // Top causes: confirmed causes (leaves of axis C) by count, ties in taxonomy order.
    if (const MonthlyReport::Breakdown *causes = report.breakdown(QStringLiteral("axis_cause"))) {
        QList<MonthlyReport::Row> confirmed;
        for (qsizetype i = 0; i < causes->rows.size(); ++i) {
            const MonthlyReport::Row &r = causes->rows.at(i);
            const bool leaf = i + 1 == causes->rows.size() || causes->rows.at(i + 1).depth <= r.depth;
            if (leaf && r.count > 0 && r.code != KpiDefinitions::unclassifiedCode())
                confirmed.append(r);
        }
        std::stable_sort(confirmed.begin(), confirmed.end(),
            [](const MonthlyReport::Row &a, const MonthlyReport::Row &b) { return a.count > b.count; });
        report.topCauses = confirmed.mid(0, top);
    }
}

void addHandlers(
    MonthlyReport &report, const Tallies &tallies, const QList<User> &users, const QHash<QString, Branch> &branches)
{
    // Handlers: names from the directory; the unassigned (empty id) are kept so the table adds up.
    QHash<QString, User> userById;
    for (const User &u : users)
        userById.insert(u.id, u);
    for (MonthlyReport::Handler h : std::as_const(tallies.handlers)) {
        if (h.resolved == 0 && h.visitsReached == 0 && h.openAtEnd == 0)
            continue;
        if (userById.contains(h.userId)) {
            h.name = userById.value(h.userId).name;
            h.branchCode = branches.value(userById.value(h.userId).branchId).code;
        }
        report.handlers.append(h);
    }
    std::sort(report.handlers.begin(), report.handlers.end(),
        [](const MonthlyReport::Handler &a, const MonthlyReport::Handler &b) {
            if (a.userId.isEmpty() != b.userId.isEmpty())
                return b.userId.isEmpty();
            if (a.resolved != b.resolved)
                return a.resolved > b.resolved;
            return a.name < b.name;
        });
}

void addCaseLists(MonthlyReport &report, Tallies &tallies, int limit)
{
    std::sort(tallies.repeats.begin(), tallies.repeats.end(),
        [](const MonthlyReport::ListedCase &a, const MonthlyReport::ListedCase &b) {
            return std::tie(a.receivedAt, a.number) < std::tie(b.receivedAt, b.number);
        });
    report.repeats.total = report.current.repeats;
    report.repeats.cases = tallies.repeats.mid(0, limit);
    std::sort(tallies.escalated.begin(), tallies.escalated.end(),
        [](const MonthlyReport::ListedCase &a, const MonthlyReport::ListedCase &b) {
            return std::tie(a.eventAt, a.number) < std::tie(b.eventAt, b.number);
        });
    report.escalated.total = tallies.escalatedTotal;
    report.escalated.cases = tallies.escalated.mid(0, limit);
}

void addCorrectiveActions(MonthlyReport &report, const QList<CorrectiveAction> &actions,
    const QHash<QString, Branch> &branches, const std::function<QTimeZone(const Branch &)> &zoneOf,
    const QDateTime &now, int limit)
{
    const ReportMonth &month = report.month;
    // Corrective measures are few (tens per branch), so they are judged here, each in its branch's zone.
    for (const CorrectiveAction &a : actions) {
        const QTimeZone zone = zoneOf(branches.value(a.branchId));
        const QDateTime start = month.start(zone);
        const QDateTime end = month.addMonths(1).start(zone);
        const QDateTime at = qMin(end, now);
        const QDate past = at.toTimeZone(zone).date();
        const bool doneBefore = a.doneOn.isValid() && a.doneOn < past;
        if (a.createdAt >= start && a.createdAt < end)
            ++report.corrective.raised;
        if (a.doneOn.isValid() && a.doneOn >= month.firstDay() && a.doneOn <= month.lastDay())
            ++report.corrective.done;
        const bool openAtEnd = a.createdAt < at && !doneBefore;
        if (openAtEnd) {
            ++report.corrective.openAtEnd;
            if (a.dueOn.isValid() && a.dueOn < past)
                ++report.corrective.overdueAtEnd;
        }
        if (a.createdAt < at && (!a.doneOn.isValid() || a.doneOn >= month.firstDay()))
            report.corrective.actions.append(a);
    }
    std::stable_sort(report.corrective.actions.begin(), report.corrective.actions.end(),
        [](const CorrectiveAction &a, const CorrectiveAction &b) {
            if (a.dueOn.isValid() != b.dueOn.isValid())
                return a.dueOn.isValid();
            return a.dueOn < b.dueOn;
        });
    report.corrective.actions = report.corrective.actions.mid(0, limit);
}

void addWarnings(
    MonthlyReport &report, const Tallies &tallies, const Taxonomy &taxonomy, const EarlyWarningRules &rules)
{
    // Early warning (BRIEF §8): this month against the previous months of the same category or branch.
    const int baseline = rules.baselineMonths();
    const auto judge = [&](const QString &dimension, const QString &code, const LocalizedText &name,
                           const std::array<qint64, Buckets> &series) {
        QList<qint64> months;
        for (int i = Current - baseline; i < Current; ++i)
            months.append(series[i]);
        if (auto flag = EarlyWarning::judge(series[Current], months, rules)) {
            flag->dimension = dimension;
            flag->code = code;
            flag->name = name;
            report.warnings.append(*flag);
        }
    };
    if (baseline > 0 && baseline < Buckets) {
        if (rules.watches(QStringLiteral("category"))) {
            QStringList codes;
            for (const Category &category : taxonomy.categories())
                codes.append(category.code);
            QStringList others = tallies.byCategory.keys();
            std::sort(others.begin(), others.end());
            for (const QString &code : std::as_const(others)) {
                if (!codes.contains(code))
                    codes.append(code);
            }
            for (const QString &code : std::as_const(codes)) {
                const Category *category = taxonomy.category(code);
                judge(QStringLiteral("category"), code, category ? category->name : LocalizedText {code, code},
                    tallies.byCategory.value(code, std::array<qint64, Buckets> {}));
            }
        }
        if (rules.watches(QStringLiteral("branch"))) {
            if (const MonthlyReport::Breakdown *rows = report.breakdown(QStringLiteral("branch"))) {
                for (const MonthlyReport::Row &r : rows->rows)
                    judge(QStringLiteral("branch"), r.code, r.name,
                        tallies.byBranch.value(r.code, std::array<qint64, Buckets> {}));
            }
        }
    }
}

} // namespace

MonthlyReportEngine::MonthlyReportEngine(CaseStore &store, std::shared_ptr<const CaseRules> rules,
    EarlyWarningRules warningRules, const Clock &clock, Options options)
    : m_store(store)
    , m_rules(std::move(rules))
    , m_warningRules(std::move(warningRules))
    , m_clock(clock)
    , m_options(options)
{ }

Result<MonthlyReport> MonthlyReportEngine::compute(
    const ReportMonth &month, const QString &branchId, const AccessPolicy &access) const
{
    if (!access.canReadReports() || access.user().disabled)
        return AccessPolicy::forbidden(tr("read reports"));
    const QString branch = branchId.isEmpty() ? access.user().branchId : branchId;
    // BRIEF §8: scoped to the reader's branch tree; a branch outside it looks the same as no branch.
    if (!access.inScope(branch)) {
        return Error {QStringLiteral("not_found"), tr("No such branch, or it is outside what you may see."),
            {{QStringLiteral("field"), QStringLiteral("branch")}}};
    }
    return computeForBranch(month, branch, access.user().name);
}

Result<MonthlyReport> MonthlyReportEngine::computeForBranch(
    const ReportMonth &month, const QString &branchId, const QString &preparedBy) const
{
    if (!month.isValid())
        return ReportMonth::parse(QString()).error();
    auto allBranches = m_store.branches();
    if (!allBranches)
        return allBranches.error();
    QHash<QString, Branch> branches;
    for (const Branch &b : allBranches.value())
        branches.insert(b.id, b);
    if (!branches.contains(branchId)) {
        return Error {QStringLiteral("not_found"), tr("No such branch, or it is outside what you may see."),
            {{QStringLiteral("field"), QStringLiteral("branch")}}};
    }
    auto subtree = m_store.branchSubtree(branchId);
    if (!subtree)
        return subtree.error();

    const TimeLimits &limits = m_rules->limits();
    const std::function<QTimeZone(const Branch &)> zoneOf = [&limits](const Branch &b) {
        const QTimeZone zone(b.timeZone.toUtf8());
        return zone.isValid() ? zone : QTimeZone(limits.defaultTimeZone().toUtf8());
    };
    const QDateTime now = m_clock.now().toUTC();

    MonthlyReport report;
    report.month = month;
    report.scope = branches.value(branchId);
    report.branchIds = subtree.value();
    report.profile = m_rules->taxonomy().profile();
    report.preparedBy = preparedBy;
    report.generatedAt = now;
    report.warningRules = m_warningRules;
    Branch root = report.scope;
    for (int guard = 0; !root.parentId.isEmpty() && branches.contains(root.parentId) && guard < branches.size();
         ++guard)
        root = branches.value(root.parentId);
    report.organisation = root.name;

    const QTimeZone scopeZone = zoneOf(report.scope);
    if (month.start(scopeZone) > now) {
        return Error {QStringLiteral("invalid_month"), tr("The month %1 has not begun yet.").arg(month.toString()),
            {{QStringLiteral("field"), QStringLiteral("month")}, {QStringLiteral("value"), month.toString()}}};
    }
    report.asOf = qMin(month.addMonths(1).start(scopeZone), now);
    report.partial = now < month.addMonths(1).start(scopeZone);

    // One slice per time zone of the scope (usually one): its month boundaries are its own midnights.
    QList<ZoneSlice> slices;
    for (const QString &id : std::as_const(report.branchIds)) {
        const QTimeZone zone = zoneOf(branches.value(id));
        auto it = std::find_if(slices.begin(), slices.end(), [&](const ZoneSlice &s) { return s.zone == zone; });
        if (it == slices.end()) {
            ZoneSlice slice;
            slice.zone = zone;
            slice.now = now;
            for (int i = 0; i <= Buckets; ++i)
                slice.bounds.append(month.addMonths(i - Current).start(zone));
            slices.append(slice);
            it = slices.end() - 1;
        }
        it->branchIds.append(id);
    }

    if (slices.size() == 1 && slices.first().branchIds.size() == branches.size())
        slices.first().everything = true;
    Tallies tallies;
    for (const ZoneSlice &slice : std::as_const(slices)) {
        if (auto ok = SliceQueries(m_store.database(), *m_rules, branches, slice, m_options.listLimit, tallies).run();
            !ok)
            return ok.error();
    }
    for (int i = 0; i < Buckets; ++i)
        tallies.figures[i].month = month.addMonths(i - Current);
    report.current = tallies.figures[Current];
    report.previous = tallies.figures[Previous];
    report.lastYear = tallies.figures[LastYear];
    for (int i = 1; i < Buckets; ++i)
        report.trend.append(tallies.figures[i]);

    const Taxonomy &taxonomy = m_rules->taxonomy();
    addBreakdowns(report, tallies, taxonomy, branches);
    addTopCauses(report, m_options.topCauses);
    auto users = m_store.users();
    if (!users)
        return users.error();
    addHandlers(report, tallies, users.value(), branches);
    addCaseLists(report, tallies, m_options.listLimit);
    auto actions = m_store.correctiveActions(report.branchIds);
    if (!actions)
        return actions.error();
    addCorrectiveActions(report, actions.value(), branches, zoneOf, now, m_options.listLimit);
    // An owner is usually a handling unit's code (CorrectiveActionDialog offers them); print its name.
    for (const CorrectiveAction &a : std::as_const(report.corrective.actions)) {
        if (const TaxonomyEntry *unit = m_rules->taxonomy().unit(a.owner))
            report.corrective.ownerNames.insert(a.owner, unit->name);
    }
    addWarnings(report, tallies, taxonomy, m_warningRules);

    // Working days of months without a holiday calendar were counted Monday to Friday: say so.
    const WorkingDayCalendar &calendar = m_rules->calendar();
    for (int year : calendar.yearsWithoutData(month.addMonths(-12).firstDay(), month.lastDay()))
        report.notes.append({QStringLiteral("%1年没有节假日日历，该年工作日按周一至周五计算。").arg(year),
            QStringLiteral("No holiday calendar for %1: its working days were counted Monday to Friday.").arg(year)});
    return report;
}

} // namespace casedesk
