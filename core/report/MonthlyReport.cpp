#include "report/MonthlyReport.h"

#include "casework/CaseJson.h"
#include "report/KpiDefinitions.h"

#include <QJsonArray>

namespace casedesk {

namespace {

QJsonValue optional(std::optional<double> value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QString unitCode(FigureDefinition::Unit unit)
{
    switch (unit) {
    case FigureDefinition::Unit::Count:
        return QStringLiteral("count");
    case FigureDefinition::Unit::Rate:
        return QStringLiteral("rate");
    case FigureDefinition::Unit::Days:
        return QStringLiteral("days");
    case FigureDefinition::Unit::None:
        break;
    }
    return QStringLiteral("none");
}

QString comparisonCode(FigureDefinition::Comparison comparison)
{
    switch (comparison) {
    case FigureDefinition::Comparison::Relative:
        return QStringLiteral("relative");
    case FigureDefinition::Comparison::Points:
        return QStringLiteral("points");
    case FigureDefinition::Comparison::Difference:
        return QStringLiteral("difference");
    case FigureDefinition::Comparison::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonArray definitionsJson(const QList<FigureDefinition> &list)
{
    QJsonArray array;
    for (const FigureDefinition &d : list) {
        array.append(QJsonObject {{QStringLiteral("code"), d.code}, {QStringLiteral("name"), d.name.toJson()},
            {QStringLiteral("definition"), d.definition.toJson()}, {QStringLiteral("unit"), unitCode(d.unit)},
            {QStringLiteral("comparison"), comparisonCode(d.comparison)}});
    }
    return array;
}

QJsonObject rowJson(const MonthlyReport::Row &r, qint64 total)
{
    QJsonObject o {{QStringLiteral("code"), r.code}, {QStringLiteral("name"), r.name.toJson()},
        {QStringLiteral("depth"), r.depth}, {QStringLiteral("count"), r.count},
        {QStringLiteral("share"), total > 0 ? QJsonValue(double(r.count) / double(total)) : QJsonValue()}};
    if (!r.regCode.isEmpty())
        o.insert(QStringLiteral("reg_code"), r.regCode);
    return o;
}

QJsonObject caseListJson(const MonthlyReport::CaseList &list, const QTimeZone &zone)
{
    QJsonArray cases;
    for (const MonthlyReport::ListedCase &c : list.cases) {
        QJsonObject o {{QStringLiteral("id"), c.id}, {QStringLiteral("number"), c.number},
            {QStringLiteral("branch_code"), c.branchCode},
            {QStringLiteral("received_at"), CaseJson::time(c.receivedAt, zone)},
            {QStringLiteral("category"), c.category}, {QStringLiteral("category_name"), c.categoryName.toJson()},
            {QStringLiteral("status"), toCode(c.status)}, {QStringLiteral("priority"), toCode(c.priority)}};
        if (!c.relatedNumber.isEmpty())
            o.insert(QStringLiteral("repeat_of_number"), c.relatedNumber);
        if (c.eventAt.isValid())
            o.insert(QStringLiteral("escalated_at"), CaseJson::time(c.eventAt, zone));
        if (!c.reason.isEmpty())
            o.insert(QStringLiteral("reason"), c.reason);
        cases.append(o);
    }
    return {{QStringLiteral("total"), list.total}, {QStringLiteral("cases"), cases}};
}

} // namespace

void MonthlyReport::Figures::add(const Figures &o)
{
    received += o.received;
    repeats += o.repeats;
    resolved += o.resolved;
    resolvedOnTime += o.resolvedOnTime;
    visitsReached += o.visitsReached;
    visitsSatisfied += o.visitsSatisfied;
    extensions += o.extensions;
    stockMeasured = stockMeasured || o.stockMeasured;
    openAtEnd += o.openAtEnd;
    overdueAtEnd += o.overdueAtEnd;
    handlingMeasured = handlingMeasured || o.handlingMeasured;
    handlingDays += o.handlingDays;
    handlingCases += o.handlingCases;
}

QJsonObject MonthlyReport::Figures::toJson() const
{
    QJsonObject o {{QStringLiteral("month"), month.toString()}, {QStringLiteral("received"), received},
        {QStringLiteral("repeats"), repeats}, {QStringLiteral("resolved"), resolved},
        {QStringLiteral("resolved_on_time"), resolvedOnTime}, {QStringLiteral("visits_reached"), visitsReached},
        {QStringLiteral("visits_satisfied"), visitsSatisfied}, {QStringLiteral("extensions"), extensions}};
    if (stockMeasured) {
        o.insert(QStringLiteral("open_at_end"), openAtEnd);
        o.insert(QStringLiteral("overdue_open"), overdueAtEnd);
    }
    if (handlingMeasured) {
        o.insert(QStringLiteral("handling_days"), handlingDays);
        o.insert(QStringLiteral("handling_cases"), handlingCases);
    }
    for (const QString &kpi : {QStringLiteral("on_time_rate"), QStringLiteral("satisfaction_rate"),
             QStringLiteral("repeat_rate"), QStringLiteral("avg_handling_days")}) {
        const auto value = KpiDefinitions::value(kpi, *this);
        if (value || kpi != QLatin1String("avg_handling_days") || handlingMeasured)
            o.insert(kpi, optional(value));
    }
    return o;
}

const MonthlyReport::Breakdown *MonthlyReport::breakdown(const QString &id) const
{
    for (const Breakdown &b : breakdowns) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

QJsonObject MonthlyReport::toJson() const
{
    QTimeZone zone(scope.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();

    QJsonArray kpis;
    for (const FigureDefinition &kpi : KpiDefinitions::kpis()) {
        const auto now = KpiDefinitions::value(kpi.code, current);
        const auto before = KpiDefinitions::value(kpi.code, previous);
        const auto yearBefore = KpiDefinitions::value(kpi.code, lastYear);
        kpis.append(QJsonObject {{QStringLiteral("code"), kpi.code}, {QStringLiteral("name"), kpi.name.toJson()},
            {QStringLiteral("unit"), unitCode(kpi.unit)},
            {QStringLiteral("comparison"), comparisonCode(kpi.comparison)}, {QStringLiteral("current"), optional(now)},
            {QStringLiteral("previous"), optional(before)}, {QStringLiteral("last_year"), optional(yearBefore)},
            {QStringLiteral("mom"), optional(KpiDefinitions::change(kpi, now, before))},
            {QStringLiteral("yoy"), optional(KpiDefinitions::change(kpi, now, yearBefore))}});
    }
    QJsonArray trendArray;
    for (const Figures &f : trend)
        trendArray.append(f.toJson());
    QJsonObject breakdownsJson;
    for (const Breakdown &b : breakdowns) {
        QJsonArray rows;
        for (const Row &r : b.rows)
            rows.append(rowJson(r, b.total));
        breakdownsJson.insert(b.id, QJsonObject {{QStringLiteral("total"), b.total}, {QStringLiteral("rows"), rows}});
    }
    QJsonArray causes;
    for (const Row &r : topCauses)
        causes.append(rowJson(r, current.received));
    QJsonArray handlerArray;
    for (const Handler &h : handlers) {
        Figures f;
        f.resolved = h.resolved;
        f.resolvedOnTime = h.resolvedOnTime;
        f.visitsReached = h.visitsReached;
        f.visitsSatisfied = h.visitsSatisfied;
        f.handlingMeasured = true;
        f.handlingDays = h.handlingDays;
        f.handlingCases = h.resolved;
        handlerArray.append(
            QJsonObject {{QStringLiteral("user_id"), h.userId.isEmpty() ? QJsonValue() : QJsonValue(h.userId)},
                {QStringLiteral("name"), h.name}, {QStringLiteral("branch_code"), h.branchCode},
                {QStringLiteral("resolved"), h.resolved}, {QStringLiteral("resolved_on_time"), h.resolvedOnTime},
                {QStringLiteral("on_time_rate"), optional(KpiDefinitions::value(QStringLiteral("on_time_rate"), f))},
                {QStringLiteral("avg_handling_days"),
                    optional(KpiDefinitions::value(QStringLiteral("avg_handling_days"), f))},
                {QStringLiteral("visits_reached"), h.visitsReached},
                {QStringLiteral("visits_satisfied"), h.visitsSatisfied},
                {QStringLiteral("satisfaction_rate"),
                    optional(KpiDefinitions::value(QStringLiteral("satisfaction_rate"), f))},
                {QStringLiteral("open_at_end"), h.openAtEnd}, {QStringLiteral("overdue_open"), h.overdueAtEnd}});
    }
    QJsonArray actions;
    for (const CorrectiveAction &a : corrective.actions)
        actions.append(CaseJson::toJson(a));
    QJsonArray flags;
    for (const EarlyWarning &w : warnings)
        flags.append(w.toJson());
    QJsonArray notesJson;
    for (const LocalizedText &note : notes)
        notesJson.append(note.toJson());

    return {
        {QStringLiteral("month"), month.toString()},
        {QStringLiteral("organisation"), organisation},
        {QStringLiteral("scope"),
            QJsonObject {{QStringLiteral("branch_id"), scope.id}, {QStringLiteral("code"), scope.code},
                {QStringLiteral("name"), scope.name}, {QStringLiteral("time_zone"), scope.timeZone}}},
        {QStringLiteral("branch_ids"), QJsonArray::fromStringList(branchIds)},
        {QStringLiteral("profile"), profile},
        {QStringLiteral("prepared_by"), preparedBy},
        {QStringLiteral("generated_at"), CaseJson::time(generatedAt, zone)},
        {QStringLiteral("as_of"), CaseJson::time(asOf, zone)},
        {QStringLiteral("partial"), partial},
        {QStringLiteral("kpis"), kpis},
        {QStringLiteral("figures"),
            QJsonObject {{QStringLiteral("current"), current.toJson()}, {QStringLiteral("previous"), previous.toJson()},
                {QStringLiteral("last_year"), lastYear.toJson()}}},
        {QStringLiteral("trend"), trendArray},
        {QStringLiteral("breakdowns"), breakdownsJson},
        {QStringLiteral("top_causes"), causes},
        {QStringLiteral("handlers"), handlerArray},
        {QStringLiteral("repeats"), caseListJson(repeats, zone)},
        {QStringLiteral("escalated"), caseListJson(escalated, zone)},
        {QStringLiteral("corrective_actions"),
            QJsonObject {{QStringLiteral("raised"), corrective.raised}, {QStringLiteral("done"), corrective.done},
                {QStringLiteral("open_at_end"), corrective.openAtEnd},
                {QStringLiteral("overdue_at_end"), corrective.overdueAtEnd}, {QStringLiteral("actions"), actions}}},
        {QStringLiteral("early_warning"),
            QJsonObject {{QStringLiteral("rules"), warningRules.toJson()}, {QStringLiteral("flags"), flags}}},
        {QStringLiteral("definitions"), definitionsJson(KpiDefinitions::kpis() + KpiDefinitions::others())},
        {QStringLiteral("notes"), notesJson},
    };
}

} // namespace casedesk
