#pragma once

#include "report/MonthlyReport.h"
#include "report/ReportTable.h"

#include <QList>
#include <QString>

namespace casedesk {

// The monthly report as tables in one language, shared by the printed report, the XLSX workbook (one
// sheet per table) and the CSV file (one section per table), so the three never disagree.
class MonthlyReportTables
{
public:
    MonthlyReportTables(const MonthlyReport &report, QString language);

    // Every table in report order: kpis, trend, the distributions, top causes, handlers, repeats,
    // escalated, corrective actions, warnings, definitions.
    QList<ReportTable> all() const;

    ReportTable kpis() const;
    ReportTable trend() const;
    ReportTable breakdown(const QString &id) const;
    ReportTable topCauses() const;
    ReportTable handlers() const;
    ReportTable repeats() const;
    ReportTable escalated() const;
    ReportTable correctiveSummary() const;
    ReportTable correctiveActions() const;
    ReportTable warnings() const;
    ReportTable definitions() const;

    // The heading of a distribution ("按投诉类别" …) in the table's language.
    LocalizedText breakdownTitle(const QString &id) const;
    QString text(const LocalizedText &text) const { return text.text(m_language); }
    const QString &language() const { return m_language; }

private:
    QDateTime local(const QDateTime &at) const;

    MonthlyReport m_report;
    QString m_language;
};

} // namespace casedesk
