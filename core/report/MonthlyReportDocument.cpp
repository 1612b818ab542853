#include "report/MonthlyReportDocument.h"

#include "report/CsvExport.h"
#include "report/KpiDefinitions.h"
#include "report/MonthlyReportTables.h"
#include "report/XlsxExport.h"

#include <QJsonDocument>
#include <QTimeZone>

namespace casedesk {

namespace {

PrintTable printTable(const ReportTable &table, QStringView language, bool caption = true)
{
    PrintTable print;
    if (caption)
        print.caption = table.title.text(language);
    print.continued = language.startsWith(u"en") ? QStringLiteral(" (continued)") : QStringLiteral("（续）");
    print.emptyText = table.emptyText.text(language);
    for (const ReportTable::Column &column : table.columns)
        print.columns.append(
            {column.title.text(language), column.weight, column.numeric ? Qt::AlignRight : Qt::AlignLeft});
    for (const ReportTable::Row &row : table.rows) {
        PrintTable::Row line;
        for (const ReportTable::Cell &cell : row.cells)
            line.cells.append(ReportTable::display(cell, language));
        line.indent = row.depth;
        line.style = row.emphasis == ReportTable::Emphasis::Total ? PrintTable::RowStyle::Total
            : row.emphasis == ReportTable::Emphasis::Warning      ? PrintTable::RowStyle::Warning
                                                                  : PrintTable::RowStyle::Normal;
        print.rows.append(line);
    }
    return print;
}

QString percent(std::optional<double> value)
{
    return value ? QString::number(*value * 100, 'f', 1) + QLatin1Char('%') : QStringLiteral("—");
}

} // namespace

Result<MonthlyReportDocument::Format> MonthlyReportDocument::parseFormat(const QString &code)
{
    const QString normal = code.trimmed().toLower();
    if (normal.isEmpty() || normal == QLatin1String("json"))
        return Format::Json;
    if (normal == QLatin1String("pdf"))
        return Format::Pdf;
    if (normal == QLatin1String("xlsx"))
        return Format::Xlsx;
    if (normal == QLatin1String("csv"))
        return Format::Csv;
    return Error {QStringLiteral("invalid_format"),
        tr("“%1” is not a report format; use json, pdf, xlsx or csv.").arg(code),
        {{QStringLiteral("field"), QStringLiteral("format")}, {QStringLiteral("value"), code}}};
}

Result<RenderedFile> MonthlyReportDocument::render(
    const MonthlyReport &report, const QString &format, const QString &language)
{
    auto parsed = parseFormat(format);
    if (!parsed)
        return parsed.error();
    return MonthlyReportDocument(report, language).render(*parsed);
}

MonthlyReportDocument::MonthlyReportDocument(const MonthlyReport &report, QString language)
    : m_report(report)
    , m_language(language.startsWith(QLatin1String("en")) ? QStringLiteral("en") : QStringLiteral("zh_CN"))
{ }

QString MonthlyReportDocument::text(const char16_t *zh, const char16_t *en) const
{
    return QString::fromUtf16(m_language == QLatin1String("en") ? en : zh);
}

QString MonthlyReportDocument::title() const
{
    return text(u"客户投诉处理月度报告", u"Monthly Complaint Handling Report");
}

QString MonthlyReportDocument::fileName(const QString &extension) const
{
    return QStringLiteral("casedesk-monthly-%1-%2.%3").arg(m_report.scope.code, m_report.month.toString(), extension);
}

Result<RenderedFile> MonthlyReportDocument::render(Format format) const
{
    const MonthlyReportTables tables(m_report, m_language);
    switch (format) {
    case Format::Json:
        return RenderedFile {QJsonDocument(m_report.toJson()).toJson(QJsonDocument::Compact),
            QStringLiteral("application/json"), fileName(QStringLiteral("json"))};
    case Format::Pdf: {
        auto pdf = printDocument().toPdf();
        if (!pdf)
            return pdf.error();
        return RenderedFile {*pdf, QStringLiteral("application/pdf"), fileName(QStringLiteral("pdf"))};
    }
    case Format::Xlsx: {
        auto xlsx = XlsxExport::write(tables.all(), m_language,
            title() + QLatin1Char(' ') + m_report.month.label(m_language), m_report.preparedBy);
        if (!xlsx)
            return xlsx.error();
        return RenderedFile {*xlsx, QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            fileName(QStringLiteral("xlsx"))};
    }
    case Format::Csv: {
        const QStringList preamble = {title(), m_report.month.toString(),
            QStringLiteral("%1 (%2)").arg(m_report.scope.name, m_report.scope.code)};
        return RenderedFile {CsvExport::write(tables.all(), m_language, preamble),
            QStringLiteral("text/csv; charset=utf-8"), fileName(QStringLiteral("csv"))};
    }
    }
    return parseFormat(QStringLiteral("?")).error();
}

QString MonthlyReportDocument::summary() const
{
    const MonthlyReport::Figures &f = m_report.current;
    const auto value = [&](const char *code) { return KpiDefinitions::value(QLatin1String(code), f); };
    const auto change = [&](const char *code, const MonthlyReport::Figures &base) {
        const FigureDefinition *kpi = KpiDefinitions::find(QLatin1String(code));
        return KpiDefinitions::change(
            *kpi, KpiDefinitions::value(kpi->code, f), KpiDefinitions::value(kpi->code, base));
    };
    const auto trendText
        = [&](std::optional<double> delta, const char16_t *zhLabel, const char16_t *enLabel) -> QString {
        if (!delta)
            return text(u"%1无可比数据", u"no comparison %1")
                .arg(QString::fromUtf16(m_language == QLatin1String("en") ? enLabel : zhLabel));
        const QString amount = QString::number(std::abs(*delta) * 100, 'f', 1) + QLatin1Char('%');
        if (m_language == QLatin1String("en"))
            return QStringLiteral("%1%2 %3").arg(
                *delta < 0 ? QStringLiteral("-") : QStringLiteral("+"), amount, QString::fromUtf16(enLabel));
        if (std::abs(*delta) < 0.0005)
            return QString::fromUtf16(zhLabel) + QStringLiteral("持平");
        return QString::fromUtf16(zhLabel) + (*delta < 0 ? QStringLiteral("下降") : QStringLiteral("上升")) + amount;
    };
    const auto days = value("avg_handling_days");
    const QString daysText = days ? QString::number(*days, 'f', 2) : QStringLiteral("—");
    if (m_language == QLatin1String("en")) {
        return QStringLiteral("In %1 the scope received %2 complaints (%3, %4) and resolved %5 (%6, %7). On-time rate "
                              "%8, satisfaction rate %9, repeat rate %10, average handling time %11 working days. At "
                              "month end %12 cases were open, %13 of them overdue. Extensions granted: %14.")
            .arg(m_report.month.label(m_language))
            .arg(f.received)
            .arg(trendText(change("received", m_report.previous), u"", u"on the previous month"),
                trendText(change("received", m_report.lastYear), u"", u"on a year earlier"))
            .arg(f.resolved)
            .arg(trendText(change("resolved", m_report.previous), u"", u"on the previous month"),
                trendText(change("resolved", m_report.lastYear), u"", u"on a year earlier"),
                percent(value("on_time_rate")), percent(value("satisfaction_rate")), percent(value("repeat_rate")),
                daysText)
            .arg(f.openAtEnd)
            .arg(f.overdueAtEnd)
            .arg(f.extensions);
    }
    return QStringLiteral(
        "本月共受理投诉%1件，%2，%3；办结%4件，%5，%6。及时率%7，满意率%8，重复率%9，平均处理时长%10个"
        "工作日。月末未结%11件，其中逾期%12件；本月办理延期%13次。")
        .arg(f.received)
        .arg(trendText(change("received", m_report.previous), u"环比", u""),
            trendText(change("received", m_report.lastYear), u"同比", u""))
        .arg(f.resolved)
        .arg(trendText(change("resolved", m_report.previous), u"环比", u""),
            trendText(change("resolved", m_report.lastYear), u"同比", u""), percent(value("on_time_rate")),
            percent(value("satisfaction_rate")), percent(value("repeat_rate")), daysText)
        .arg(f.openAtEnd)
        .arg(f.overdueAtEnd)
        .arg(f.extensions);
}

PrintDocument MonthlyReportDocument::printDocument() const
{
    const MonthlyReportTables tables(m_report, m_language);
    const bool english = m_language == QLatin1String("en");
    const QTimeZone zone = QTimeZone(m_report.scope.timeZone.toUtf8()).isValid()
        ? QTimeZone(m_report.scope.timeZone.toUtf8())
        : QTimeZone::utc();
    const QString monthLabel = m_report.month.label(m_language);
    const auto heading = [&](int number, const char16_t *zh, const char16_t *en) {
        static const QStringList numerals = {QStringLiteral("一"), QStringLiteral("二"), QStringLiteral("三"),
            QStringLiteral("四"), QStringLiteral("五"), QStringLiteral("六"), QStringLiteral("七"),
            QStringLiteral("八"), QStringLiteral("九"), QStringLiteral("十")};
        return english ? QStringLiteral("%1. %2").arg(number).arg(QString::fromUtf16(en))
                       : numerals.value(number - 1) + QStringLiteral("、") + QString::fromUtf16(zh);
    };

    PrintDocument doc;
    doc.setTitle(title() + QLatin1Char(' ') + monthLabel);
    doc.setRunning({m_report.organisation + QStringLiteral(" · ") + title(),
        monthLabel + QStringLiteral(" · ") + m_report.scope.name,
        text(u"内部资料 注意保密", u"Internal — confidential") + QStringLiteral(" · ") + text(u"生成于 ", u"generated ")
            + m_report.generatedAt.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
        text(u"第 %1 页 / 共 %2 页", u"Page %1 of %2")});

    PrintDocument::Cover cover;
    cover.organisation = m_report.organisation;
    cover.title = title();
    cover.subtitle = monthLabel;
    const qsizetype below = m_report.branchIds.size() - 1;
    cover.facts = {
        {text(u"报告期间", u"Period"),
            QStringLiteral("%1 — %2").arg(
                m_report.month.firstDay().toString(Qt::ISODate), m_report.month.lastDay().toString(Qt::ISODate))},
        {text(u"统计范围", u"Scope"),
            english
                ? QStringLiteral("%1 (%2) and the %3 branches below it")
                      .arg(m_report.scope.name, m_report.scope.code)
                      .arg(below)
                : QStringLiteral("%1（%2）及下辖%3个机构").arg(m_report.scope.name, m_report.scope.code).arg(below)},
        {text(u"编制人", u"Prepared by"), m_report.preparedBy},
        {text(u"编制日期", u"Date prepared"), m_report.generatedAt.toTimeZone(zone).date().toString(Qt::ISODate)},
        {text(u"数据截至", u"Data as of"), m_report.asOf.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))},
    };
    cover.note = text(u"内部资料  注意保密", u"Internal — confidential");
    doc.addCover(cover);

    // 1. Key figures, the summary in words, and what the reader must not miss.
    doc.addHeading(heading(1, u"主要指标", u"Key figures"));
    if (m_report.partial) {
        doc.addNotice(text(u"本月尚未结束：数据截至 %1，月末未结与逾期按该时刻计算。",
            u"The month has not ended: figures as of %1; open and overdue cases as of that moment.")
                          .arg(m_report.asOf.toTimeZone(zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    }
    doc.addText(summary());
    doc.addTable(printTable(tables.kpis(), m_language, false));
    for (const EarlyWarning &w : m_report.warnings) {
        const QString dimension
            = w.dimension == QLatin1String("branch") ? text(u"机构", u"branch") : text(u"类别", u"category");
        doc.addNotice(text(u"预警：%1“%2”本月受理%3件，超过前%4个月平均值%5加%6倍标准差（%7）之和%8件。",
            u"Early warning: %1 “%2” received %3 complaints this month, more than the mean of the "
            u"previous %4 months (%5) plus %6 standard deviations (%7) = %8.")
                          .arg(dimension, w.name.text(m_language))
                          .arg(w.count)
                          .arg(w.baseline.size())
                          .arg(QString::number(w.mean, 'f', 2), QString::number(w.multiplier, 'g', 3),
                              QString::number(w.sigma, 'f', 2), QString::number(w.threshold, 'f', 2)));
    }
    for (const LocalizedText &note : m_report.notes)
        doc.addText(note.text(m_language), PrintDocument::TextStyle::Note);

    // 2. Trend.
    doc.addHeading(heading(2, u"12个月趋势", u"12-month trend"));
    QStringList months;
    QList<std::optional<double>> received, resolved, onTime, satisfaction, repeat;
    for (const MonthlyReport::Figures &f : m_report.trend) {
        months.append(f.month.shortLabel(m_language));
        received.append(double(f.received));
        resolved.append(double(f.resolved));
        onTime.append(KpiDefinitions::value(QStringLiteral("on_time_rate"), f));
        satisfaction.append(KpiDefinitions::value(QStringLiteral("satisfaction_rate"), f));
        repeat.append(KpiDefinitions::value(QStringLiteral("repeat_rate"), f));
    }
    const QList<QColor> palette = ReportChart::palette();
    const QString span = m_report.trend.isEmpty()
        ? QString()
        : QStringLiteral("%1 — %2").arg(
            m_report.trend.first().month.label(m_language), m_report.trend.last().month.label(m_language));
    doc.addCharts({ReportChart::line(text(u"受理与办结件数（%1）", u"Received and resolved (%1)").arg(span), months,
                      {{text(u"受理", u"Received"), palette.at(0), received},
                          {text(u"办结", u"Resolved"), palette.at(1), resolved}},
                      ReportChart::Format::Count)},
        62);
    doc.addCharts(
        {ReportChart::line(
            text(u"及时率、满意率与重复率（%1）", u"On-time, satisfaction and repeat rates (%1)").arg(span), months,
            {{text(u"及时率", u"On-time rate"), palette.at(2), onTime},
                {text(u"满意率", u"Satisfaction rate"), palette.at(0), satisfaction},
                {text(u"重复率", u"Repeat rate"), palette.at(3), repeat}},
            ReportChart::Format::Percent)},
        62);
    doc.addTable(printTable(tables.trend(), m_language));

    // 3. Distributions.
    doc.addHeading(heading(3, u"投诉分布", u"Distribution of complaints"));
    QStringList categoryNames, channelNames;
    QList<double> categoryCounts, channelCounts;
    if (const MonthlyReport::Breakdown *b = m_report.breakdown(QStringLiteral("category"))) {
        for (const MonthlyReport::Row &r : b->rows) {
            categoryNames.append(r.name.text(m_language));
            categoryCounts.append(double(r.count));
        }
    }
    if (const MonthlyReport::Breakdown *b = m_report.breakdown(QStringLiteral("channel"))) {
        for (const MonthlyReport::Row &r : b->rows) {
            channelNames.append(r.name.text(m_language));
            channelCounts.append(double(r.count));
        }
    }
    ReportChart categoryChart = ReportChart::bars(text(u"按投诉类别", u"By category"), categoryNames, categoryCounts);
    ReportChart channelChart = ReportChart::pie(text(u"按受理渠道", u"By channel"), channelNames, channelCounts);
    categoryChart.setEmptyText(text(u"本月无投诉", u"No complaints this month"));
    channelChart.setEmptyText(text(u"本月无投诉", u"No complaints this month"));
    doc.addCharts({categoryChart, channelChart}, 64);
    for (const QString &id : {QStringLiteral("category"), QStringLiteral("statistics_group"), QStringLiteral("channel"),
             QStringLiteral("priority"), QStringLiteral("branch")})
        doc.addTable(printTable(tables.breakdown(id), m_language));

    // 4. The regulator's three axes (JR/T 0169-2018).
    doc.addHeading(heading(4, u"监管分类统计（JR/T 0169-2018）", u"Regulator's classification (JR/T 0169-2018)"));
    for (const QString &id :
        {QStringLiteral("axis_channel"), QStringLiteral("axis_business"), QStringLiteral("axis_cause")})
        doc.addTable(printTable(tables.breakdown(id), m_language));

    // 5–6. Causes and handlers.
    doc.addHeading(heading(5, u"主要投诉原因", u"Top causes"));
    doc.addTable(printTable(tables.topCauses(), m_language, false));
    doc.addHeading(heading(6, u"经办人情况", u"Handlers"));
    doc.addTable(printTable(tables.handlers(), m_language, false));

    // 7. Repeat and escalated cases.
    doc.addHeading(heading(7, u"重复投诉与升级处理案件", u"Repeat complaints and escalated cases"));
    const auto listNote = [&](const MonthlyReport::CaseList &list) {
        if (list.total > list.cases.size()) {
            doc.addText(text(u"共%1件，此处列出前%2件。", u"%1 in all; the first %2 are listed.")
                            .arg(list.total)
                            .arg(list.cases.size()),
                PrintDocument::TextStyle::Note);
        }
    };
    doc.addTable(printTable(tables.repeats(), m_language));
    listNote(m_report.repeats);
    doc.addTable(printTable(tables.escalated(), m_language));
    listNote(m_report.escalated);

    // 8. Corrective measures.
    doc.addHeading(heading(8, u"整改措施", u"Corrective measures"));
    doc.addTable(printTable(tables.correctiveSummary(), m_language, false));
    doc.addTable(printTable(tables.correctiveActions(), m_language));

    // 9. Early warning details and the rule that produced them.
    doc.addHeading(heading(9, u"预警明细", u"Early warnings"));
    QStringList dimensions;
    for (const QString &dimension : m_report.warningRules.dimensions())
        dimensions.append(dimension == QLatin1String("branch") ? text(u"机构", u"branch") : text(u"类别", u"category"));
    doc.addTable(printTable(tables.warnings(), m_language, false));
    doc.addText(text(u"规则：本月件数不少于%1件，且大于前%2个月平均值加%3倍标准差时预警（维度：%4）。",
                    u"Rule: flagged when this month's count is at least %1 and exceeds the mean of the previous %2 "
                    u"months plus %3 standard deviations (dimensions: %4).")
                    .arg(m_report.warningRules.minimumCount())
                    .arg(m_report.warningRules.baselineMonths())
                    .arg(QString::number(m_report.warningRules.sigmaMultiplier(), 'g', 3),
                        dimensions.join(QStringLiteral(", "))),
        PrintDocument::TextStyle::Note);

    // Appendix and signatures.
    doc.addHeading(text(u"附录：指标口径", u"Appendix: definitions"));
    doc.addTable(printTable(tables.definitions(), m_language, false));
    doc.addSignatures({text(u"编制", u"Prepared by"), text(u"审核", u"Reviewed by"), text(u"审批", u"Approved by")},
        text(u"签字：", u"Signature:"), text(u"日期：", u"Date:"));
    return doc;
}

} // namespace casedesk
