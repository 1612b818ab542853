#include "report/MonthlyReportTables.h"

#include "report/KpiDefinitions.h"
#include "report/ReportTerms.h"

#include <QTimeZone>

namespace casedesk {

namespace {

using Type = ReportTable::Type;
using Cell = ReportTable::Cell;

LocalizedText t(const char16_t *zh, const char16_t *en)
{
    return ReportTerms::term(zh, en);
}

Cell textCell(const QString &value)
{
    return {value, Type::Text};
}

Cell countCell(qint64 value)
{
    return {QVariant(value), Type::Count};
}

Cell numberCell(std::optional<double> value, Type type)
{
    return {value ? QVariant(*value) : QVariant(), type};
}

ReportTable::Column column(const LocalizedText &title, double weight = 1, bool numeric = false)
{
    return {title, weight, numeric};
}

ReportTable::Column numeric(const LocalizedText &title, double weight = 1)
{
    return {title, weight, true};
}

Type valueType(FigureDefinition::Unit unit)
{
    switch (unit) {
    case FigureDefinition::Unit::Count:
        return Type::Count;
    case FigureDefinition::Unit::Rate:
        return Type::Rate;
    case FigureDefinition::Unit::Days:
        return Type::Days;
    case FigureDefinition::Unit::None:
        break;
    }
    return Type::Decimal;
}

Type changeType(FigureDefinition::Comparison comparison)
{
    switch (comparison) {
    case FigureDefinition::Comparison::Relative:
        return Type::RelativeChange;
    case FigureDefinition::Comparison::Points:
        return Type::PointChange;
    case FigureDefinition::Comparison::Difference:
        return Type::DayChange;
    case FigureDefinition::Comparison::None:
        break;
    }
    return Type::Decimal;
}

std::optional<double> share(qint64 count, qint64 total)
{
    if (total <= 0)
        return std::nullopt;
    return double(count) / double(total);
}

// The handler's figures in the shape KpiDefinitions computes rates from.
MonthlyReport::Figures handlerFigures(const MonthlyReport::Handler &h)
{
    MonthlyReport::Figures f;
    f.resolved = h.resolved;
    f.resolvedOnTime = h.resolvedOnTime;
    f.visitsReached = h.visitsReached;
    f.visitsSatisfied = h.visitsSatisfied;
    f.handlingMeasured = true;
    f.handlingDays = h.handlingDays;
    f.handlingCases = h.resolved;
    return f;
}

} // namespace

MonthlyReportTables::MonthlyReportTables(const MonthlyReport &report, QString language)
    : m_report(report)
    , m_language(std::move(language))
{ }

QDateTime MonthlyReportTables::local(const QDateTime &at) const
{
    const QTimeZone zone(m_report.scope.timeZone.toUtf8());
    return zone.isValid() ? at.toTimeZone(zone) : at.toUTC();
}

QList<ReportTable> MonthlyReportTables::all() const
{
    QList<ReportTable> tables {kpis(), trend()};
    for (const QString &id : KpiDefinitions::breakdownIds())
        tables.append(breakdown(id));
    tables << topCauses() << handlers() << repeats() << escalated() << correctiveSummary() << correctiveActions()
           << warnings() << definitions();
    return tables;
}

ReportTable MonthlyReportTables::kpis() const
{
    ReportTable table;
    table.id = QStringLiteral("kpis");
    table.title = t(u"主要指标", u"Key figures");
    table.columns = {column(t(u"指标", u"Figure"), 2.6), numeric(t(u"本月", u"This month")),
        numeric(t(u"上月", u"Previous month")), numeric(t(u"环比", u"Month on month"), 1.2),
        numeric(t(u"去年同月", u"Same month last year")), numeric(t(u"同比", u"Year on year"), 1.2)};
    for (const FigureDefinition &kpi : KpiDefinitions::kpis()) {
        const auto now = KpiDefinitions::value(kpi.code, m_report.current);
        const auto before = KpiDefinitions::value(kpi.code, m_report.previous);
        const auto yearBefore = KpiDefinitions::value(kpi.code, m_report.lastYear);
        const Type type = valueType(kpi.unit);
        table.rows.append({{textCell(text(kpi.name)), numberCell(now, type), numberCell(before, type),
            numberCell(KpiDefinitions::change(kpi, now, before), changeType(kpi.comparison)),
            numberCell(yearBefore, type),
            numberCell(KpiDefinitions::change(kpi, now, yearBefore), changeType(kpi.comparison))}});
    }
    return table;
}

ReportTable MonthlyReportTables::trend() const
{
    ReportTable table;
    table.id = QStringLiteral("trend");
    table.title = t(u"12个月趋势", u"12-month trend");
    table.columns
        = {column(t(u"月份", u"Month"), 1.3), numeric(t(u"受理", u"Received")), numeric(t(u"办结", u"Resolved")),
            numeric(t(u"及时率", u"On-time rate")), numeric(t(u"满意率", u"Satisfaction")),
            numeric(t(u"重复率", u"Repeat rate")), numeric(t(u"延期", u"Extensions"))};
    for (const MonthlyReport::Figures &f : m_report.trend) {
        table.rows.append({{textCell(f.month.toString()), countCell(f.received), countCell(f.resolved),
            numberCell(KpiDefinitions::value(QStringLiteral("on_time_rate"), f), Type::Rate),
            numberCell(KpiDefinitions::value(QStringLiteral("satisfaction_rate"), f), Type::Rate),
            numberCell(KpiDefinitions::value(QStringLiteral("repeat_rate"), f), Type::Rate), countCell(f.extensions)}});
    }
    return table;
}

LocalizedText MonthlyReportTables::breakdownTitle(const QString &id) const
{
    if (id == QLatin1String("category"))
        return t(u"按投诉类别", u"By complaint category");
    if (id == QLatin1String("statistics_group"))
        return t(u"按统计口径", u"By statistics group");
    if (id == QLatin1String("channel"))
        return t(u"按受理渠道", u"By channel");
    if (id == QLatin1String("branch"))
        return t(u"按受理机构", u"By receiving branch");
    if (id == QLatin1String("priority"))
        return t(u"按优先级", u"By priority");
    if (id == QLatin1String("axis_channel"))
        return t(u"监管分类A：投诉渠道", u"Regulator axis A: channel");
    if (id == QLatin1String("axis_business"))
        return t(u"监管分类B：业务类别", u"Regulator axis B: business category");
    if (id == QLatin1String("axis_cause"))
        return t(u"监管分类C：投诉原因", u"Regulator axis C: cause");
    return {id, id};
}

ReportTable MonthlyReportTables::breakdown(const QString &id) const
{
    ReportTable table;
    table.id = id;
    table.title = breakdownTitle(id);
    const MonthlyReport::Breakdown *b = m_report.breakdown(id);
    const bool axis = id.startsWith(QLatin1String("axis_"));
    const bool branch = id == QLatin1String("branch");
    table.columns.append(column(branch ? t(u"机构", u"Branch") : t(u"名称", u"Name"), 3));
    if (axis || branch)
        table.columns.append(column(branch ? t(u"机构代码", u"Code") : t(u"监管代码", u"Regulator code"), 1.2));
    table.columns << numeric(t(u"件数", u"Count")) << numeric(t(u"占比", u"Share"));
    if (!b)
        return table;
    for (const MonthlyReport::Row &r : b->rows) {
        ReportTable::Row row;
        row.cells.append(textCell(text(r.name)));
        if (axis || branch)
            row.cells.append(textCell(r.regCode));
        row.cells << countCell(r.count) << numberCell(share(r.count, b->total), Type::Rate);
        row.depth = r.depth;
        table.rows.append(row);
    }
    ReportTable::Row total;
    total.cells.append(textCell(text(t(u"合计", u"Total"))));
    if (axis || branch)
        total.cells.append(textCell(QString()));
    total.cells << countCell(b->total) << numberCell(share(b->total, b->total), Type::Rate);
    total.emphasis = ReportTable::Emphasis::Total;
    table.rows.append(total);
    return table;
}

ReportTable MonthlyReportTables::topCauses() const
{
    ReportTable table;
    table.id = QStringLiteral("top_causes");
    table.title = t(u"主要投诉原因", u"Top causes");
    table.columns = {numeric(t(u"排名", u"Rank"), 0.6), column(t(u"投诉原因", u"Cause"), 3),
        numeric(t(u"件数", u"Count")), numeric(t(u"占本月受理", u"Share of received"), 1.2)};
    table.emptyText = t(u"本月尚无已确认原因的投诉。", u"No complaint of the month has a confirmed cause yet.");
    qint64 rank = 0;
    for (const MonthlyReport::Row &r : m_report.topCauses) {
        table.rows.append({{countCell(++rank), textCell(text(r.name)), countCell(r.count),
            numberCell(share(r.count, m_report.current.received), Type::Rate)}});
    }
    return table;
}

ReportTable MonthlyReportTables::handlers() const
{
    ReportTable table;
    table.id = QStringLiteral("handlers");
    table.title = t(u"经办人情况", u"Handlers");
    table.columns = {column(t(u"经办人", u"Handler"), 1.6), column(t(u"机构", u"Branch"), 0.9),
        numeric(t(u"办结", u"Resolved"), 0.8), numeric(t(u"及时", u"On time"), 0.8),
        numeric(t(u"及时率", u"On-time rate")), numeric(t(u"平均时长(工作日)", u"Avg. days"), 1.1),
        numeric(t(u"回访联系上", u"Visits reached"), 1), numeric(t(u"满意率", u"Satisfaction")),
        numeric(t(u"月末未结", u"Open"), 0.9), numeric(t(u"逾期", u"Overdue"), 0.8)};
    table.emptyText = t(u"本月无经办记录。", u"Nothing was handled this month.");
    for (const MonthlyReport::Handler &h : m_report.handlers) {
        const MonthlyReport::Figures f = handlerFigures(h);
        table.rows.append({{textCell(h.userId.isEmpty() ? text(t(u"（未指定经办人）", u"(unassigned)")) : h.name),
            textCell(h.branchCode), countCell(h.resolved), countCell(h.resolvedOnTime),
            numberCell(KpiDefinitions::value(QStringLiteral("on_time_rate"), f), Type::Rate),
            numberCell(KpiDefinitions::value(QStringLiteral("avg_handling_days"), f), Type::Days),
            countCell(h.visitsReached),
            numberCell(KpiDefinitions::value(QStringLiteral("satisfaction_rate"), f), Type::Rate),
            countCell(h.openAtEnd), countCell(h.overdueAtEnd)}});
    }
    return table;
}

ReportTable MonthlyReportTables::repeats() const
{
    ReportTable table;
    table.id = QStringLiteral("repeats");
    table.title = t(u"重复投诉", u"Repeat complaints");
    table.columns = {column(t(u"投诉编号", u"Case number"), 2), column(t(u"机构", u"Branch"), 0.8),
        column(t(u"受理时间", u"Received"), 1.5), column(t(u"类别", u"Category"), 1.3),
        column(t(u"状态", u"Status"), 0.9), column(t(u"在先投诉", u"Repeat of"), 2)};
    table.emptyText = t(u"本月无重复投诉。", u"No repeat complaints this month.");
    for (const MonthlyReport::ListedCase &c : m_report.repeats.cases) {
        table.rows.append({{textCell(c.number), textCell(c.branchCode), {local(c.receivedAt), Type::DateTime},
            textCell(text(c.categoryName)), textCell(text(ReportTerms::status(c.status))), textCell(c.relatedNumber)}});
    }
    return table;
}

ReportTable MonthlyReportTables::escalated() const
{
    ReportTable table;
    table.id = QStringLiteral("escalated");
    table.title = t(u"升级处理案件", u"Escalated cases");
    table.columns = {column(t(u"投诉编号", u"Case number"), 2), column(t(u"机构", u"Branch"), 0.8),
        column(t(u"升级时间", u"Escalated"), 1.5), column(t(u"类别", u"Category"), 1.3),
        column(t(u"状态", u"Status"), 0.9), column(t(u"原因", u"Reason"), 2.2)};
    table.emptyText = t(u"本月无升级处理案件。", u"No case was escalated this month.");
    for (const MonthlyReport::ListedCase &c : m_report.escalated.cases) {
        table.rows.append({{textCell(c.number), textCell(c.branchCode), {local(c.eventAt), Type::DateTime},
            textCell(text(c.categoryName)), textCell(text(ReportTerms::status(c.status))), textCell(c.reason)}});
    }
    return table;
}

ReportTable MonthlyReportTables::correctiveSummary() const
{
    ReportTable table;
    table.id = QStringLiteral("corrective_summary");
    table.title = t(u"整改措施情况", u"Corrective measures");
    table.columns = {numeric(t(u"本月新增", u"Raised")), numeric(t(u"本月完成", u"Completed")),
        numeric(t(u"月末未完成", u"Open at month end")), numeric(t(u"其中逾期", u"Of which overdue"))};
    const MonthlyReport::CorrectiveActions &c = m_report.corrective;
    table.rows.append({{countCell(c.raised), countCell(c.done), countCell(c.openAtEnd), countCell(c.overdueAtEnd)}});
    return table;
}

ReportTable MonthlyReportTables::correctiveActions() const
{
    ReportTable table;
    table.id = QStringLiteral("corrective_actions");
    table.title = t(u"整改措施清单", u"Corrective measures in the month");
    table.columns = {column(t(u"措施", u"Measure"), 3), column(t(u"责任人/单位", u"Owner"), 1.3),
        column(t(u"整改期限", u"Due"), 1.1), column(t(u"状态", u"Status"), 0.9),
        column(t(u"完成日期", u"Done on"), 1.1)};
    table.emptyText = t(u"本月无整改措施。", u"No corrective measures this month.");
    for (const CorrectiveAction &a : m_report.corrective.actions) {
        ReportTable::Row row {{textCell(a.title),
            textCell(m_report.corrective.ownerNames.contains(a.owner)
                    ? text(m_report.corrective.ownerNames.value(a.owner))
                    : a.owner),
            {a.dueOn.isValid() ? QVariant(a.dueOn) : QVariant(), Type::Date},
            textCell(text(ReportTerms::correctiveStatus(a.status))),
            {a.doneOn.isValid() ? QVariant(a.doneOn) : QVariant(), Type::Date}}};
        const QDate past = qMin(m_report.month.lastDay(), local(m_report.asOf).date());
        if (a.status != QLatin1String("done") && a.dueOn.isValid() && a.dueOn < past)
            row.emphasis = ReportTable::Emphasis::Warning;
        table.rows.append(row);
    }
    return table;
}

ReportTable MonthlyReportTables::warnings() const
{
    ReportTable table;
    table.id = QStringLiteral("warnings");
    table.title = t(u"预警", u"Early warnings");
    table.columns = {column(t(u"维度", u"Dimension"), 0.8), column(t(u"名称", u"Name"), 1.8),
        numeric(t(u"本月", u"This month"), 0.8), column(t(u"前几个月", u"Previous months"), 1.8),
        numeric(t(u"平均值", u"Mean"), 0.8), numeric(t(u"标准差", u"σ"), 0.8), numeric(t(u"阈值", u"Threshold"), 0.9)};
    table.emptyText = t(u"本月无预警。", u"No early warnings this month.");
    for (const EarlyWarning &w : m_report.warnings) {
        QStringList months;
        for (qint64 v : w.baseline)
            months.append(QString::number(v));
        const LocalizedText dimension
            = w.dimension == QLatin1String("branch") ? t(u"机构", u"Branch") : t(u"类别", u"Category");
        ReportTable::Row row {{textCell(text(dimension)), textCell(text(w.name)), countCell(w.count),
            textCell(months.join(QStringLiteral(", "))), {w.mean, Type::Decimal}, {w.sigma, Type::Decimal},
            {w.threshold, Type::Decimal}}};
        row.emphasis = ReportTable::Emphasis::Warning;
        table.rows.append(row);
    }
    return table;
}

ReportTable MonthlyReportTables::definitions() const
{
    ReportTable table;
    table.id = QStringLiteral("definitions");
    table.title = t(u"附录：指标口径", u"Appendix: definitions");
    table.columns = {column(t(u"指标", u"Figure"), 1.2), column(t(u"口径", u"Definition"), 5)};
    for (const QList<FigureDefinition> *list : {&KpiDefinitions::kpis(), &KpiDefinitions::others()}) {
        for (const FigureDefinition &d : *list)
            table.rows.append({{textCell(text(d.name)), textCell(text(d.definition))}});
    }
    return table;
}

} // namespace casedesk
