#include "report/KpiDefinitions.h"

namespace casedesk {

namespace {

using Unit = FigureDefinition::Unit;
using Comparison = FigureDefinition::Comparison;

LocalizedText text(const char16_t *zh, const char16_t *en)
{
    return {QString::fromUtf16(zh), QString::fromUtf16(en)};
}

std::optional<double> ratio(qint64 numerator, qint64 denominator)
{
    if (denominator <= 0)
        return std::nullopt;
    return double(numerator) / double(denominator);
}

} // namespace

const QList<FigureDefinition> &KpiDefinitions::kpis()
{
    static const QList<FigureDefinition> list = {
        {QStringLiteral("received"), text(u"受理投诉量", u"Complaints received"),
            text(u"本辖区机构受理时间（按受理机构所在时区）落在本月的投诉件数，不论其当前状态（含已撤诉）。",
                u"Complaints whose receipt time (in the receiving branch's time zone) falls in the month, whatever "
                u"their status now (withdrawn ones included)."),
            Unit::Count, Comparison::Relative},
        {QStringLiteral("resolved"), text(u"办结量", u"Cases resolved"),
            text(u"答复办结（状态转为“已答复”）时间落在本月的投诉件数。撤诉不计为办结；重新处理的投诉以最近一次办结时间"
                 u"为准。",
                u"Cases whose resolution (the move to “resolved”, reply given) falls in the month. Withdrawals are "
                u"not resolutions; a re-opened case counts by its latest resolution."),
            Unit::Count, Comparison::Relative},
        {QStringLiteral("open_at_end"), text(u"月末未结量", u"Open at month end"),
            text(u"月末前受理、且在月末前既未办结也未撤诉的投诉件数；本月尚未结束时按报告生成时刻计算。",
                u"Cases received before the end of the month and neither resolved nor withdrawn before it; for the "
                u"running month, as of the moment the report was made."),
            Unit::Count, Comparison::Relative},
        {QStringLiteral("overdue_open"), text(u"逾期未结量", u"Overdue open cases"),
            text(u"月末未结投诉中，办结期限（内部处理时限、监管时限与转办单位期限中最早者）早于月末次日（本月进行中时早"
                 u"于当日）的件数。",
                u"Open cases at month end whose due date (the earliest of the internal resolve limit, the statutory "
                u"limit and the forwarding body's deadline) lies before the day after the month (before today for "
                u"the running month)."),
            Unit::Count, Comparison::Relative},
        {QStringLiteral("on_time_rate"), text(u"及时率", u"On-time rate"),
            text(u"及时率 = 在时限内办结的投诉件数 ÷ "
                 u"本月办结件数。“在时限内”指办结日期（受理机构所在时区）不晚于办结期限。",
                u"On-time rate = cases resolved within their time limit ÷ cases resolved in the month. “Within the "
                u"limit” means the resolution date (in the branch's time zone) is on or before the due date."),
            Unit::Rate, Comparison::Points},
        {QStringLiteral("satisfaction_rate"), text(u"满意率", u"Satisfaction rate"),
            text(u"满意率 = 评价为“满意”或“基本满意”的回访次数 ÷ "
                 u"联系上客户的回访次数；按回访记录登记时间计入月份，每次回访计一次。",
                u"Satisfaction rate = follow-up visits rated “satisfied” or “basically satisfied” ÷ visits that "
                u"reached the customer; a visit counts in the month it was recorded, each visit once."),
            Unit::Rate, Comparison::Points},
        {QStringLiteral("repeat_rate"), text(u"重复率", u"Repeat rate"),
            text(u"重复率 = 本月受理的重复投诉件数（受理时关联到同一客户同类事项的在先投诉）÷ 本月受理投诉件数。",
                u"Repeat rate = repeat complaints received in the month (linked at intake to an earlier complaint by "
                u"the same person about the same matter) ÷ complaints received in the month."),
            Unit::Rate, Comparison::Points},
        {QStringLiteral("avg_handling_days"), text(u"平均处理时长（工作日）", u"Average handling time (working days)"),
            text(u"本月办结投诉从有效受理日（截止时间后受理的顺延至下一工作日）至办结日之间的工作日数的平均值，按节假日"
                 u"及调休日历计算。"
                 u"数据库汇总筛出本月办结的投诉，工作日计算在程序中完成。",
                u"Mean, over the cases resolved in the month, of the working days after the effective receipt date "
                u"(the next working day when received after the cut-off) up to and including the resolution date, "
                u"by the holiday calendar with its make-up working days. The database selects the month's resolved "
                u"cases; the working-day arithmetic is done in the program, which knows the calendar."),
            Unit::Days, Comparison::Difference},
        {QStringLiteral("extensions"), text(u"延期次数", u"Extensions"),
            text(u"本月办理的延期次数（内部处理时限延期及监管时限延长，以审计记录为准）。",
                u"Extensions granted in the month (the internal once-only extension and statutory extensions), as "
                u"recorded in the audit trail."),
            Unit::Count, Comparison::Relative},
    };
    return list;
}

const QList<FigureDefinition> &KpiDefinitions::others()
{
    static const QList<FigureDefinition> list = {
        {QStringLiteral("month"), text(u"统计月份与范围", u"Month and scope"),
            text(u"月份按各受理机构所在时区的自然月计算；范围为所选机构及其全部下辖机构。",
                u"A month is the calendar month in each receiving branch's time zone; the scope is the chosen branch "
                u"and every branch below it.")},
        {QStringLiteral("comparison"), text(u"环比与同比", u"Month on month and year on year"),
            text(u"环比与上月比较，同比与上年同月比较：件数按增减百分比，比率按百分点差，平均时长按天数差。",
                u"Month on month compares with the previous month, year on year with the same month a year earlier: "
                u"counts by their relative change, rates by percentage points, averages by the difference.")},
        {QStringLiteral("trend"), text(u"12个月趋势", u"12-month trend"),
            text(u"截至本月的连续12个月，各月口径同上。",
                u"The 12 months ending with the report month, each measured as above.")},
        {QStringLiteral("breakdowns"), text(u"投诉分布", u"Distributions"),
            text(u"按投诉类别、统计口径、受理渠道、受理机构、优先级及监管三维度（渠道、业务类别、投诉原因）统计本月受理"
                 u"的投诉；"
                 u"尚未确认的（如投诉原因在调查前）计入“未确认”。",
                u"Complaints received in the month by category, statistics group, channel, receiving branch, priority "
                u"and the regulator's three axes (channel, business category, cause); cases not yet classified on an "
                u"axis (e.g. the cause before investigation) count as “not confirmed”.")},
        {QStringLiteral("top_causes"), text(u"主要投诉原因", u"Top causes"),
            text(u"本月受理投诉中已确认原因的前几位。",
                u"The most frequent confirmed causes among the month's complaints.")},
        {QStringLiteral("handlers"), text(u"经办人情况", u"Handlers"),
            text(u"按投诉的当前经办人统计：本月办结件数、其中及时件数与及时率、平均处理时长，其所办投诉本月回访的满意率"
                 u"，以及月末未结与逾期件数。",
                u"By the case's current assignee: cases resolved in the month, of which on time and the on-time "
                u"rate, average handling time, the satisfaction rate of the month's visits on their cases, and "
                u"open and overdue cases at month end.")},
        {QStringLiteral("repeats"), text(u"重复投诉", u"Repeat complaints"),
            text(u"本月受理的重复投诉及其关联的在先投诉。",
                u"Repeat complaints received in the month, with the earlier case each repeats.")},
        {QStringLiteral("escalated"), text(u"升级处理案件", u"Escalated cases"),
            text(u"本月有升级记录（报告领导或监管）的投诉，以审计记录为准。",
                u"Cases escalated (to leadership or a regulator) in the month, as recorded in the audit trail.")},
        {QStringLiteral("corrective"), text(u"整改措施", u"Corrective measures"),
            text(u"本辖区整改措施：本月新增、本月完成、月末未完成及其中已过整改期限的件数；列表为本月内处于有效状态的措"
                 u"施。",
                u"Corrective measures of the scope: raised in the month, completed in the month, not completed at "
                u"month end and of those past their due date; the list shows the measures active during the month.")},
        {QStringLiteral("early_warning"), text(u"预警", u"Early warning"),
            text(u"某类别或机构本月受理量同时满足：不少于最低件数，且大于前若干个月（无投诉的月份计0）平均值加k倍总体标"
                 u"准差，即予预警。"
                 u"月数、k与最低件数见规则文件 early-warning.json。",
                u"A category or branch is flagged when its count for the month is at least the minimum count and "
                u"exceeds the mean plus k population standard deviations of the previous months (months without "
                u"complaints count 0). The number of months, k and the minimum are set in early-warning.json.")},
    };
    return list;
}

const FigureDefinition *KpiDefinitions::find(const QString &code)
{
    for (const QList<FigureDefinition> *list : {&kpis(), &others()}) {
        for (const FigureDefinition &definition : *list) {
            if (definition.code == code)
                return &definition;
        }
    }
    return nullptr;
}

std::optional<double> KpiDefinitions::value(const QString &code, const MonthlyReport::Figures &f)
{
    if (code == QLatin1String("received"))
        return double(f.received);
    if (code == QLatin1String("resolved"))
        return double(f.resolved);
    if (code == QLatin1String("open_at_end"))
        return f.stockMeasured ? std::optional<double>(double(f.openAtEnd)) : std::nullopt;
    if (code == QLatin1String("overdue_open"))
        return f.stockMeasured ? std::optional<double>(double(f.overdueAtEnd)) : std::nullopt;
    if (code == QLatin1String("on_time_rate"))
        return ratio(f.resolvedOnTime, f.resolved);
    if (code == QLatin1String("satisfaction_rate"))
        return ratio(f.visitsSatisfied, f.visitsReached);
    if (code == QLatin1String("repeat_rate"))
        return ratio(f.repeats, f.received);
    if (code == QLatin1String("avg_handling_days"))
        return f.handlingMeasured ? ratio(f.handlingDays, f.handlingCases) : std::nullopt;
    if (code == QLatin1String("extensions"))
        return double(f.extensions);
    return std::nullopt;
}

std::optional<double> KpiDefinitions::change(
    const FigureDefinition &kpi, std::optional<double> current, std::optional<double> base)
{
    if (!current || !base)
        return std::nullopt;
    switch (kpi.comparison) {
    case Comparison::Relative:
        if (*base == 0)
            return std::nullopt;
        return (*current - *base) / *base;
    case Comparison::Points:
    case Comparison::Difference:
        return *current - *base;
    case Comparison::None:
        break;
    }
    return std::nullopt;
}

QStringList KpiDefinitions::satisfiedCodes()
{
    // BRIEF §8: visits with 满意 or 基本满意 (codes of case-records.json, visit.satisfaction).
    return {QStringLiteral("satisfied"), QStringLiteral("basically_satisfied")};
}

LocalizedText KpiDefinitions::unclassifiedName()
{
    return text(u"未确认", u"Not confirmed");
}

QStringList KpiDefinitions::breakdownIds()
{
    return {QStringLiteral("category"), QStringLiteral("statistics_group"), QStringLiteral("channel"),
        QStringLiteral("branch"), QStringLiteral("priority"), QStringLiteral("axis_channel"),
        QStringLiteral("axis_business"), QStringLiteral("axis_cause")};
}

} // namespace casedesk
